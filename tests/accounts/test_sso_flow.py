"""Single sign-on against a real OpenID Connect provider (scripts/oidc-provider): each
council's path on it is that council's own issuer."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from intranet.access.models import AuditEvent
from intranet.organisations.models import Membership
from intranet.people.models import Person
from tests.accounts.oidc import (
    SECRET_ENV,
    claims_for,
    provider_sign_in,
    provider_url,
    query_of,
    register,
    sign_in,
    start,
)
from tests.accounts.oidc import back_at_commons as back
from tests.factories import OrganisationFactory, PersonFactory, add_to_group

User = get_user_model()


@pytest.fixture
def oidc(db, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "not-a-real-secret")
    return provider_url()


@pytest.fixture
def hf(oidc):
    hf = OrganisationFactory(slug="hf", short_name="H&F", email_domains="lbhf.gov.uk")
    register(hf, oidc, mappings=["SG-SocialCare=hf/social-care", "SG-Editors=hf/editors"])
    return hf


@pytest.fixture
def rbkc(oidc):
    rbkc = OrganisationFactory(slug="rbkc", short_name="RBKC", email_domains="rbkc.gov.uk")
    register(rbkc, oidc)
    return rbkc


def group_names(user) -> set[str]:
    return {str(g.organisation_group) for g in user.groups.select_related("organisation_group")}


def test_first_sign_in_makes_the_account_links_the_person_and_maps_groups(client, hf, rbkc):
    person = PersonFactory(organisation=hf, email="ann.smith@lbhf.gov.uk")
    claims = claims_for(
        "Ann.Smith@lbhf.gov.uk",
        given_name="Ann",
        family_name="Smith",
        job_title="Social worker",
        groups=["SG-SocialCare", "SG-Unmapped"],
    )

    response = sign_in(client, "ann.smith@lbhf.gov.uk", claims, next_url="/people/")

    assert response.status_code == 302 and response["Location"] == "/people/"
    user = User.objects.get(email="ann.smith@lbhf.gov.uk")
    assert (user.username, user.get_full_name(), user.job_title) == (
        "ann.smith@lbhf.gov.uk",
        "Ann Smith",
        "Social worker",
    )
    assert not user.has_usable_password()
    assert set(
        Membership.objects.filter(user=user).values_list("organisation__slug", flat=True)
    ) == {"hf"}
    assert group_names(user) == {"hf/social-care"}
    person.refresh_from_db()
    assert person.user == user
    event = AuditEvent.objects.filter(
        object_type=User._meta.label, object_id=str(user.pk), organisation=hf
    ).get()
    assert "joined hf" in event.ground and "hf/social-care" in event.ground
    assert client.get("/people/").status_code == 200


def test_the_next_sign_in_removes_groups_no_longer_asserted_and_keeps_the_rest(client, hf, rbkc):
    first = claims_for("bo@lbhf.gov.uk", groups=["SG-SocialCare", "SG-Editors"])
    assert sign_in(client, "bo@lbhf.gov.uk", first).status_code == 302
    user = User.objects.get(email="bo@lbhf.gov.uk")
    add_to_group(user, hf, "admins")  # an admin's manual choice: not in the map
    add_to_group(user, rbkc, "social-care")  # another council's group

    client.logout()
    again = claims_for("bo@lbhf.gov.uk", groups="SG-Editors")
    assert sign_in(client, "bo@lbhf.gov.uk", again).status_code == 302

    assert group_names(user) == {"hf/editors", "hf/admins", "rbkc/social-care"}
    assert "groups removed: hf/social-care" in AuditEvent.objects.latest("pk").ground


def test_a_provider_cannot_vouch_for_another_councils_staff(client, hf, rbkc):
    PersonFactory(organisation=hf, email="cat@lbhf.gov.uk")
    response = start(client, "anyone@rbkc.gov.uk")
    # RBKC's provider answers for an H&F address.
    callback = provider_sign_in(response["Location"], claims_for("cat@lbhf.gov.uk"))

    refused = back(client, callback)

    assert refused.status_code == 403
    assert "cannot vouch for cat@lbhf.gov.uk" in refused.content.decode()
    assert not User.objects.filter(email="cat@lbhf.gov.uk").exists()
    assert "_auth_user_id" not in client.session


def test_an_email_the_provider_has_not_verified_is_refused(client, hf):
    claims = claims_for("dan@lbhf.gov.uk", email_verified=False)

    refused = sign_in(client, "dan@lbhf.gov.uk", claims)

    assert refused.status_code == 403
    assert "has not verified" in refused.content.decode()
    assert not User.objects.filter(email="dan@lbhf.gov.uk").exists()


def test_a_tampered_state_is_refused(client, hf):
    refused = sign_in(client, "eve@lbhf.gov.uk", claims_for("eve@lbhf.gov.uk"), tamper_state=True)

    assert refused.status_code == 400
    assert "Sign-in did not work" in refused.content.decode()
    assert not User.objects.filter(email="eve@lbhf.gov.uk").exists()


def test_a_leaver_is_refused(client, hf):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    PersonFactory(organisation=hf, email="fay@lbhf.gov.uk", left_on=yesterday)

    refused = sign_in(client, "fay@lbhf.gov.uk", claims_for("fay@lbhf.gov.uk"))

    assert refused.status_code == 403
    assert "you have left" in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_provider_switched_off_mid_sign_in_is_refused(client, hf, oidc):
    response = start(client, "gus@lbhf.gov.uk")
    register(hf, oidc, enabled=False)
    callback = provider_sign_in(response["Location"], claims_for("gus@lbhf.gov.uk"))

    refused = back(client, callback)

    assert refused.status_code == 403
    assert "switched off" in refused.content.decode()


def test_an_unsafe_next_is_ignored(client, hf):
    response = sign_in(
        client, "hal@lbhf.gov.uk", claims_for("hal@lbhf.gov.uk"), next_url="https://evil.example/"
    )

    assert response.status_code == 302 and response["Location"] == "/"


def test_the_provider_is_sent_the_email_as_login_hint_with_pkce_and_nonce(client, hf, oidc):
    response = start(client, "ivy@lbhf.gov.uk")

    assert response["Location"].startswith(f"{oidc}/hf/authorize?")
    query = query_of(response["Location"])
    assert query["login_hint"] == "ivy@lbhf.gov.uk"
    assert query["code_challenge_method"] == "S256" and query["code_challenge"]
    assert query["nonce"] and query["state"]
    assert query["client_id"] == "commons-hf"


def test_an_existing_account_with_the_email_is_signed_in(client, hf):
    existing = User.objects.create_user("jo.staff", email="jo@lbhf.gov.uk", password="x" * 20)

    assert sign_in(client, "jo@lbhf.gov.uk", claims_for("jo@lbhf.gov.uk")).status_code == 302

    assert int(client.session["_auth_user_id"]) == existing.pk
    assert Person.objects.count() == 0  # nothing to link, and nothing invented
