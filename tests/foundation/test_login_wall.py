"""Every front-end URL needs a signed-in user, except sign-in, static files and the health check."""

import pytest
from django.test import Client

from tests.factories import TEST_PASSWORD, ContentPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/", "/wcc/", "/search/?q=leave", "/documents/1/x.pdf", "/nowhere/"]
)
def test_anonymous_visitors_are_sent_to_sign_in(client: Client, organisation, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_anonymous_visitors_to_the_admin_are_sent_to_the_same_sign_in_page(client: Client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_sign_in_page_is_open_to_anyone(client: Client):
    response = client.get("/accounts/login/")

    assert response.status_code == 200
    assert b'name="username"' in response.content
    assert b'name="password"' in response.content


def test_static_files_are_served_without_signing_in(client: Client):
    response = client.get("/static/build/commons.css")

    assert response.status_code == 200


def test_signing_in_with_the_right_password_opens_the_page_asked_for(client: Client, organisation):
    page = ContentPageFactory(parent=organisation.section_page, title="Annual leave")
    UserFactory(username="someone", organisations=[organisation])

    response = client.post(
        "/accounts/login/",
        {"username": "someone", "password": TEST_PASSWORD, "next": page.url},
    )

    assert response.status_code == 302
    assert response["Location"] == "/wcc/annual-leave/"
    assert client.get(page.url).status_code == 200


def test_a_wrong_password_shows_a_clear_error_without_a_stack_trace(client: Client):
    UserFactory(username="someone")

    response = client.post("/accounts/login/", {"username": "someone", "password": "wrong"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Enter a correct username and password" in content
    assert "Traceback" not in content


def test_an_inactive_account_cannot_sign_in(client: Client):
    UserFactory(username="leaver", is_active=False)

    response = client.post("/accounts/login/", {"username": "leaver", "password": TEST_PASSWORD})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_signing_out_needs_a_post_and_ends_the_session(staff_client: Client):
    assert staff_client.get("/accounts/logout/").status_code == 405

    response = staff_client.post("/accounts/logout/")

    assert response.status_code == 302
    assert staff_client.get("/").status_code == 302
