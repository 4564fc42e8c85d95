"""No widening by the back door: moving a page or document, or changing its declared
access, so that more people could see it needs the owner's admins (or, if its policy says
so, any editor who may see it); narrowing is always allowed; every widening is audited."""

import pytest
from wagtail.models import Page

from intranet.access.models import AuditEvent, OrganisationPolicy
from tests.clients import signed_in
from tests.factories import ContentPageFactory, accept_statement, add_to_group, page_form

pytestmark = pytest.mark.django_db

REFUSAL = (
    "This would let more people see it (now: hf/social-care, OFFICIAL-SENSITIVE; after: "
    "all partner staff, OFFICIAL). Only HF’s admins can widen access; ask one of them, or "
    "choose somewhere that keeps it as narrow."
)


@pytest.fixture
def hf(partnership):
    return partnership["hf"]


@pytest.fixture
def care_editor(hf):
    """An editor who may see H&F's social-care material (in the group, statement accepted)."""
    add_to_group(hf.social_care_worker, hf.organisation, "editors")
    return hf.social_care_worker


@pytest.fixture
def care_admin(hf):
    add_to_group(hf.admin, hf.organisation, "social-care")
    accept_statement(hf.admin, hf.organisation)
    return hf.admin


def document_form(document, **fields) -> dict:
    return {
        "title": document.title,
        "collection": document.collection_id,
        "description": "",
        "document_type": "other",
        "audience": "",
        "classification": "",
        "handling_caveat": "",
        "tags": "",
        **fields,
    }


def widenings():
    return list(AuditEvent.objects.filter(action="widen").values_list("username", "ground"))


def test_an_editor_cannot_move_a_sensitive_document_out_of_its_folder(hf, care_editor):
    document = hf.sensitive_document

    response = signed_in(care_editor).post(
        f"/admin/documents/edit/{document.pk}/",
        document_form(document, collection=hf.organisation.library_collection_id),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["collection"] == [REFUSAL]
    document.refresh_from_db()
    assert (document.collection_id, document.effective_audience) == (
        hf.sensitive_folder.pk,
        "groups",
    )
    assert widenings() == []


def test_an_organisation_admin_may_move_it_and_the_widening_is_audited(hf, care_admin):
    document = hf.sensitive_document

    response = signed_in(care_admin).post(
        f"/admin/documents/edit/{document.pk}/",
        document_form(document, collection=hf.organisation.library_collection_id),
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.effective_audience, document.effective_classification) == (
        "partnership",
        "OFFICIAL",
    )
    assert widenings() == [
        ("hf.admin", "hf/social-care, OFFICIAL-SENSITIVE → all partner staff, OFFICIAL")
    ]


def test_a_policy_that_lets_editors_widen_lets_the_editor_move_it(hf, care_editor):
    OrganisationPolicy.objects.filter(organisation=hf.organisation).update(widening_by="editors")
    document = hf.sensitive_document

    response = signed_in(care_editor).post(
        f"/admin/documents/edit/{document.pk}/",
        document_form(document, collection=hf.organisation.library_collection_id),
    )

    assert response.status_code == 302
    assert [username for username, _ in widenings()] == ["hf.socialcare"]


def test_an_editor_may_always_narrow_a_document(hf, care_editor):
    document = hf.org_only_document

    response = signed_in(care_editor).post(
        f"/admin/documents/edit/{document.pk}/",
        document_form(document, collection=hf.sensitive_folder.pk, audience="organisation"),
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.effective_classification == "OFFICIAL-SENSITIVE"
    assert widenings() == []


def test_an_editor_cannot_save_a_draft_that_opens_an_organisation_page_to_everyone(hf):
    page = hf.org_only_page

    response = signed_in(hf.editor).post(
        f"/admin/pages/{page.pk}/edit/",
        page_form(page.title, slug=page.slug, audience="partnership"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["audience"] == [
        "This would let more people see it (now: HF staff, OFFICIAL; after: all partner staff, "
        "OFFICIAL). Only HF’s admins can widen access; ask one of them, or choose somewhere "
        "that keeps it as narrow."
    ]
    assert page.get_latest_revision().content["audience"] == "organisation"


def test_an_admin_opens_a_page_to_everyone_and_it_is_audited(hf):
    page = hf.org_only_page

    response = signed_in(hf.admin).post(
        f"/admin/pages/{page.pk}/edit/",
        page_form(page.title, slug=page.slug, audience="partnership", **{"action-publish": "1"}),
    )

    assert response.status_code == 302
    assert widenings() == [("hf.admin", "HF staff, OFFICIAL → all partner staff, OFFICIAL")]


@pytest.fixture
def inherited(hf):
    """A page that is sensitive only because of where it is."""
    return ContentPageFactory(parent=hf.sensitive_page, title="Review 2026", slug="review-2026")


def test_an_editor_is_told_why_a_move_that_widens_is_refused(hf, care_editor, inherited):
    section = hf.organisation.section_page

    response = signed_in(care_editor).get(
        f"/admin/pages/{inherited.pk}/move/{section.pk}/confirm/", follow=True
    )

    assert response.redirect_chain[0] == (f"/admin/pages/{inherited.pk}/move/", 302)
    assert [str(m).strip() for m in response.context["messages"]] == [REFUSAL]
    assert Page.objects.get(pk=inherited.pk).get_parent().pk == hf.sensitive_page.pk


def test_an_editor_cannot_post_a_move_that_widens(hf, care_editor, inherited):
    section = hf.organisation.section_page

    signed_in(care_editor).post(f"/admin/pages/{inherited.pk}/move/{section.pk}/confirm/")

    assert Page.objects.get(pk=inherited.pk).get_parent().pk == hf.sensitive_page.pk


def test_an_admin_moves_it_and_the_widening_is_audited(hf, care_admin, inherited):
    section = hf.organisation.section_page

    response = signed_in(care_admin).post(f"/admin/pages/{inherited.pk}/move/{section.pk}/confirm/")

    assert response.status_code == 302
    assert Page.objects.get(pk=inherited.pk).get_parent().pk == section.pk
    assert widenings() == [
        ("hf.admin", "hf/social-care, OFFICIAL-SENSITIVE → all partner staff, OFFICIAL")
    ]


def test_an_editor_cannot_copy_a_sensitive_page_somewhere_wider(hf, care_editor, inherited):
    section = hf.organisation.section_page

    response = signed_in(care_editor).post(
        f"/admin/pages/{inherited.pk}/copy/",
        {"new_title": "Copy", "new_slug": "copy", "new_parent_page": section.pk},
    )

    assert response.status_code == 200
    assert not Page.objects.filter(slug="copy").exists()


def test_an_editor_cannot_move_a_sensitive_image_out_of_its_folder(hf, care_editor):
    image = hf.sensitive_image

    response = signed_in(care_editor).post(
        f"/admin/images/{image.pk}/",
        {"title": image.title, "collection": hf.organisation.library_collection_id, "tags": ""},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["collection"] == [REFUSAL]
    image.refresh_from_db()
    assert image.collection_id == hf.sensitive_folder.pk


def test_an_admin_moves_the_image_and_the_widening_is_audited(hf, care_admin):
    image = hf.sensitive_image

    response = signed_in(care_admin).post(
        f"/admin/images/{image.pk}/",
        {"title": image.title, "collection": hf.organisation.library_collection_id, "tags": ""},
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.effective_audience == "partnership"
    assert widenings() == [
        ("hf.admin", "hf/social-care, OFFICIAL-SENSITIVE → all partner staff, OFFICIAL")
    ]
