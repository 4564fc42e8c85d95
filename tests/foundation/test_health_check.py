"""/healthz answers load balancers without a session: database, search engine, task backlog.

Only the database decides the status: without the engine search falls back to the database.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.search.helpers import engine_down

pytestmark = pytest.mark.django_db
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_health_check_reports_the_database_search_and_tasks(client: Client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "search": "ok",
        "tasks": {"pending": 0, "oldest_pending_seconds": None},
    }
    assert "no-cache" in response["Cache-Control"]


@override_settings(TASKS=DATABASE_TASKS)
def test_the_health_check_reports_how_long_the_oldest_task_has_waited(client: Client):
    DBTaskResult.objects.create(
        task_path="intranet.library.tasks.extract_document_text",
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now() - timedelta(minutes=10),
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))

    tasks = client.get("/healthz").json()["tasks"]

    assert tasks["pending"] == 1
    assert 590 <= tasks["oldest_pending_seconds"] <= 660


def test_the_health_check_fails_when_the_database_cannot_be_queried(client: Client):
    # The one mock here: a database outage cannot be staged inside the test database.
    with mock.patch("intranet.core.health.connection.cursor", side_effect=OperationalError):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "unavailable"


def test_the_health_check_reports_search_degraded_but_stays_up_when_the_engine_is_down(
    client: Client,
):
    with engine_down():
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["search"] == "degraded"
