"""Writes for single sign-on: registering a provider and its claim → group map, and what one
sign-in through a provider changes (the account, its membership, its mapped groups).

Every write here is audited in the organisation's trail.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from intranet.access import audit
from intranet.organisations.models import Organisation, OrganisationGroup
from intranet.organisations.provisioning import ensure_group
from intranet.organisations.validators import split_domains
from intranet.people.services import link_account

from .models import ClaimGroupMapping, IdentityProvider
from .selectors import mapped_groups

_UNSET = object()


@dataclass
class Configured:
    provider: IdentityProvider
    created: bool
    changes: list[str] = field(default_factory=list)


def parse_mapping(value: str) -> tuple[str, str, str]:
    """``CLAIM=ORG/GROUP`` → (claim, org slug, group slug); the claim may contain ``=``."""
    claim, sep, target = value.rpartition("=")
    org_slug, slash, group_slug = target.partition("/")
    if not sep or not claim or not slash or not org_slug or not group_slug:
        raise ValidationError(
            f"“{value}” is not CLAIM=ORG/GROUP, e.g. SG-SocialCare=hf/social-care"
        )
    return claim, org_slug, group_slug


def configure_provider(
    organisation: Organisation,
    *,
    issuer: str,
    client_id: str,
    client_secret_env: str,
    domains: Iterable[str] | None = None,
    groups_claim: str | None = None,
    scopes: str | None = None,
    password_sign_in: bool | None = None,
    enabled: bool | None = None,
    mappings: Iterable[str] | None = None,
    actor=None,
) -> Configured:
    """Create or update the organisation's provider to match exactly what is given.

    Idempotent: running it twice with the same arguments changes nothing the second time
    (and audits nothing). Arguments left as ``None`` keep their current value; ``mappings``,
    when given, becomes the organisation's whole claim → group map (entries not named are
    removed), so a script can take a mapping away as well as add one. Raises
    ``ValidationError`` without writing anything if any part is wrong.
    """
    provider = IdentityProvider.objects.filter(organisation=organisation).first()
    created = provider is None
    if created:
        provider = IdentityProvider(organisation=organisation)
    before = {f: getattr(provider, f) for f in _AUDITED_FIELDS} if not created else {}
    provider.issuer = issuer.rstrip("/")
    provider.client_id = client_id
    provider.client_secret_env = client_secret_env
    if domains is not None:
        provider.email_domains = "\n".join(split_domains(",".join(domains)))
    for name, value in (
        ("groups_claim", groups_claim),
        ("scopes", scopes),
        ("password_sign_in", password_sign_in),
        ("enabled", enabled),
    ):
        if value is not None:
            setattr(provider, name, value)
    provider.full_clean()

    wanted_map: list[tuple[str, str]] | None = None
    if mappings is not None:
        wanted_map = []
        for entry in mappings:
            claim, org_slug, group_slug = parse_mapping(entry)
            if org_slug != organisation.slug:
                raise ValidationError(
                    f"{entry}: {organisation.slug}'s provider may only map to its own groups "
                    "(sign-in never grants another organisation's groups)."
                )
            wanted_map.append((claim, group_slug))

    changes: list[str] = []
    with transaction.atomic():
        if created:
            changes.append(f"provider registered ({provider.issuer})")
        else:
            changes += [
                f"{name}: {before[name]!r} → {getattr(provider, name)!r}"
                for name in _AUDITED_FIELDS
                if before[name] != getattr(provider, name)
            ]
        if created or changes:
            provider.save()
        if wanted_map is not None:
            changes += _replace_map(organisation, wanted_map)
        if changes:
            audit.record_change(actor, organisation, provider, "; ".join(changes))
    return Configured(provider, created, changes)


_AUDITED_FIELDS = (
    "issuer",
    "client_id",
    "client_secret_env",
    "email_domains",
    "scopes",
    "groups_claim",
    "job_title_claim",
    "enabled",
    "password_sign_in",
)


def _replace_map(organisation: Organisation, wanted: list[tuple[str, str]]) -> list[str]:
    changes = []
    keep: set[int] = set()
    for claim, group_slug in wanted:
        group = OrganisationGroup.objects.filter(organisation=organisation, slug=group_slug).first()
        if group is None:
            group = ensure_group(organisation, group_slug, group_slug.replace("-", " ").title())
        mapping, made = ClaimGroupMapping.objects.get_or_create(
            organisation=organisation, claim_value=claim, group=group
        )
        keep.add(mapping.pk)
        if made:
            changes.append(f"mapped {mapping}")
    for mapping in ClaimGroupMapping.objects.filter(organisation=organisation).exclude(pk__in=keep):
        changes.append(f"unmapped {mapping}")
        mapping.delete()
    return changes


def provider_changed(provider: IdentityProvider, actor, what: str) -> None:
    """A provider registered or edited in the admin: into the organisation's audit trail."""
    audit.record_change(actor, provider.organisation, provider, what)


def mapping_changed(mapping: ClaimGroupMapping, actor, what: str) -> None:
    """An entry of the claim → group map added, edited or removed in the admin: audited."""
    audit.record_change(actor, mapping.organisation, mapping, what)


# --- One sign-in ------------------------------------------------------------------------------


def asserted_groups(claims: dict, claim_name: str) -> set[str]:
    """The groups claim as a set: providers send a JSON list, some a space/comma string."""
    value = claims.get(claim_name)
    if value is None:
        return set()
    if isinstance(value, str):
        return {part for part in value.replace(",", " ").split() if part}
    if isinstance(value, list | tuple):
        return {str(part) for part in value}
    return set()


@dataclass
class SignedIn:
    user: object
    joined: bool
    added: list[str]
    removed: list[str]


def apply_sign_in(user, provider: IdentityProvider, claims: dict) -> SignedIn:
    """What a sign-in through ``provider`` changes, after every check has passed.

    The person's name and job title are refreshed from the claims; they become a member of
    the provider's organisation (and of no other: cross-council access is the job of
    sharing agreements and groups); the groups its claim → group map names are brought in
    step with the claims — added when asserted, removed when no longer asserted — while
    groups the map does not name (an admin's manual choices, other organisations' groups)
    are left alone. The directory entry with the same email is linked. Audited every time.
    """
    organisation = provider.organisation
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        updates = {
            "first_name": str(claims.get("given_name") or "")[:150],
            "last_name": str(claims.get("family_name") or "")[:150],
            "job_title": str(claims.get(provider.job_title_claim) or "")[:200],
        }
        changed = [
            name for name, value in updates.items() if value and getattr(user, name) != value
        ]
        for name in changed:
            setattr(user, name, updates[name])
        if changed:
            user.save(update_fields=changed)

        _, joined = organisation.memberships.get_or_create(user=user)

        wanted, managed = mapped_groups(
            organisation, asserted_groups(claims, provider.groups_claim)
        )
        current = set(user.groups.filter(pk__in=[g.pk for g in managed]))
        to_add = wanted - current
        to_remove = (managed - wanted) & current
        user.groups.add(*to_add)
        user.groups.remove(*to_remove)
        added = sorted(str(g.organisation_group) for g in to_add)
        removed = sorted(str(g.organisation_group) for g in to_remove)

        link_account(user)
        what = [f"signed in through {organisation.short_name}'s identity provider"]
        if joined:
            what.append(f"joined {organisation.slug}")
        if added:
            what.append("groups added: " + ", ".join(added))
        if removed:
            what.append("groups removed: " + ", ".join(removed))
        audit.record_change(user, organisation, user, "; ".join(what))
    return SignedIn(user, joined, added, removed)
