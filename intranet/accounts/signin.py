"""The checks every sign-in through an identity provider must pass, in one place.

allauth (``adapters``) has already checked the state (one use, this browser's session), the
PKCE verifier, and the ID token's signature, issuer (the discovery document's) and audience
(our client id) before these run. These add what is ours: the provider is switched on and is
the one the record names, the nonce we sent came back, the email is verified and belongs to
*that provider's* organisation, and the person is allowed in (not a leaver, not switched off,
not a platform operator, who signs in with a password).
"""

import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from . import selectors
from .models import IdentityProvider

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refusal:
    """What the person is told (title, message) and what the log records (reason)."""

    title: str
    message: str
    reason: str


def claims_of(extra_data: dict) -> tuple[dict, dict]:
    """(all claims, ID token claims) from allauth's account data: userinfo over the ID token."""
    id_token = dict(extra_data.get("id_token") or {})
    claims = {**id_token, **(extra_data.get("userinfo") or {})}
    return claims, id_token


def is_true(value) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def check_sign_in(
    provider: IdentityProvider | None, claims: dict, id_token: dict, state: dict, user
) -> Refusal | None:
    """The first reason this sign-in must be refused, or ``None`` to let it through."""
    if provider is None or not provider.enabled:
        name = provider.organisation.short_name if provider else "this organisation"
        return Refusal(
            "Sign-in with this account is switched off",
            f"Signing in with {name}'s accounts is switched off at the moment. "
            "Ask your organisation's IT service desk.",
            "provider missing or disabled",
        )
    if state.get("process") != "login" or not state.get("nonce"):
        return _try_again("not started from the sign-in page")
    if id_token.get("nonce") != state["nonce"]:
        return _try_again("nonce mismatch")
    if str(id_token.get("iss", "")).rstrip("/") != provider.issuer.rstrip("/"):
        return _try_again(f"issuer {id_token.get('iss')!r} is not {provider.issuer!r}")
    email = str(claims.get("email") or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        return Refusal(
            "Your account has no email address",
            "Your organisation's sign-in did not tell us your email address, so we cannot "
            "sign you in. Ask your organisation's IT service desk.",
            "no email claim",
        )
    if not is_true(claims.get("email_verified")):
        return Refusal(
            "Your email address is not verified",
            f"Your organisation's sign-in has not verified {email}, so we cannot sign you in. "
            "Ask your organisation's IT service desk.",
            "email_verified is not true",
        )
    if selectors.email_domain(email) not in provider.vouched_domains:
        return Refusal(
            "You cannot sign in with this account here",
            f"{provider.organisation.short_name}'s sign-in cannot vouch for {email}: that is "
            "not one of its email addresses. Sign in with your own organisation's account.",
            f"foreign domain {selectors.email_domain(email)!r}",
        )
    existing = user if user is not None and user.pk else None
    if existing is not None and existing.is_superuser:
        return Refusal(
            "Sign in with your password",
            "Platform operators sign in with their username and password.",
            "superuser",
        )
    if existing is not None and not existing.is_active:
        return Refusal(
            "This account has been switched off",
            "This account has been switched off. Ask your organisation's IT service desk.",
            "inactive user",
        )
    if selectors.leaver_for(existing, email) is not None:
        return Refusal(
            "You cannot sign in",
            "Our records say you have left your organisation, so you cannot sign in. If this "
            "is wrong, ask your organisation's HR or IT service desk.",
            "leaver",
        )
    return None


def _try_again(reason: str) -> Refusal:
    return Refusal(
        "Sign-in did not work",
        "We could not complete your sign-in. It may have been started in another window or "
        "taken too long. Go back to the sign-in page and try again.",
        reason,
    )
