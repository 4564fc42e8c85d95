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
