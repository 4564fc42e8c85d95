"""Editors add documents to their own library through Wagtail's admin, and nowhere else."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intranet.demo import files
from intranet.library.models import LibraryDocument
from tests.clients import signed_in
from tests.factories import editor_of

pytestmark = pytest.mark.django_db


def upload(client, collection, title="Leave policy"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile("leave.docx", files.docx([title])),
            "collection": collection.pk,
            "document_type": "policy",
        },
    )


def test_an_editor_adds_a_document_to_their_own_library(councils):
    hf, _ = councils

    response = upload(signed_in(editor_of(hf)), hf.library_collection)

    assert response.status_code == 302, response.content.decode()[:3000]
    document = LibraryDocument.objects.get()
    assert document.owner_organisation == hf
    assert document.extraction_status == "done"


def test_an_editor_cannot_add_to_another_organisations_library(councils):
    hf, rbkc = councils

    upload(signed_in(editor_of(hf)), rbkc.library_collection)

    # Wagtail offers only collections the editor may add to, so the choice is ignored.
    assert not LibraryDocument.objects.filter(owner_organisation=rbkc).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("policy.pdf", files.docx(["x"]), "called .pdf but its content is a Word document"),
        ("policy.docx", b"MZ\x90\x00 a Windows program", "not a document format we accept"),
        ("report.pdf", b"", "The submitted file is empty"),
    ],
)
def test_an_upload_whose_content_does_not_match_its_name_is_refused(
    councils, name, content, message
):
    hf, _ = councils

    response = signed_in(editor_of(hf)).post(
        "/admin/documents/add/",
        {
            "title": "Policy",
            "file": SimpleUploadedFile(name, content),
            "collection": hf.library_collection.pk,
        },
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LibraryDocument.objects.exists()


def test_an_unaccepted_file_type_is_refused_with_a_message(councils):
    hf, _ = councils

    response = signed_in(editor_of(hf)).post(
        "/admin/documents/add/",
        {
            "title": "Tool",
            "file": SimpleUploadedFile("tool.exe", b"MZ"),
            "collection": hf.library_collection.pk,
        },
    )

    assert response.status_code == 200
    assert (
        "not allowed" in response.content.decode() or "cannot be added" in response.content.decode()
    )
    assert not LibraryDocument.objects.exists()
