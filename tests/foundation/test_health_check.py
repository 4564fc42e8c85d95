"""/healthz answers load balancers without a session and reports the database."""

from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_health_check_reports_a_reachable_database(client: Client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_the_health_check_fails_when_the_database_cannot_be_queried(client: Client):
    # The one mock here: a database outage cannot be staged inside the test database.
    with mock.patch("intranet.core.views.connection.cursor", side_effect=OperationalError):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}
