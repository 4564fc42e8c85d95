"""Home-realm discovery: "Sign in with your work email" → the organisation's provider."""

import logging
import os
import secrets
from urllib.parse import urlencode

import requests
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.base import AuthProcess
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LogoutView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import selectors
from .adapters import SIGNED_IN_WITH
from .forms import WorkEmailForm
from .models import IdentityProvider

logger = logging.getLogger(__name__)


def safe_next(request: HttpRequest, value: str | None) -> str | None:
    """``next`` if it stays on this site, else ``None`` (the home page)."""
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return None


@login_not_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    """Home-realm discovery: the email's domain picks its organisation's provider, and the
    browser goes there with the email as ``login_hint``. Anything that stops that (unknown
    domain, no provider, switched off) is said on the sign-in page, beside the form."""
    form = WorkEmailForm(request.POST)
    next_url = safe_next(request, request.POST.get("next"))
    if form.is_valid():
        email = form.cleaned_data["email"].strip()
        realm = selectors.realm_for_email(email)
        problem = _realm_problem(realm)
        if problem:
            form.add_error("email", problem)
        else:
            provider = get_adapter(request).get_provider(request, realm.provider.slug)
            nonce = secrets.token_urlsafe(24)
            auth_params = {**provider.get_auth_params(), "login_hint": email, "nonce": nonce}
            try:
                # The nonce is kept in allauth's server-side state for this sign-in and
                # checked against the ID token when the browser comes back (signin).
                return provider.redirect(
                    request,
                    AuthProcess.LOGIN,
                    next_url=next_url,
                    auth_params=auth_params,
                    nonce=nonce,
                )
            except requests.RequestException as error:
                # Its discovery document could not be read: the provider is down or moved.
                logger.error("SSO for %s: provider unreachable: %s", realm.provider.slug, error)
                form.add_error("email", _not_working(realm.organisation.short_name))
    context = {
        # The sign-in page's password form, empty (its own view, intranet.core, checks it).
        "form": AuthenticationForm(request),
        "sso_form": form,
        "sso_available": True,
        "next": next_url or "",
    }
    return render(request, "registration/login.html", context)


def _realm_problem(realm: selectors.Realm) -> str | None:
    if realm.organisation is None:
        return (
            f"No partner organisation uses email addresses ending @{realm.domain}. Check the "
            "address, or sign in with a username and password"
        )
    name = realm.organisation.short_name
    if realm.provider is None:
        return (
            f"{name} staff cannot sign in with their work email yet. Sign in with a username "
            "and password"
        )
    if not realm.provider.enabled:
        return (
            f"Signing in with {name}'s accounts is switched off at the moment. Ask your "
            "organisation's IT service desk"
        )
    if not os.environ.get(realm.provider.client_secret_env):
        logger.error(
            "SSO for %s: environment variable %s (client secret) is not set",
            realm.organisation.slug,
            realm.provider.client_secret_env,
        )
        return _not_working(name)
    return None


def _not_working(name: str) -> str:
    return (
        f"Signing in with {name}'s accounts is not working at the moment. Try again later, "
        "or ask your organisation's IT service desk"
    )


class SignOutView(LogoutView):
    """Signs out of Commons and, for someone who signed in with their council's provider,
    out of that provider too where it offers RP-initiated logout (OpenID Connect RP-Initiated
    Logout 1.0: ``client_id`` and ``post_logout_redirect_uri``, as no ID token is kept) — on a
    shared hot desk, leaving the council's session open would let the next person back in."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        provider_id = request.session.get(SIGNED_IN_WITH)
        response = super().post(request, *args, **kwargs)
        provider = IdentityProvider.objects.filter(pk=provider_id, enabled=True).first()
        endpoint = selectors.end_session_endpoint(provider) if provider else None
        if endpoint is None:
            return response
        back = request.build_absolute_uri(reverse("login"))
        query = urlencode({"client_id": provider.client_id, "post_logout_redirect_uri": back})
        separator = "&" if "?" in endpoint else "?"
        return HttpResponseRedirect(f"{endpoint}{separator}{query}")
