"""Reads for sign-in: which organisation and provider an email belongs to, and who may not
sign in with a password."""

from dataclasses import dataclass

import requests
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from intranet.organisations.models import Organisation
from intranet.people.models import Person

from .models import ClaimGroupMapping, IdentityProvider


@dataclass(frozen=True)
class Realm:
    """The answer of home-realm discovery for one email address."""

    domain: str
    organisation: Organisation | None
    provider: IdentityProvider | None

    @property
    def usable(self) -> bool:
        return self.provider is not None and self.provider.enabled


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def realm_for_email(email: str) -> Realm:
    """Home-realm discovery: the organisation whose domains include the email's, and the
    provider that may vouch for that domain (``None`` when none does).

    Organisations' domains are a handful of short lists, so they are read and matched here
    rather than with a text search that could match part of a domain.
    """
    domain = email_domain(email)
    for organisation in Organisation.objects.select_related("identity_provider"):
        if domain in organisation.email_domain_list:
            provider = getattr(organisation, "identity_provider", None)
            if provider is not None and domain not in provider.vouched_domains:
                provider = None
            return Realm(domain, organisation, provider)
    return Realm(domain, None, None)


def provider_by_slug(slug: str) -> IdentityProvider | None:
    return (
        IdentityProvider.objects.select_related("organisation")
        .filter(organisation__slug=slug)
        .first()
    )


def all_providers() -> list[IdentityProvider]:
    return list(IdentityProvider.objects.select_related("organisation"))


def any_provider_enabled() -> bool:
    return IdentityProvider.objects.filter(enabled=True).exists()


def password_sign_in_refused_by(user) -> Organisation | None:
    """The organisation (of the user's) that has switched password sign-in off, if any.

    Platform operators are exempt: they keep a password to mend a broken provider. For staff
    of several organisations the strictest wins.
    """
    if user.is_superuser:
        return None
    provider = (
        IdentityProvider.objects.select_related("organisation")
        .filter(organisation__memberships__user=user, password_sign_in=False)
        .order_by("organisation__slug")
        .first()
    )
    return provider.organisation if provider else None


def leaver_for(user, email: str) -> Person | None:
    """The directory entry that says this person has left (leaving date today or earlier).

    A person with a leaving date still ahead is working their notice and may sign in.
    """
    today = timezone.localdate()
    candidates = Person.objects.filter(left_on__isnull=False, left_on__lte=today)
    by_email = candidates.filter(email__iexact=email).first() if email else None
    if by_email is not None:
        return by_email
    if user is not None and user.pk:
        return candidates.filter(user=user).first()
    return None


def mapped_groups(organisation: Organisation, asserted: set[str]) -> tuple[set[Group], set[Group]]:
    """(groups the claims map to, every group the organisation's map manages).

    Groups the map does not name are never touched by sign-in: an admin's manual choice stays.
    """
    wanted: set[Group] = set()
    managed: set[Group] = set()
    mappings = ClaimGroupMapping.objects.filter(
        organisation=organisation, group__organisation=organisation
    ).select_related("group__group")
    for mapping in mappings:
        managed.add(mapping.group.group)
        if mapping.claim_value in asserted:
            wanted.add(mapping.group.group)
    return wanted, managed


DISCOVERY_CACHE_SECONDS = 3600


def end_session_endpoint(provider: IdentityProvider) -> str | None:
    """The provider's RP-initiated logout endpoint (OpenID Connect RP-Initiated Logout 1.0),
    if its discovery document offers one; cached for an hour. An unreachable provider offers
    none: signing out of Commons must never wait on it or fail."""
    key = f"sso:end-session:{provider.pk}:{provider.issuer}"
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    url = f"{provider.issuer.rstrip('/')}/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=settings.SOCIALACCOUNT_REQUESTS_TIMEOUT)
        response.raise_for_status()
        endpoint = response.json().get("end_session_endpoint") or ""
    except (requests.RequestException, ValueError):
        return None
    cache.set(key, endpoint, DISCOVERY_CACHE_SECONDS)
    return endpoint or None
