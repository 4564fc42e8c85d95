"""Replacing a document's file keeps the earlier one; editors list, download and restore it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intranet.demo import files
from intranet.library.models import LibraryDocument
from tests.clients import signed_in
from tests.factories import UserFactory, add_to_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(hf):
    user = UserFactory(username="hf.editor", organisations=[hf])
    add_to_group(user, hf, "editors")
    return user


@pytest.fixture
def replaced(hf, editor):
    """A document uploaded, then its file replaced through the admin with a note."""
    client = signed_in(editor)
    client.post(
        "/admin/documents/add/",
        {
            "title": "Leave policy",
            "file": SimpleUploadedFile("leave.docx", files.docx(["First edition"])),
            "collection": hf.library_collection.pk,
            "document_type": "policy",
        },
    )
    document = LibraryDocument.objects.get()
    response = client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": "Leave policy",
            "file": SimpleUploadedFile("leave.docx", files.docx(["Second edition"])),
            "collection": hf.library_collection.pk,
            "document_type": "policy",
            "version_note": "New carry-over rules",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    return document


def test_replacing_a_file_keeps_the_earlier_one_with_who_when_and_why(replaced, editor):
    version = replaced.versions.get()

    assert version.number == 1
    assert version.archived_by == editor
    assert version.note == "New carry-over rules"
    assert "Second edition" in replaced.extracted_text


def test_editors_see_and_download_earlier_versions(replaced, editor):
    client = signed_in(editor)

    page = client.get(f"/documents/{replaced.pk}/").content.decode()
    download = client.get(f"/documents/{replaced.pk}/versions/1/")

    assert "New carry-over rules" in page
    assert download.status_code == 200
    assert download["Cache-Control"] == "private, no-store"
    assert b"".join(download.streaming_content)[:2] == b"PK"


def test_readers_see_only_the_current_file(replaced, hf):
    reader = signed_in(UserFactory(username="hf.staff", organisations=[hf]))

    assert "Earlier versions" not in reader.get(f"/documents/{replaced.pk}/").content.decode()
    assert reader.get(f"/documents/{replaced.pk}/versions/1/").status_code == 404
    assert reader.post(f"/documents/{replaced.pk}/versions/1/restore/").status_code == 404


def test_restoring_a_version_makes_it_current_and_keeps_the_replaced_file(replaced, editor):
    response = signed_in(editor).post(f"/documents/{replaced.pk}/versions/1/restore/")

    assert response.status_code == 302
    replaced.refresh_from_db()
    assert "First edition" in replaced.extracted_text
    assert replaced.versions.count() == 2
    assert replaced.versions.first().note == "Replaced by restoring version 1"
