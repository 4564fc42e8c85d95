# Commons: `make run` to try it, `make test` to prove it. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench install assets migrate seed lint format check-migrations check clean

run: install assets migrate seed
	@echo "Starting the task worker and the server on http://$(HOST):$(PORT)/ (Ctrl+C stops both)"
	@trap 'kill 0' INT TERM EXIT; \
	  $(MANAGE) db_worker & \
	  $(MANAGE) runserver $(HOST):$(PORT)

test: install assets
	$(BIN)/pytest $(PYTEST_ARGS)

# Figures, not pass/fail: see bench/. BENCH_DOCUMENTS=100 BENCH_ITEMS=10000 for a quick run.
# The search benchmark starts PostgreSQL and OpenSearch itself (scripts/) unless
# DATABASE_URL (a postgres:// server) and OPENSEARCH_URL are already set.
bench: install
	$(BIN)/python bench/import_documents.py
	scripts/bench-search

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

assets: node_modules/.installed
	npm run --silent build

migrate: install
	$(MANAGE) migrate --no-input

seed: migrate
	$(MANAGE) seed_demo

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-migrations: install
	$(MANAGE) makemigrations --check --dry-run

check: lint check-migrations

clean:
	rm -rf $(VENV) node_modules static/build staticfiles var
