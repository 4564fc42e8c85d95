# Commons: `make run` to try it, `make test` to prove it. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# `make serve`: production settings behind gunicorn (intranet/gunicorn.conf.py) with the worker.
# Needs SECRET_KEY and ALLOWED_HOSTS (and DATABASE_URL etc.); see README's Production section.
SERVE_SETTINGS ?= intranet.settings.production

.PHONY: run serve test bench load install assets migrate seed sso-demo lint format check-migrations check clean

run: install assets migrate seed
	@echo "Starting the task worker and the server on http://$(HOST):$(PORT)/ (Ctrl+C stops both)"
	@trap 'kill 0' INT TERM EXIT; \
	  $(MANAGE) db_worker & \
	  $(MANAGE) runserver $(HOST):$(PORT)

serve: install assets
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) $(MANAGE) check --deploy
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) $(MANAGE) migrate --no-input
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) $(MANAGE) collectstatic --no-input --verbosity 0
	@echo "Starting the task worker and gunicorn on $${GUNICORN_BIND:-$(HOST):$(PORT)} (Ctrl+C stops both)"
	@trap 'kill 0' INT TERM EXIT; \
	  DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) $(MANAGE) db_worker & \
	  DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) HOST=$(HOST) PORT=$(PORT) \
	    $(BIN)/gunicorn --config intranet/gunicorn.conf.py

test: install assets
	$(BIN)/pytest $(PYTEST_ARGS)

# Figures, not pass/fail: see bench/. BENCH_DOCUMENTS=100 BENCH_ITEMS=10000 BENCH_PEOPLE=500,5000 BENCH_POSTS=1000,10000
# for a quick run.
# The search benchmark starts PostgreSQL and OpenSearch itself (scripts/) unless
# DATABASE_URL (a postgres:// server) and OPENSEARCH_URL are already set.
bench: install
	$(BIN)/python bench/import_documents.py
	$(BIN)/python bench/import_people.py
	$(BIN)/python bench/import_wordpress.py
	$(BIN)/python bench/write_queries.py
	scripts/bench-search

# Figures, not pass/fail: the site under production settings (gunicorn, the task worker, an
# import running) on PostgreSQL + OpenSearch, and Locust at 20 then 50 signed-in users, on
# 127.0.0.1 only. LOAD_MINUTES (default 2) per user count; see bench/load/ and docs/performance.md.
load: install assets
	scripts/load

# Single sign-on on your own machine: a local OpenID Connect provider registered for the three
# demo councils (scripts/oidc-provider, scripts/sso-demo); then `COMMONS_SSO_DEMO_SECRET=demo make run`.
sso-demo: migrate seed
	scripts/oidc-provider start
	scripts/sso-demo

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
	$(BIN)/lint-imports  # layers and cycles: [tool.importlinter] in pyproject.toml

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-migrations: install
	$(MANAGE) makemigrations --check --dry-run

check: lint check-migrations

clean:
	rm -rf $(VENV) node_modules static/build staticfiles var
