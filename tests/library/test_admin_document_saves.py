"""Documents saved through Wagtail's admin get their derived data from the library's services:
uploaded several at a time, edited with groups, or moved to another folder in bulk."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intranet.access.policy import can_view
from intranet.library.models import LibraryDocument
from search.models import SearchEntry
from tests.clients import signed_in
from tests.factories import admin_of, document_in, editor_of, member_of, restrict_folder

pytestmark = pytest.mark.django_db


@pytest.fixture
def payroll(hf):
    folder = hf.library_collection.add_child(name="Payroll")
    restrict_folder(folder, audience="organisation")
    return folder


def test_a_document_uploaded_several_at_a_time_takes_its_folders_access_and_is_read(hf, payroll):
    response = signed_in(editor_of(hf)).post(
        reverse("wagtaildocs:add_multiple"),
        {
            "collection": payroll.pk,
            "files[]": SimpleUploadedFile("pay-scales.txt", b"Pay scales for 2027."),
        },
    )

    assert response.json()["success"] is True, response.json()
    document = LibraryDocument.objects.get()
    assert document.document_type == "other"
    assert document.effective_audience == "organisation"
    assert document.extraction_status == "done"
    assert len(document.sha256) == 64
    entry = SearchEntry.objects.get(object_id=document.pk, kind="document")
    assert entry.audience == "organisation"


def test_groups_chosen_in_the_admin_limit_the_document_to_those_groups(hf):
    document = document_in(hf.library_collection, "Case notes")
    carer = member_of(hf, "carer", "social-care")
    social_care = hf.groups.get(slug="social-care")
    colleague = member_of(hf, "colleague")

    response = signed_in(admin_of(hf)).post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Case notes",
            "collection": hf.library_collection.pk,
            "document_type": "other",
            "audience": "groups",
            "access_groups": [social_care.pk],
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    document.refresh_from_db()
    assert set(document.effective_groups.all()) == {social_care}
    assert can_view(carer, document)
    assert not can_view(colleague, document)


def test_documents_moved_in_bulk_into_a_restricted_folder_are_restricted_at_once(hf, payroll):
    documents = [document_in(hf.library_collection, f"Rota {n}") for n in range(3)]
    ids = "&".join(f"id={document.pk}" for document in documents)

    response = signed_in(admin_of(hf)).post(
        f"/admin/bulk/library/librarydocument/add_to_collection/?{ids}",
        {"collection": payroll.pk},
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert set(LibraryDocument.objects.values_list("collection_id", "effective_audience")) == {
        (payroll.pk, "organisation")
    }
    entries = SearchEntry.objects.filter(kind="document")
    assert set(entries.values_list("audience", flat=True)) == {"organisation"}
