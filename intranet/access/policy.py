"""The one place that answers "may this user see / download / edit this?".

``can_view``/``can_download``/``can_edit`` answer for one object; ``visible_to`` applies the
same rule to a queryset. Both read the rule in ``rules``; nothing else decides access.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, Max, OuterRef, QuerySet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from intranet.organisations.models import Membership, Organisation, OrganisationGroup

from .choices import Audience, Classification
from .models import (
    CommitmentStatement,
    InformationSharingAgreement,
    OrganisationPolicy,
    PageAccess,
    StatementAcceptance,
    WideningRule,
)
from .rules import (
    ANONYMOUS,
    AccessFacts,
    AccessPaths,
    Decision,
    Grant,
    Viewer,
    decide,
    rule_q,
    widens,
)

_VIEWER_CACHE = "_commons_access_viewer"


def viewer_for(user) -> Viewer:
    """Everything the rule needs about ``user``, loaded once and kept on the user object."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, _VIEWER_CACHE, None)
    if cached is not None:
        return cached
    organisation_ids = frozenset(
        Membership.objects.filter(user=user).values_list("organisation_id", flat=True)
    )
    group_ids = frozenset(
        OrganisationGroup.objects.filter(group__user=user).values_list("pk", flat=True)
    )
    viewer = Viewer(
        user_id=user.pk,
        is_superuser=user.is_superuser,
        is_active=user.is_active,
        organisation_ids=organisation_ids,
        group_ids=group_ids,
        accepted_statement_org_ids=_accepted_current_statements(user),
        grants=_sensitive_grants(organisation_ids, group_ids),
    )
    setattr(user, _VIEWER_CACHE, viewer)
    return viewer


def forget_viewer(user) -> None:
    """Drop the cached viewer after the user's memberships or acceptances change."""
    if hasattr(user, _VIEWER_CACHE):
        delattr(user, _VIEWER_CACHE)


def _accepted_current_statements(user) -> frozenset[int]:
    latest = CommitmentStatement.objects.values("organisation_id").annotate(v=Max("version"))
    current = {row["organisation_id"]: row["v"] for row in latest}
    accepted = StatementAcceptance.objects.filter(user=user).values_list(
        "statement__organisation_id", "statement__version"
    )
    return frozenset(org for org, version in accepted if current.get(org) == version)


def _sensitive_grants(organisation_ids: frozenset[int], group_ids: frozenset[int]) -> tuple:
    if not organisation_ids:
        return ()
    agreements = (
        InformationSharingAgreement.objects.active()
        .filter(grantee_id__in=organisation_ids, covers_official_sensitive=True)
        .prefetch_related("grantee_groups")
        .order_by("pk")
    )
    grants = []
    for agreement in agreements:
        limited_to = {g.pk for g in agreement.grantee_groups.all()}
        if not limited_to or limited_to & group_ids:
            grants.append(Grant(agreement.pk, agreement.reference, agreement.grantor_id))
    return tuple(grants)


# --- Where each content model keeps its facts -------------------------------------------------

PAGE_PATHS = AccessPaths(
    owner="access_record__owner_organisation",
    audience="access_record__audience",
    classification="access_record__classification",
    has_group=lambda ids: Exists(
        PageAccess.groups.through.objects.filter(
            pageaccess_id=OuterRef("pk"), organisationgroup_id__in=ids
        )
    ),
)


def paths_for(model) -> AccessPaths | None:
    """Pages are known here (their records are this app's); every other model declares
    ``access_paths`` itself (``EffectiveAccess`` columns, or copies such as search entries)."""
    if issubclass(model, Page):
        return PAGE_PATHS
    return getattr(model, "access_paths", None)


def facts_for(obj) -> AccessFacts | None:
    """The effective facts of one item; None (refuse) for anything the policy does not know."""
    if isinstance(obj, Page):
        if Page.access_record.is_cached(obj):  # Fetched with the page (select_related).
            record = getattr(obj, "access_record", None)
        else:
            record = PageAccess.objects.filter(page_id=obj.pk).first()
        return record.access_facts() if record else None
    if hasattr(obj, "access_facts"):  # Models that declare their own (documents, images).
        return obj.access_facts()
    return None


# --- The public questions ---------------------------------------------------------------------


def decision(user, obj) -> Decision:
    return decision_on(user, facts_for(obj))


def decision_on(user, facts: AccessFacts | None) -> Decision:
    """The decision for facts the caller has already read (one read per item per request)."""
    return decide(viewer_for(user), facts)


def can_view(user, obj) -> bool:
    return decision(user, obj).allowed


# People in the global address book are seen like partnership-wide OFFICIAL content.
ADDRESS_BOOK = AccessFacts(
    owner_id=None, audience=Audience.PARTNERSHIP, classification=Classification.OFFICIAL
)


def can_view_address_book(user) -> bool:
    """May ``user`` look colleagues up (directory pages, people in search)?"""
    return decide(viewer_for(user), ADDRESS_BOOK).allowed


def within_owner(user, obj) -> bool:
    """May ``user`` see what ``obj`` keeps for its owner's own staff (a person's mobile
    number)? Only if they may view it, and would even were it limited to its organisation."""
    facts = facts_for(obj)
    if facts is None or facts.owner_id is None:
        return False
    own_staff = AccessFacts(
        owner_id=facts.owner_id,
        audience=Audience.ORGANISATION,
        classification=facts.classification,
    )
    return decide(viewer_for(user), facts).allowed and decide(viewer_for(user), own_staff).allowed


def can_download(user, obj) -> bool:
    """Download is view, until an organisation's policy says otherwise."""
    return can_view(user, obj)


def can_edit(user, obj) -> bool:
    """Editing needs the item visible *and* Wagtail's permission for it: the page's, or the
    collection-based permission policy of a model that declares its access (documents)."""
    if not can_view(user, obj):
        return False
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    permissions = policy_registry.get_by_type(type(obj), fallback=False)
    if permissions is None:
        return False
    return permissions.user_has_permission_for_instance(user, "change", obj)


def administered_organisation_ids(user) -> frozenset[int]:
    """Organisations whose ``<org>/admins`` group ``user`` is in."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    return frozenset(
        OrganisationGroup.objects.filter(
            role=OrganisationGroup.Role.ADMINS, group__user=user
        ).values_list("organisation_id", flat=True)
    )


def may_widen(user, before: AccessFacts) -> bool:
    """May ``user`` make an item with ``before`` facts visible to more people?

    The owning organisation decides, as data (``OrganisationPolicy.widening_by``): its admins
    only (the default), or any editor. Callers check first that the user may view the item.
    """
    if user.is_superuser:
        return True
    if before.owner_id is None:
        return False
    if before.owner_id in administered_organisation_ids(user):
        return True
    rule = (
        OrganisationPolicy.objects.filter(organisation_id=before.owner_id)
        .values_list("widening_by", flat=True)
        .first()
    )
    return rule == WideningRule.EDITORS


def widening_refusal(user, before: AccessFacts | None, after: AccessFacts) -> str:
    """Why ``user`` may not change an item's access from ``before`` to ``after`` ("" = may)."""
    if before is None or not widens(before, after) or may_widen(user, before):
        return ""
    owner = Organisation.objects.filter(pk=before.owner_id).first()
    return (
        f"This would let more people see it (now: {describe(before)}; after: {describe(after)}). "
        f"Only {owner.short_name if owner else 'an organisation'}’s admins can widen access; "
        "ask one of them, or choose somewhere that keeps it as narrow."
    )


def describe(facts: AccessFacts) -> str:
    """Who may see an item, in words for forms and the audit trail."""
    owner = Organisation.objects.filter(pk=facts.owner_id).first() if facts.owner_id else None
    if facts.audience == Audience.PARTNERSHIP:
        audience = "all partner staff"
    elif facts.audience == Audience.ORGANISATION:
        audience = f"{owner.short_name if owner else 'the owning organisation'} staff"
    else:
        groups = OrganisationGroup.objects.filter(pk__in=facts.group_ids).select_related(
            "organisation"
        )
        audience = ", ".join(sorted(group.identifier for group in groups)) or "no group"
    return f"{audience}, {facts.classification}"


def visible_to(user, queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to what ``user`` may view; empty for models the policy doesn't know."""
    paths = paths_for(queryset.model)
    if paths is None:
        return queryset.none()
    return queryset.filter(rule_q(viewer_for(user), paths))


def visible_to_for_search(user, queryset: QuerySet) -> QuerySet:
    """``visible_to`` for querysets that Wagtail's search narrows further (admin choosers,
    the admin API): its backends filter only on indexed fields, and every model indexes its
    primary key."""
    visible = visible_to(user, queryset.model._default_manager.all())
    return queryset.filter(pk__in=visible.values_list("pk", flat=True))
