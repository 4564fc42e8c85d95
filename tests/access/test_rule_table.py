"""The rule, case by case: audience × classification × membership × group × statement ×
agreement, checked for one item (can_view) and as a query (visible_to) against an oracle
written straight from the rule's wording."""

import datetime
import itertools

import pytest
from django.utils import timezone
from wagtail.models import Page

from intranet.access.choices import Audience, Classification
from intranet.access.models import CommitmentStatement, InformationSharingAgreement
from intranet.access.policy import can_view, visible_to
from intranet.access.statements import accept
from intranet.organisations.models import Membership
from tests.factories import (
    ContentPageFactory,
    OrganisationFactory,
    UserFactory,
    add_to_group,
    restrict,
)

pytestmark = pytest.mark.django_db

MEMBERSHIP = ["owner", "partner", "none"]
IN_ITEM_GROUP = [True, False]
STATEMENT = ["current", "outdated", "none"]
AGREEMENT = ["none", "active", "expired", "revoked", "other-group"]
AUDIENCES = [Audience.PARTNERSHIP, Audience.ORGANISATION, Audience.GROUPS]
CLASSIFICATIONS = [Classification.OFFICIAL, Classification.OFFICIAL_SENSITIVE]


def expected(audience, classification, membership, in_group, statement, agreement) -> bool:
    """The rule as the issue states it, written independently of intranet.access.rules."""
    if audience == Audience.PARTNERSHIP:
        audience_holds = membership != "none"
    elif audience == Audience.ORGANISATION:
        audience_holds = membership == "owner"
    else:
        audience_holds = in_group
    if classification == Classification.OFFICIAL:
        return audience_holds
    shared_to_them = membership == "owner" or (membership == "partner" and agreement == "active")
    return audience_holds and statement == "current" and shared_to_them


@pytest.fixture
def world():
    """One owner with six items (each audience × classification), a partner organisation
    per agreement case, and one user for every combination of the other dimensions."""
    today = timezone.localdate()
    owner = OrganisationFactory(slug="own")
    owner_team = add_to_group(UserFactory(username="seed", organisations=[owner]), owner, "team")
    old = CommitmentStatement.objects.create(organisation=owner, text="Version 1")
    CommitmentStatement.objects.create(organisation=owner, text="Version 2")

    partners = {}
    for case in AGREEMENT:
        partner = OrganisationFactory(slug=f"p-{case}")
        partners[case] = partner
        if case == "none":
            continue
        agreement = InformationSharingAgreement.objects.create(
            grantor=owner,
            grantee=partner,
            reference=f"ISA-{case}",
            purpose="Testing",
            starts_on=today - datetime.timedelta(days=30),
            ends_on=today + datetime.timedelta(days=(-1 if case == "expired" else 30)),
            revoked_at=timezone.now() if case == "revoked" else None,
        )
        # Every agreement but "other-group" is limited to the partner's "team" group,
        # which every partner user below belongs to.
        limited_to = "elsewhere" if case == "other-group" else "team"
        from intranet.organisations.provisioning import ensure_group

        agreement.grantee_groups.set([ensure_group(partner, limited_to, limited_to)])

    items = {}
    for audience, classification in itertools.product(AUDIENCES, CLASSIFICATIONS):
        page = ContentPageFactory(parent=owner.section_page, title=f"{audience} {classification}")
        restrict(
            page,
            audience=audience,
            classification=classification,
            groups=[owner_team] if audience == Audience.GROUPS else [],
        )
        items[(audience, classification)] = page

    users = []
    for membership, in_group, statement, agreement in itertools.product(
        MEMBERSHIP, IN_ITEM_GROUP, STATEMENT, AGREEMENT
    ):
        user = UserFactory(username=f"{membership}-{in_group}-{statement}-{agreement}")
        if membership == "owner":
            Membership.objects.create(user=user, organisation=owner)
        elif membership == "partner":
            Membership.objects.create(user=user, organisation=partners[agreement])
            add_to_group(user, partners[agreement], "team")
        if in_group:
            user.groups.add(owner_team.group)
        if statement == "current":
            accept(user, owner.statements.get(version=2))
        elif statement == "outdated":
            accept(user, old)
        users.append(((membership, in_group, statement, agreement), user))
    return items, users


def test_every_combination_follows_the_rule_for_one_item_and_as_a_query(world):
    items, users = world
    pks = [page.pk for page in items.values()]
    checked = allowed = 0
    for case, user in users:
        visible = set(
            visible_to(user, Page.objects.filter(pk__in=pks)).values_list("pk", flat=True)
        )
        for (audience, classification), page in items.items():
            want = expected(audience, classification, *case)
            assert can_view(user, page) is want, (case, audience, classification)
            assert (page.pk in visible) is want, (case, audience, classification)
            checked += 1
            allowed += want
    assert checked == len(MEMBERSHIP) * 2 * 3 * len(AGREEMENT) * 6
    assert 0 < allowed < checked  # the table exercises both answers


def test_a_superuser_sees_every_item_even_without_membership_or_statement(world):
    items, _ = world
    operator = UserFactory(username="operator", is_superuser=True)

    assert all(can_view(operator, page) for page in items.values())
    assert (
        visible_to(operator, Page.objects.filter(pk__in=[p.pk for p in items.values()])).count()
        == 6
    )


def test_an_inactive_user_sees_nothing_even_as_a_superuser(world):
    items, _ = world
    operator = UserFactory(username="gone", is_superuser=True, is_active=False)

    assert not any(can_view(operator, page) for page in items.values())
    assert not visible_to(operator, Page.objects.all()).exists()


def test_anonymous_visitors_see_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    items, _ = world
    assert not any(can_view(AnonymousUser(), page) for page in items.values())
    assert not visible_to(AnonymousUser(), Page.objects.all()).exists()


def test_models_the_policy_does_not_know_are_hidden_entirely(world):
    from intranet.organisations.models import Organisation

    _, users = world
    owner_user = next(user for case, user in users if case[0] == "owner")

    assert not visible_to(owner_user, Organisation.objects.all()).exists()
    assert not can_view(owner_user, Organisation.objects.first())
