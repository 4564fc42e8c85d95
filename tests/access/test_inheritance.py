"""Effective access comes from the nearest ancestor that sets it; children may only narrow."""

import pytest
from django.test import Client
from wagtail.models import Collection, Page

from intranet.access.models import OrganisationPolicy, PageAccess
from intranet.access.policy import facts_for
from intranet.library.services import organisation_policy_changed, set_folder_access
from tests.factories import (
    ContentPageFactory,
    LibraryDocumentFactory,
    OrganisationFactory,
    UserFactory,
    accept_statement,
    add_to_group,
    page_form,
    restrict,
    shared_home,
)

pytestmark = pytest.mark.django_db


def test_pages_inherit_their_organisation_and_its_policy_default(hf):
    page = ContentPageFactory(parent=hf.section_page, title="Guidance")

    facts = facts_for(page)
    assert (facts.owner_id, facts.audience, facts.classification) == (
        hf.pk,
        "partnership",
        "OFFICIAL",
    )


def test_restricting_a_section_restricts_its_whole_subtree(hf):
    topic = ContentPageFactory(parent=hf.section_page, title="HR")
    leaf = ContentPageFactory(parent=topic, title="Leave")

    restrict(hf.section_page.specific, audience="organisation")

    assert facts_for(leaf).audience == "organisation"
    assert facts_for(topic).audience == "organisation"


def test_a_child_inherits_each_setting_from_the_nearest_ancestor_that_sets_it(hf):
    topic = restrict(
        ContentPageFactory(parent=hf.section_page, title="Social care"),
        classification="OFFICIAL-SENSITIVE",
        caveat="PERSONAL",
    )
    group = add_to_group(UserFactory(username="a"), hf, "social-care")
    leaf = restrict(
        ContentPageFactory(parent=topic, title="Cases"), audience="groups", groups=[group]
    )

    facts = facts_for(leaf)
    assert facts.audience == "groups"
    assert facts.group_ids == {group.pk}
    assert facts.classification == "OFFICIAL-SENSITIVE"
    assert facts.handling_caveat == "PERSONAL"


def test_shared_area_content_is_always_for_everyone_and_official():
    page = restrict(
        ContentPageFactory(parent=shared_home(), title="Shared"),
        audience="organisation",
        classification="OFFICIAL-SENSITIVE",
    )

    facts = facts_for(page)
    assert (facts.owner_id, facts.audience, facts.classification) == (
        None,
        "partnership",
        "OFFICIAL",
    )


def test_stored_data_that_would_widen_is_narrowed_not_trusted(hf):
    topic = restrict(
        ContentPageFactory(parent=hf.section_page, title="HR"), audience="organisation"
    )
    # Written directly, as an importer might, bypassing the form's check.
    leaf = restrict(ContentPageFactory(parent=topic, title="Leave"), audience="partnership")

    assert facts_for(leaf).audience == "organisation"


def test_moving_a_page_gives_it_and_its_children_the_new_parents_access(hf):
    rbkc = OrganisationFactory(slug="rbkc")
    topic = ContentPageFactory(parent=hf.section_page, title="HR")
    leaf = ContentPageFactory(parent=topic, title="Leave")

    topic.move(rbkc.section_page, pos="last-child")

    assert PageAccess.objects.get(page=leaf).owner_organisation == rbkc


def test_changing_the_policy_default_changes_content_that_does_not_set_its_own(hf):
    page = ContentPageFactory(parent=hf.section_page, title="Guidance")
    policy = OrganisationPolicy.objects.get(organisation=hf)

    policy.default_audience = "organisation"
    policy.save()
    organisation_policy_changed(hf)

    assert facts_for(page).audience == "organisation"


def test_documents_take_their_access_from_the_nearest_collection_that_sets_it(hf):
    policies = hf.library_collection.add_child(name="Policies")
    set_folder_access(hf.library_collection, audience="organisation")
    set_folder_access(policies, classification="OFFICIAL-SENSITIVE")
    document = LibraryDocumentFactory(
        title="Pay policy", collection=Collection.objects.get(pk=policies.pk), text="pay"
    )

    facts = facts_for(document)
    assert (facts.owner_id, facts.audience, facts.classification) == (
        hf.pk,
        "organisation",
        "OFFICIAL-SENSITIVE",
    )


def editor_client(organisation, accepted_statement: bool = False) -> Client:
    editor = UserFactory(username="editor", organisations=[organisation])
    add_to_group(editor, organisation, "editors")
    if accepted_statement:  # Sensitive pages are edited only by those who may read them.
        accept_statement(editor, organisation)
    client = Client()
    client.force_login(editor)
    return client


def test_the_editor_is_told_why_a_page_cannot_be_wider_than_its_parent(hf):
    topic = restrict(
        ContentPageFactory(parent=hf.section_page, title="HR"), audience="organisation"
    )

    response = editor_client(hf).post(
        f"/admin/pages/add/home/contentpage/{topic.pk}/",
        page_form("Leave", audience="partnership"),
    )

    assert response.status_code == 200
    assert "can narrow who may see it but not widen it" in response.content.decode()
    assert not Page.objects.child_of(topic).exists()


def test_the_editor_is_told_a_page_cannot_be_less_sensitive_than_its_parent(hf):
    topic = restrict(
        ContentPageFactory(parent=hf.section_page, title="HR"), classification="OFFICIAL-SENSITIVE"
    )

    response = editor_client(hf, accepted_statement=True).post(
        f"/admin/pages/add/home/contentpage/{topic.pk}/",
        page_form("Leave", classification="OFFICIAL"),
    )

    assert response.status_code == 200
    assert "cannot be less sensitive" in response.content.decode()


def test_an_editor_can_narrow_a_new_page(hf):
    response = editor_client(hf).post(
        f"/admin/pages/add/home/contentpage/{hf.section_page_id}/",
        page_form("Restructure", audience="organisation", classification="OFFICIAL-SENSITIVE"),
    )

    assert response.status_code == 302
    page = Page.objects.child_of(hf.section_page).get(slug="restructure")
    assert facts_for(page).classification == "OFFICIAL-SENSITIVE"


def test_a_document_belongs_to_its_library_even_after_other_libraries_are_added():
    # Collections are kept in name order: adding "…HF" moves "…WCC" in the tree, which a
    # collection loaded before that does not know.
    wcc = OrganisationFactory(slug="wcc", name="Westminster")
    OrganisationFactory(slug="hf", name="Hammersmith")
    document = LibraryDocumentFactory(
        title="Pay", collection=wcc.library_collection, audience="organisation", text="pay"
    )

    assert document.owner_organisation == wcc
    assert document.file.name.startswith("wcc/documents/")
