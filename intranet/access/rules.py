"""THE access rule. Every reader — page serving, documents, listings, API, search, feeds —
asks this module, either about one item (``decide``) or as a query filter (``rule_q``).

A signed-in, active user may view an item iff they are a superuser, or
  the audience holds (partnership: member of any organisation; organisation: member of the
  owner; groups: in one of the item's groups) AND
  the classification holds (OFFICIAL: always; OFFICIAL-SENSITIVE: accepted the owner's
  current commitment statement AND (member of the owner OR an active agreement from the owner
  to one of their organisations covers it, limited to its grantee groups if it names any)).
Anything else — anonymous, inactive, missing facts — is refused (fail closed).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Exists, Q

from .choices import AUDIENCE_BREADTH, CLASSIFICATION_LEVEL, Audience, Classification


@dataclass(frozen=True)
class Grant:
    """An active agreement that lets this viewer see a grantor's sensitive content."""

    agreement_id: int
    reference: str
    grantor_id: int


@dataclass(frozen=True)
class Viewer:
    """What the rule needs to know about a user, loaded once per request."""

    user_id: int | None = None
    is_superuser: bool = False
    is_active: bool = False
    organisation_ids: frozenset[int] = frozenset()
    group_ids: frozenset[int] = frozenset()
    accepted_statement_org_ids: frozenset[int] = frozenset()
    grants: tuple[Grant, ...] = ()

    @property
    def is_member_anywhere(self) -> bool:
        return bool(self.organisation_ids)

    def sensitive_grant(self, owner_id: int | None) -> Grant | None:
        return next((g for g in self.grants if g.grantor_id == owner_id), None)

    @property
    def sensitive_grantor_ids(self) -> frozenset[int]:
        return frozenset(g.grantor_id for g in self.grants)


ANONYMOUS = Viewer()


@dataclass(frozen=True)
class AccessFacts:
    """The stable facts about an item that the rule reads."""

    owner_id: int | None
    audience: str
    classification: str
    group_ids: frozenset[int] = field(default_factory=frozenset)
    handling_caveat: str = ""

    @property
    def is_sensitive(self) -> bool:
        return self.classification == Classification.OFFICIAL_SENSITIVE


@dataclass(frozen=True)
class Decision:
    allowed: bool
    ground: str = ""
    grant: Grant | None = None
    # True when accepting the owner's current statement is all that stands in the way.
    needs_statement: bool = False


def _audience_holds(viewer: Viewer, facts: AccessFacts) -> bool:
    if facts.audience == Audience.PARTNERSHIP:
        return viewer.is_member_anywhere
    if facts.audience == Audience.ORGANISATION:
        return facts.owner_id is not None and facts.owner_id in viewer.organisation_ids
    if facts.audience == Audience.GROUPS:
        return bool(facts.group_ids & viewer.group_ids)
    return False


def decide(viewer: Viewer, facts: AccessFacts | None) -> Decision:
    """May this viewer see the item? With the ground to record if it is sensitive."""
    if not viewer.is_active or viewer.user_id is None or facts is None:
        return Decision(False)
    if viewer.is_superuser:
        return Decision(True, ground="platform operator (superuser)")
    if not _audience_holds(viewer, facts):
        return Decision(False)
    if facts.classification == Classification.OFFICIAL:
        return Decision(True, ground="official")
    if facts.classification != Classification.OFFICIAL_SENSITIVE or facts.owner_id is None:
        return Decision(False)
    if facts.owner_id in viewer.organisation_ids:
        ground, grant = "member of the owning organisation", None
    else:
        grant = viewer.sensitive_grant(facts.owner_id)
        if grant is None:
            return Decision(False)
        ground = f"information-sharing agreement {grant.reference}"
    if facts.owner_id not in viewer.accepted_statement_org_ids:
        return Decision(False, needs_statement=True)
    return Decision(True, ground=ground, grant=grant)


def widens(before: AccessFacts, after: AccessFacts) -> bool:
    """Could anyone see an item with ``after`` facts who could not see it with ``before``?

    Read the way ``narrow`` orders audiences and classifications: the same owner, an audience
    no broader (groups: only groups it already had) and a classification no lower is never
    wider. Another owner is wider unless ``before`` was already everyone's (partnership and
    OFFICIAL), since another organisation's staff and agreements would then decide.
    """
    if before.audience == Audience.PARTNERSHIP and before.classification == Classification.OFFICIAL:
        return False
    if after.owner_id != before.owner_id:
        return True
    if AUDIENCE_BREADTH[after.audience] > AUDIENCE_BREADTH[before.audience]:
        return True
    if (
        after.audience == Audience.GROUPS
        and before.audience == Audience.GROUPS
        and not after.group_ids <= before.group_ids
    ):
        return True
    return CLASSIFICATION_LEVEL[after.classification] < CLASSIFICATION_LEVEL[before.classification]


@dataclass(frozen=True)
class AccessPaths:
    """Where a model keeps its effective facts, as ORM lookups, for the query form."""

    owner: str
    audience: str
    classification: str
    # Builds ``Exists(...)`` (or a ``Q``): the item has one of these OrganisationGroup ids.
    has_group: Callable[[frozenset[int]], Exists | Q]


@dataclass(frozen=True)
class VisibleSet:
    """The rule solved for one viewer: which fact values make an item visible to them.

    An item is visible iff ``everything``, or (its audience is partnership and
    ``partnership``, or organisation and its owner is in ``organisation_owner_ids``, or groups
    and one of its groups is in ``group_ids``) and (it is OFFICIAL, or OFFICIAL-SENSITIVE and
    its owner is in ``sensitive_owner_ids``). Query builders (the ORM below, the search
    engine's filter in ``search``) render this; none of them re-derive the rule.
    """

    everything: bool = False
    partnership: bool = False
    organisation_owner_ids: frozenset[int] = frozenset()
    group_ids: frozenset[int] = frozenset()
    sensitive_owner_ids: frozenset[int] = frozenset()

    @property
    def nothing(self) -> bool:
        return not (
            self.everything or self.partnership or self.organisation_owner_ids or self.group_ids
        )


def visible_set(viewer: Viewer) -> VisibleSet:
    """The same rule as ``decide``, solved for the viewer rather than for one item."""
    if not viewer.is_active or viewer.user_id is None:
        return VisibleSet()
    if viewer.is_superuser:
        return VisibleSet(everything=True)
    return VisibleSet(
        partnership=viewer.is_member_anywhere,
        organisation_owner_ids=viewer.organisation_ids,
        group_ids=viewer.group_ids,
        sensitive_owner_ids=viewer.accepted_statement_org_ids
        & (viewer.organisation_ids | viewer.sensitive_grantor_ids),
    )


def rule_q(viewer: Viewer, paths: AccessPaths) -> Q:
    """The same rule as ``decide``, as a filter. An always-false Q when nothing may be seen."""
    visible = visible_set(viewer)
    nothing = Q(pk__in=[])
    if visible.everything:
        return Q()
    if visible.nothing:
        return nothing
    audience = nothing
    if visible.partnership:
        audience |= Q(**{paths.audience: Audience.PARTNERSHIP})
    if visible.organisation_owner_ids:
        audience |= Q(
            **{
                paths.audience: Audience.ORGANISATION,
                f"{paths.owner}__in": visible.organisation_owner_ids,
            }
        )
    if visible.group_ids:
        audience |= Q(**{paths.audience: Audience.GROUPS}) & Q(paths.has_group(visible.group_ids))
    classification = Q(**{paths.classification: Classification.OFFICIAL})
    if visible.sensitive_owner_ids:
        classification |= Q(
            **{
                paths.classification: Classification.OFFICIAL_SENSITIVE,
                f"{paths.owner}__in": visible.sensitive_owner_ids,
            }
        )
    return audience & classification
