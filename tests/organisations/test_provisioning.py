"""Adding an organisation gives it a section, a library collection and its standard groups."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from home.models import SectionPage
from intranet.organisations.models import Organisation
from intranet.organisations.provisioning import ensure_group, provision_organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_new_organisation_gets_its_section_at_its_own_address():
    organisation = OrganisationFactory(slug="lfb", name="London Fire Brigade")

    section = organisation.section_page.specific
    assert isinstance(section, SectionPage)
    assert section.live
    assert section.url == "/lfb/"
    assert section.title == "London Fire Brigade"


def test_a_new_organisation_gets_a_library_collection_under_the_root():
    organisation = OrganisationFactory(slug="lfb", name="London Fire Brigade")

    collection = organisation.library_collection
    assert collection.name == "London Fire Brigade"
    assert collection.get_parent() == Collection.get_first_root_node()


def test_a_new_organisation_gets_editor_moderator_and_admin_groups_named_by_slug():
    organisation = OrganisationFactory(slug="lfb")

    identifiers = sorted(group.identifier for group in organisation.groups.all())
    assert identifiers == ["lfb/admins", "lfb/editors", "lfb/moderators"]
    assert organisation.group("editors").name == "lfb/editors"


def test_editors_may_edit_and_publish_only_inside_their_own_section():
    organisation = OrganisationFactory(slug="lfb")
    editors = organisation.group("editors")

    granted = GroupPagePermission.objects.filter(group=editors)
    assert {p.page_id for p in granted} == {organisation.section_page_id}
    assert {p.permission.codename for p in granted} == {"add_page", "change_page", "publish_page"}
    assert editors.permissions.filter(codename="access_admin").exists()


def test_editors_may_add_documents_and_images_only_to_their_own_library():
    organisation = OrganisationFactory(slug="lfb")

    granted = GroupCollectionPermission.objects.filter(group=organisation.group("editors"))
    assert {p.collection_id for p in granted} == {organisation.library_collection_id}
    # Wagtail checks its base models' permissions even for custom document/image models.
    assert {p.permission.codename for p in granted} >= {
        "add_document",
        "change_document",
        "choose_document",
        "add_image",
    }


def test_provisioning_twice_creates_nothing_new():
    organisation = OrganisationFactory(slug="lfb")
    counts = (SectionPage.objects.count(), Collection.objects.count(), organisation.groups.count())

    provision_organisation(organisation)

    assert (
        SectionPage.objects.count(),
        Collection.objects.count(),
        organisation.groups.count(),
    ) == counts


def test_an_extra_group_is_identified_by_organisation_and_group_slug():
    organisation = OrganisationFactory(slug="rbkc")

    group = ensure_group(organisation, "social-care", "Social care")

    assert group.identifier == "rbkc/social-care"
    assert group.group.name == "rbkc/social-care"
    assert not GroupPagePermission.objects.filter(group=group.group).exists()


def test_the_create_organisation_command_adds_a_partner_in_one_step(capsys):
    call_command(
        "create_organisation",
        "lfb",
        "--name=London Fire Brigade",
        "--short-name=LFB",
        "--accent=#d4351c",
        "--domains=london-fire.gov.uk",
    )

    organisation = Organisation.objects.get(slug="lfb")
    assert organisation.section_page.url == "/lfb/"
    assert organisation.email_domain_list == ["london-fire.gov.uk"]
    assert "London Fire Brigade is ready" in capsys.readouterr().out


def test_the_create_organisation_command_rejects_bad_input_with_a_reason():
    with pytest.raises(CommandError, match="accent_colour"):
        call_command("create_organisation", "lfb", "--name=London Fire Brigade", "--accent=#ffff00")

    assert not Organisation.objects.filter(slug="lfb").exists()
