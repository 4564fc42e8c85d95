"""Test clients already signed in as a given user."""

from django.test import Client


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def signed_in_with_password(username: str, password: str) -> Client:
    """Signed in through the sign-in form, as a person would (and as throttling watches).

    ``Client.login()`` calls ``authenticate()`` without a request, which django-axes refuses:
    it cannot count failures it cannot attribute to an address.
    """
    client = Client()
    response = client.post("/accounts/login/", {"username": username, "password": password})
    assert response.status_code == 302, f"{username} could not sign in"
    return client


def refusal(response) -> str:
    """How a request was refused, to assert exactly: "403", "404", or "302 <target>" (Wagtail's
    admin redirects a signed-in user who lacks a permission to its dashboard, with a message) —
    so a redirect to the sign-in page can never pass for a refusal."""
    if response.status_code == 302:
        return f"302 {response.url}"
    return str(response.status_code)
