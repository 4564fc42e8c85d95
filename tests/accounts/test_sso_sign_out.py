"""Signing out after single sign-on also ends the session at the council's provider (RP-initiated
logout), so the next person at a hot desk is not signed straight back in; a password sign-out
stays at Commons."""

import pytest
import requests
from django.contrib.auth import get_user_model

from tests.accounts.oidc import SECRET_ENV, claims_for, provider_url, query_of, register, sign_in
from tests.clients import signed_in
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hf(db, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "not-a-real-secret")
    base_url = provider_url()
    hf = OrganisationFactory(slug="hf", short_name="H&F", email_domains="lbhf.gov.uk")
    register(hf, base_url)
    return hf, base_url


def test_signing_out_after_sso_signs_out_of_the_councils_provider_and_comes_back(client, hf):
    _, base_url = hf
    sign_in(client, "ann.smith@lbhf.gov.uk", claims_for("ann.smith@lbhf.gov.uk"))
    assert client.get("/people/").status_code != 302  # signed in

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{base_url}/hf/endsession")
    assert query_of(location) == {
        "client_id": "commons-hf",
        "post_logout_redirect_uri": "http://testserver/accounts/login/",
    }
    back = requests.get(location, allow_redirects=False, timeout=15)
    assert back.status_code == 302
    assert back.headers["Location"] == "http://testserver/accounts/login/"
    assert client.get("/people/").status_code == 302  # signed out of Commons


def test_a_password_sign_out_stays_at_commons(hf):
    user = get_user_model().objects.create_user("hf.staff", "staff@lbhf.gov.uk", "x")
    client = signed_in(user)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response["Location"].startswith("/")
