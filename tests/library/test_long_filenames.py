"""A file with a very long name is added under a shortened one, never a bare 400 or a 500.

Browsers send whatever name the file has; storage keeps 100 characters and could not shorten a
long name with dots in it, so the upload failed with "Bad Request (400)" (the site form) or a
server error (the admin).
"""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intranet.demo import files
from intranet.library.intake import storable_filename
from intranet.library.models import LibraryDocument
from tests.clients import signed_in
from tests.factories import UserFactory, add_to_group

pytestmark = pytest.mark.django_db

LONG_NAME = "Minutes 12.03.2026 " + "a" * 1976 + ".docx"  # 2,000 characters


@pytest.fixture
def editor(hf):
    editor = UserFactory(username="hf.editor", organisations=[hf])
    add_to_group(editor, hf, "editors")
    return editor


def long_named_file() -> SimpleUploadedFile:
    return SimpleUploadedFile(LONG_NAME, files.docx(["Minutes"]))


def test_the_library_form_adds_it_under_a_shortened_name_with_its_extension(hf, editor):
    response = signed_in(editor).post(
        "/hf/documents/add/",
        {
            "title": "Minutes",
            "file": long_named_file(),
            "collection": hf.library_collection.pk,
            "document_type": "other",
        },
    )

    document = LibraryDocument.objects.get()
    assert response.status_code == 302
    # Storage may add a suffix if an earlier run left a file of that name.
    assert document.filename.startswith("Minutes_12_03_2026_" + "a" * 41)
    assert document.filename.endswith(".docx")
    assert document.file_type == "docx"


def test_the_admin_form_adds_it_under_a_shortened_name_too(hf, editor):
    response = signed_in(editor).post(
        "/admin/documents/add/",
        {
            "title": "Minutes",
            "file": long_named_file(),
            "collection": hf.library_collection.pk,
            "document_type": "other",
        },
    )

    document = LibraryDocument.objects.get()
    assert response.status_code == 302
    assert document.filename.startswith("Minutes_12_03_2026_aaa")
    assert document.filename.endswith(".docx")


def test_a_second_file_of_the_same_long_name_is_kept_beside_the_first(hf, editor):
    client = signed_in(editor)
    for title in ("First", "Second"):
        client.post(
            "/hf/documents/add/",
            {
                "title": title,
                "file": long_named_file(),
                "collection": hf.library_collection.pk,
                "document_type": "other",
            },
        )

    first, second = LibraryDocument.objects.order_by("pk")
    assert first.file.name != second.file.name
    assert second.filename.endswith(".docx")


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("leave.docx", "leave.docx"),
        ("report.v2.final.pdf", "report_v2_final.pdf"),
        ("notes", "notes"),
        (".docx", "document.docx"),
    ],
)
def test_ordinary_names_are_kept_and_only_extra_dots_change(sent, stored):
    assert storable_filename(sent) == stored


def test_the_admins_multiple_upload_holds_it_under_a_shortened_name_too(hf, editor):
    response = signed_in(editor).post(
        "/admin/documents/multiple/add/",
        {"files[]": long_named_file(), "collection": hf.library_collection.pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    stored = os.path.basename(LibraryDocument.objects.get().file.name)
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert stored.startswith("Minutes_12_03_2026_aaa")
    assert stored.endswith(".docx")
