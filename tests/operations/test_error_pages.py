"""A failure shows a styled page (or JSON for the APIs) with a reference, never a traceback.

The reference is the request id, also in the ``X-Request-ID`` header and every log line of
the request, so the service desk can find what happened.
"""

import logging

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.operations.urls")]


@pytest.fixture
def client_seeing_errors(staff_user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(staff_user)
    return client


def test_a_bug_shows_the_styled_problem_page_with_the_request_reference(
    client_seeing_errors, caplog
):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client_seeing_errors.get("/broken/")

    page = response.content.decode()
    reference = response["X-Request-ID"]
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in page
    assert f'<strong class="commons-request-id">{reference}</strong>' in page
    assert "Traceback" not in page and "ValueError" not in page
    assert "govuk-heading-l" in page
    assert [record.request_id for record in caplog.records] == [reference]


def test_a_database_outage_shows_the_unavailable_page_and_asks_to_retry(client_seeing_errors):
    response = client_seeing_errors.get("/database-gone/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in response.content.decode()
    assert "OperationalError" not in response.content.decode()


def test_an_api_failure_answers_json_with_the_reference(client_seeing_errors):
    response = client_seeing_errors.get("/api/broken/")

    assert response.status_code == 500
    assert response.json() == {
        "error": "Sorry, there is a problem with the service. Try again later.",
        "request_id": response["X-Request-ID"],
    }


def test_a_proxy_request_id_is_kept_and_a_made_up_one_replaced(client_seeing_errors):
    kept = client_seeing_errors.get("/healthz", headers={"X-Request-ID": "lb-1234abcd"})
    replaced = client_seeing_errors.get("/healthz", headers={"X-Request-ID": "<script>"})

    assert kept["X-Request-ID"] == "lb-1234abcd"
    assert len(replaced["X-Request-ID"]) == 32 and "<" not in replaced["X-Request-ID"]
