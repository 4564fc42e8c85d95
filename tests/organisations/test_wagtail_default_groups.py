"""Wagtail's default "Editors" and "Moderators" groups hold no rights over every council.

Wagtail's migrations create them with permissions on the root page and the root collection;
the organisations migration 0002 takes those away, and nothing of ours grants them again.
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from intranet.demo.seeding import seed_demo
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "intranet.organisations.migrations.0002_remove_wagtails_root_groups"
)


def root_rights(group: Group) -> tuple[int, int]:
    return (
        GroupPagePermission.objects.filter(group=group, page__depth=1).count(),
        GroupCollectionPermission.objects.filter(group=group, collection__depth=1).count(),
    )


def as_wagtail_created_it(name: str) -> Group:
    """The group as Wagtail's migrations leave it: rights at the root page and collection."""
    group = Group.objects.create(name=name)
    GroupPagePermission.objects.create(
        group=group, page=Page.get_first_root_node(), permission_type="change"
    )
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_document"),
    )
    return group


def default_groups() -> list[str]:
    return sorted(
        Group.objects.filter(name__in=["Editors", "Moderators"]).values_list("name", flat=True)
    )


def test_a_migrated_database_has_neither_group(db):
    assert default_groups() == []


def test_the_migration_deletes_a_group_nobody_is_in():
    as_wagtail_created_it("Editors")

    migration.remove_root_rights(apps, schema_editor=None)

    assert default_groups() == []


def test_the_migration_keeps_a_group_with_members_but_takes_its_root_rights():
    moderators = as_wagtail_created_it("Moderators")
    UserFactory(username="someone").groups.add(moderators)

    migration.remove_root_rights(apps, schema_editor=None)

    assert default_groups() == ["Moderators"]
    assert root_rights(moderators) == (0, 0)


def test_the_migration_leaves_an_organisations_own_groups_alone():
    wcc = OrganisationFactory(slug="wcc")
    editors = Group.objects.get(name="wcc/editors")
    before = (
        GroupPagePermission.objects.filter(group=editors).count(),
        GroupCollectionPermission.objects.filter(group=editors).count(),
    )

    migration.remove_root_rights(apps, schema_editor=None)

    assert before[0] > 0 and before[1] > 0
    assert (
        GroupPagePermission.objects.filter(group=editors, page=wcc.section_page).count()
        == before[0]
    )
    assert GroupCollectionPermission.objects.filter(group=editors).count() == before[1]


def test_provisioning_and_the_demo_never_create_them_again():
    seed_demo()

    assert default_groups() == []
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
    assert not GroupCollectionPermission.objects.filter(collection__depth=1).exists()
