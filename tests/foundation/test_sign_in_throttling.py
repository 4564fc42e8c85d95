"""Every sign-in form refuses an account after repeated wrong passwords, for a short while.

Failures count per account (and per account + address), never per address alone: a whole
council office signs in from one NAT address, and one person's typos must not lock the rest.
"""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings

from intranet.access.models import AuditEvent
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

OFFICE_ADDRESS = "10.20.30.40"
SIGN_IN_FORMS = ["/accounts/login/", "/admin/login/", "/_util/login/"]
LOCKED_HEADING = "Sign-in paused for this account"
LOCKED_MESSAGE = (
    "There have been too many unsuccessful attempts to sign in to this account, "
    "so it cannot be signed in to for 15 minutes."
)


def sign_in(client: Client, path: str, username: str, password: str):
    return client.post(path, {"username": username, "password": password})


def fail_to_sign_in(client: Client, path: str, username: str, times: int) -> None:
    for _ in range(times):
        sign_in(client, path, username, "not-the-password")


def assert_locked_out(response) -> None:
    assert response.status_code == 429
    content = response.content.decode()
    assert LOCKED_HEADING in content
    assert LOCKED_MESSAGE in content
    assert "ask your organisation's IT service desk to reset it" in content


@pytest.mark.parametrize("path", SIGN_IN_FORMS)
def test_thirty_wrong_passwords_lock_the_account_even_against_the_right_one(path, organisation):
    UserFactory(username="wcc.target", organisations=[organisation])
    client = Client(REMOTE_ADDR=OFFICE_ADDRESS)
    fail_to_sign_in(client, path, "wcc.target", 30)

    response = sign_in(client, path, "wcc.target", TEST_PASSWORD)

    assert_locked_out(response)
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_every_address_not_just_the_one_that_guessed(organisation):
    UserFactory(username="wcc.target", organisations=[organisation])
    fail_to_sign_in(Client(REMOTE_ADDR="203.0.113.9"), "/accounts/login/", "wcc.target", 10)

    response = sign_in(
        Client(REMOTE_ADDR=OFFICE_ADDRESS), "/accounts/login/", "wcc.target", TEST_PASSWORD
    )

    assert_locked_out(response)


def test_the_ninth_wrong_password_still_shows_the_ordinary_form_error(organisation):
    UserFactory(username="wcc.target", organisations=[organisation])
    client = Client(REMOTE_ADDR=OFFICE_ADDRESS)
    fail_to_sign_in(client, "/accounts/login/", "wcc.target", 8)

    response = sign_in(client, "/accounts/login/", "wcc.target", "not-the-password")

    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


def test_after_the_cool_off_the_right_password_works(organisation):
    UserFactory(username="wcc.target", organisations=[organisation])
    client = Client(REMOTE_ADDR=OFFICE_ADDRESS)
    fail_to_sign_in(client, "/accounts/login/", "wcc.target", 30)
    # Sixteen minutes pass: the failures are older than the 15-minute cool-off.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - datetime.timedelta(minutes=16)
    )

    response = sign_in(client, "/accounts/login/", "wcc.target", TEST_PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_a_colleague_in_the_same_office_can_still_sign_in(organisation):
    UserFactory(username="wcc.target", organisations=[organisation])
    UserFactory(username="wcc.colleague", organisations=[organisation])
    fail_to_sign_in(Client(REMOTE_ADDR=OFFICE_ADDRESS), "/accounts/login/", "wcc.target", 30)
    colleague = Client(REMOTE_ADDR=OFFICE_ADDRESS)

    response = sign_in(colleague, "/accounts/login/", "wcc.colleague", TEST_PASSWORD)

    assert response.status_code == 302
    assert colleague.session["_auth_user_id"]


def test_another_account_from_another_address_is_not_blocked(organisation):
    UserFactory(username="wcc.target", organisations=[organisation])
    UserFactory(username="wcc.other", organisations=[organisation])
    fail_to_sign_in(Client(REMOTE_ADDR=OFFICE_ADDRESS), "/accounts/login/", "wcc.target", 30)
    other = Client(REMOTE_ADDR="10.20.30.41")

    response = sign_in(other, "/accounts/login/", "wcc.other", TEST_PASSWORD)

    assert response.status_code == 302


def test_a_successful_sign_in_clears_the_earlier_failures(organisation):
    UserFactory(username="wcc.target", organisations=[organisation])
    client = Client(REMOTE_ADDR=OFFICE_ADDRESS)
    fail_to_sign_in(client, "/accounts/login/", "wcc.target", 9)
    assert sign_in(client, "/accounts/login/", "wcc.target", TEST_PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    fail_to_sign_in(client, "/accounts/login/", "wcc.target", 9)

    response = sign_in(client, "/accounts/login/", "wcc.target", TEST_PASSWORD)

    assert response.status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=datetime.timedelta(minutes=1))
def test_the_limit_and_the_period_come_from_the_settings(organisation):
    UserFactory(username="wcc.target", organisations=[organisation])
    client = Client(REMOTE_ADDR=OFFICE_ADDRESS)
    fail_to_sign_in(client, "/accounts/login/", "wcc.target", 3)

    response = sign_in(client, "/accounts/login/", "wcc.target", TEST_PASSWORD)

    assert response.status_code == 429
    assert "cannot be signed in to for 1 minute." in response.content.decode()


def test_a_lockout_writes_exactly_one_audit_event_for_the_accounts_organisation(organisation):
    user = UserFactory(username="wcc.target", organisations=[organisation])
    client = Client(REMOTE_ADDR=OFFICE_ADDRESS)
    fail_to_sign_in(client, "/accounts/login/", "wcc.target", 30)
    sign_in(client, "/accounts/login/", "wcc.target", TEST_PASSWORD)

    event = AuditEvent.objects.get(action=AuditEvent.Action.SIGN_IN_LOCKED)

    assert event.user == user
    assert event.username == "wcc.target"
    assert event.organisation == organisation
    assert event.user_organisations == "wcc"
    assert event.ground == f"Too many failed sign-ins from {OFFICE_ADDRESS}"


def test_a_locked_guess_at_no_account_is_audited_for_no_organisation(db):
    fail_to_sign_in(Client(REMOTE_ADDR=OFFICE_ADDRESS), "/accounts/login/", "nobody", 10)

    event = AuditEvent.objects.get(action=AuditEvent.Action.SIGN_IN_LOCKED)

    assert (event.user, event.username, event.organisation) == (None, "nobody", None)
