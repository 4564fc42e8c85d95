"""Editing needs viewing: the admin refuses every view of a page or document the user may
not see, with the admin's usual permission-denied response; reading sensitive content in
the admin is audited like reading it on the site."""

import pytest

from intranet.access.models import AuditEvent
from tests.clients import signed_in
from tests.factories import add_to_group

pytestmark = pytest.mark.django_db

DENIED = "Sorry, you do not have permission to access this area."


def assert_denied(response):
    assert response.status_code == 302
    assert response.url == "/admin/"
    messages = [str(m).strip() for m in response.wsgi_request._messages]
    assert messages == [DENIED]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/{page}/edit/",
        "/admin/pages/{page}/revisions/{revision}/view/",
        "/admin/pages/{page}/history/results/",
        "/admin/pages/{page}/workflow_history/",
        "/admin/pages/{page}/history/",
        "/admin/pages/{page}/usage/",
        "/admin/pages/{page}/delete/",
        "/admin/pages/{page}/copy/",
        "/admin/pages/{page}/move/",
        "/admin/pages/{page}/unpublish/",
        "/admin/pages/{page}/add_subpage/",
    ],
)
def test_an_editor_cannot_open_a_group_only_sensitive_page_in_the_admin(partnership, url):
    hf = partnership["hf"]
    page = hf.sensitive_page

    response = signed_in(hf.editor).get(url.format(page=page.pk, revision=page.latest_revision_id))

    assert "marker-hf-sensitive" not in response.content.decode()
    assert_denied(response)
    assert not AuditEvent.objects.filter(action="view").exists()


def test_a_revision_compare_of_a_page_the_editor_cannot_see_is_refused(partnership):
    hf = partnership["hf"]
    page = hf.sensitive_page

    response = signed_in(hf.editor).get(
        f"/admin/pages/{page.pk}/revisions/compare/earliest...{page.latest_revision_id}/"
    )

    assert_denied(response)


def test_an_editor_of_another_council_cannot_edit_its_organisation_only_page(partnership):
    response = signed_in(partnership["rbkc"].admin).get(
        f"/admin/pages/{partnership['hf'].org_only_page.pk}/edit/"
    )

    assert_denied(response)


def test_a_social_care_editor_who_accepted_the_statement_edits_and_is_audited(partnership):
    hf = partnership["hf"]
    editor = hf.social_care_worker
    add_to_group(editor, hf.organisation, "editors")

    response = signed_in(editor).get(f"/admin/pages/{hf.sensitive_page.pk}/edit/")

    assert response.status_code == 200
    assert "marker-hf-sensitive-body" in response.content.decode()
    event = AuditEvent.objects.get(action="view")
    assert (event.username, event.object_id, event.classification, event.ground) == (
        "hf.socialcare",
        str(hf.sensitive_page.pk),
        "OFFICIAL-SENSITIVE",
        "member of the owning organisation",
    )


def test_an_editor_cannot_open_a_document_in_a_folder_they_cannot_see(partnership):
    hf = partnership["hf"]

    response = signed_in(hf.editor).get(f"/admin/documents/edit/{hf.sensitive_document.pk}/")

    assert "marker-hf-sensitive-doc" not in response.content.decode()
    assert_denied(response)


def test_the_admin_document_listing_shows_only_documents_the_editor_may_see(partnership):
    hf = partnership["hf"]

    response = signed_in(hf.editor).get("/admin/documents/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "marker-hf-org-doc" in content
    assert "marker-hf-sensitive-doc" not in content
