"""Drives a sign-in through a real OpenID Connect provider (scripts/oidc-provider): Commons
through Django's test client, the provider over HTTP, as a browser would between them."""

import json
import os
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from django.test import Client

from intranet.accounts.services import configure_provider

SECRET_ENV = "COMMONS_TEST_SSO_SECRET"


def provider_url() -> str:
    """COMMONS_OIDC_URL, or skip (fail when COMMONS_REQUIRE_OIDC is set, as CI does)."""
    url = os.environ.get("COMMONS_OIDC_URL", "").rstrip("/")
    if not url:
        reason = "needs a real OIDC provider: scripts/oidc-provider start, COMMONS_OIDC_URL"
        if os.environ.get("COMMONS_REQUIRE_OIDC"):
            pytest.fail(reason)
        pytest.skip(reason)
    return url


def register(organisation, base_url: str, **options):
    """``organisation``'s provider at ``<base_url>/<slug>`` (its own issuer)."""
    return configure_provider(
        organisation,
        issuer=f"{base_url}/{organisation.slug}",
        client_id=f"commons-{organisation.slug}",
        client_secret_env=SECRET_ENV,
        **options,
    ).provider


def claims_for(email: str, **extra) -> dict:
    return {"email": email, "email_verified": True, **extra}


def start(client: Client, email: str, next_url: str = ""):
    """Commons' "Sign in with your work email": the redirect to the provider."""
    return client.post("/sso/start/", {"email": email, "next": next_url})


def provider_sign_in(authorize_url: str, claims: dict, username: str | None = None) -> str:
    """The provider's sign-in page, submitted: returns where it sends the browser back to."""
    response = requests.post(
        authorize_url,
        data={
            "username": username or claims.get("email") or "someone",
            "claims": json.dumps(claims),
        },
        allow_redirects=False,
        timeout=15,
    )
    assert response.status_code == 302, response.text[:500]
    return response.headers["Location"]


def back_at_commons(client: Client, callback_url: str, tamper_state: bool = False):
    parts = urlsplit(callback_url)
    query = dict(parse_qsl(parts.query))
    if tamper_state:
        query["state"] = query["state"][::-1] + "x"
    return client.get(parts.path, query)


def sign_in(client: Client, email: str, claims: dict, next_url: str = "", **options):
    """The whole round trip; returns Commons' last response (the redirect after sign-in, or
    the refusal page)."""
    response = start(client, email, next_url)
    assert response.status_code == 302, response.content.decode()[:2000]
    callback = provider_sign_in(response["Location"], claims)
    return back_at_commons(client, callback, **options)


def query_of(url: str) -> dict:
    return dict(parse_qsl(urlsplit(url).query))
