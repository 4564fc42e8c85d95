"""Editors add documents from their library page with a GOV.UK form; content is checked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intranet.demo import files
from intranet.library.models import LibraryDocument
from tests.clients import signed_in
from tests.factories import OrganisationFactory, UserFactory, editor_of

pytestmark = pytest.mark.django_db


def post(client, collection, name="leave.docx", content=None, **extra):
    return client.post(
        "/hf/documents/add/",
        {
            "title": "Leave policy",
            "file": SimpleUploadedFile(name, content or files.docx(["Leave policy"])),
            "collection": collection.pk,
            "document_type": "policy",
            "description": "",
            "audience": "",
            "classification": "",
            **extra,
        },
    )


def test_an_editor_adds_a_document_into_a_folder_of_their_library(hf):
    folder = hf.library_collection.add_child(name="Policies")
    client = signed_in(editor_of(hf))

    assert "Add a document" in client.get("/hf/documents/").content.decode()
    response = post(client, folder, audience="organisation")

    document = LibraryDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/documents/{document.pk}/"
    assert document.collection_id == folder.pk
    assert document.effective_audience == "organisation"
    assert document.extraction_status == "done"


def test_a_file_that_is_not_what_its_name_says_is_refused_with_a_message(hf):
    response = post(signed_in(editor_of(hf)), hf.library_collection, name="leave.pdf")

    assert response.status_code == 200
    assert "called .pdf but its content is a Word document" in response.content.decode()
    assert not LibraryDocument.objects.exists()


def test_another_organisations_folder_cannot_be_chosen(hf):
    rbkc = OrganisationFactory(slug="rbkc")

    response = post(signed_in(editor_of(hf)), rbkc.library_collection)

    assert response.status_code == 200
    assert not LibraryDocument.objects.exists()


def test_staff_who_cannot_add_documents_get_no_form(hf):
    staff = signed_in(UserFactory(username="hf.staff", organisations=[hf]))

    assert "Add a document" not in staff.get("/hf/documents/").content.decode()
    assert staff.get("/hf/documents/add/").status_code == 403
