"""The library's own upload form keeps to WAGTAILDOCS_MAX_UPLOAD_SIZE, as the admin's does."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from intranet.demo import files
from intranet.library.models import LibraryDocument
from tests.clients import signed_in
from tests.factories import OrganisationFactory, UserFactory, add_to_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def hf_editor():
    hf = OrganisationFactory(slug="hf", short_name="H&F")
    editor = UserFactory(username="hf.editor", organisations=[hf])
    add_to_group(editor, hf, "editors")
    return editor


def post(client, organisation, content: bytes):
    return client.post(
        "/hf/documents/add/",
        {
            "title": "Leave policy",
            "file": SimpleUploadedFile("leave.docx", content),
            "collection": organisation.library_collection.pk,
            "document_type": "policy",
        },
    )


def test_a_file_over_the_limit_is_refused_with_a_message_naming_the_limit(hf_editor):
    content = files.docx(["Leave policy"])
    hf = hf_editor.memberships.get().organisation

    # As a 101 MB file would be against the 100 MB default, with a small file and limit.
    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=len(content) - 1):
        response = post(signed_in(hf_editor), hf, content)

    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Files in a library must be" in body
    assert not LibraryDocument.objects.exists()


def test_the_message_gives_both_sizes(hf_editor):
    hf = hf_editor.memberships.get().organisation

    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024):
        response = post(signed_in(hf_editor), hf, b"x" * 2048)

    assert response.context["form"].errors["file"] == [
        "The file is 2.0\xa0KB. Files in a library must be 1.0\xa0KB or smaller."
    ]


def test_a_file_within_the_limit_is_added(hf_editor):
    content = files.docx(["Leave policy"])
    hf = hf_editor.memberships.get().organisation

    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=len(content)):
        response = post(signed_in(hf_editor), hf, content)

    assert response.status_code == 302
    assert LibraryDocument.objects.get().title == "Leave policy"


def test_the_form_says_how_large_a_file_may_be(hf_editor):
    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100 * 1024 * 1024):
        response = signed_in(hf_editor).get("/hf/documents/add/")

    assert "Up to 100.0\xa0MB." in response.content.decode()
