"""Production settings refuse to start half-configured and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
    "SECRET_KEY": "x7#k2!p9@q" * 6,
    "ALLOWED_HOSTS": "intranet.example.gov.uk",
}


def manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    # Only what a real deployment would have: nothing left over from this test run.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in GOOD_ENVIRONMENT and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **GOOD_ENVIRONMENT)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_a_missing_variable_stops_start_up_with_its_name(missing):
    environment = {k: v for k, v in GOOD_ENVIRONMENT.items() if k != missing}

    result = manage("check", **environment)

    assert result.returncode != 0
    assert f"The environment variable {missing} must be set" in result.stderr


def test_a_weak_secret_key_stops_start_up():
    result = manage("check", **{**GOOD_ENVIRONMENT, "SECRET_KEY": "short"})

    assert result.returncode != 0
    assert "SECRET_KEY must be a long random value" in result.stderr


def test_a_malformed_boolean_names_the_variable():
    result = manage("check", **{**GOOD_ENVIRONMENT, "SECURE_SSL_REDIRECT": "perhaps"})

    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT must be true or false" in result.stderr
