"""allauth's hooks, pointed at our providers, checks and services.

- ``SocialAccountAdapter.list_apps``: allauth's "apps" are built from ``IdentityProvider``
  rows each time (secret read from the environment then), never kept in its own table.
- ``pre_social_login``: the checks of ``signin.check_sign_in``; a refusal is a page, not an
  error.
- ``AccountAdapter.post_login``: the provisioning of ``services.apply_sign_in`` once the
  person is signed in.
"""

import logging
import os

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors, services
from .models import IdentityProvider
from .signin import Refusal, check_sign_in, claims_of

logger = logging.getLogger(__name__)

PROVIDER = "openid_connect"
SIGNED_IN_WITH = "commons_sso_provider"  # session key: the IdentityProvider signed in with


def social_app(provider: IdentityProvider) -> SocialApp:
    """allauth's view of one of our providers (unsaved: allauth only reads it)."""
    return SocialApp(
        provider=PROVIDER,
        provider_id=provider.slug,
        name=provider.organisation.short_name,
        client_id=provider.client_id,
        secret=os.environ.get(provider.client_secret_env, ""),
        settings={
            "server_url": provider.issuer,
            "oauth_pkce_enabled": True,
            "scope": provider.scope_list,
        },
    )


def refused(request: HttpRequest, refusal: Refusal, status: int = 403) -> HttpResponse:
    return render(
        request,
        "accounts/refused.html",
        {"title": refusal.title, "message": refusal.message},
        status=status,
    )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None) -> list[SocialApp]:
        apps = []
        for record in selectors.all_providers():
            if provider and provider not in (PROVIDER, record.slug):
                continue
            if client_id and client_id != record.client_id:
                continue
            apps.append(social_app(record))
        return apps

    def pre_social_login(self, request, sociallogin) -> None:
        provider = selectors.provider_by_slug(sociallogin.account.provider)
        claims, id_token = claims_of(sociallogin.account.extra_data)
        refusal = check_sign_in(provider, claims, id_token, sociallogin.state, sociallogin.user)
        if refusal is not None:
            logger.warning(
                "SSO sign-in refused (provider %s, email %s): %s",
                sociallogin.account.provider,
                claims.get("email"),
                refusal.reason,
            )
            raise ImmediateHttpResponse(refused(request, refusal))

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ) -> None:
        """A failed hand-back (tampered or stale state, provider error, cancelled): a page
        that says what to do, never allauth's bare one or an error page."""
        logger.warning(
            "SSO sign-in failed (%s): %s %r", getattr(provider, "id", "?"), error, exception
        )
        raise ImmediateHttpResponse(
            refused(
                request,
                Refusal(
                    "Sign-in did not work",
                    "We could not complete your sign-in. It may have been started in another "
                    "window, taken too long or been cancelled. Go back to the sign-in page and "
                    "try again.",
                    str(error),
                ),
                status=400,
            )
        )

    def is_open_for_signup(self, request, sociallogin) -> bool:
        # Only reached after ``pre_social_login`` let the person through: their account is
        # made just in time.
        return True

    def is_auto_signup_allowed(self, request, sociallogin) -> bool:
        return True

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        email = (data.get("email") or "").strip().lower()
        # The email is the one name a council's account and ours share; usernames of staff
        # made by sign-in are their email addresses.
        user.email = email
        user.username = email
        return user


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # No self-service accounts: staff arrive through their provider (or an admin).
        return False

    def post_login(self, request, user, **kwargs):
        sociallogin = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        if sociallogin is not None:
            provider = selectors.provider_by_slug(sociallogin.account.provider)
            claims, _ = claims_of(sociallogin.account.extra_data)
            services.apply_sign_in(user, provider, claims)
            # Remembered for signing out of the provider too (``views.SignOutView``).
            request.session[SIGNED_IN_WITH] = provider.pk
        return super().post_login(request, user, **kwargs)
