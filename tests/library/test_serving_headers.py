"""Downloads carry headers that keep restricted files out of caches and stop browsers
running them; documents are never reachable by a public media URL."""

import pytest
from django.core.files.base import ContentFile

from intranet.demo import files
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from tests.clients import signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def add_document(collection, name, content, **access) -> LibraryDocument:
    document = LibraryDocument(title=name, collection=collection, **access)
    document.file.save(name, ContentFile(content), save=False)
    save_document(document)
    return document


def test_partnership_documents_may_be_cached_privately_for_a_short_time(hf):
    document = add_document(hf.library_collection, "leave.pdf", files.pdf(["Leave"]))

    response = signed_in(UserFactory(username="u", organisations=[hf])).get(document.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=300"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_restricted_documents_are_never_stored_by_caches(hf):
    document = add_document(
        hf.library_collection, "pay.pdf", files.pdf(["Pay"]), audience="organisation"
    )

    response = signed_in(UserFactory(username="u", organisations=[hf])).get(document.url)

    assert response["Cache-Control"] == "private, no-store"


def test_html_is_downloaded_as_an_attachment_never_rendered(hf):
    document = add_document(hf.library_collection, "page.html", files.html(["Hello"]))

    response = signed_in(UserFactory(username="u", organisations=[hf])).get(document.url)

    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_pdfs_open_inline_in_the_browser(hf):
    document = add_document(hf.library_collection, "leave.pdf", files.pdf(["Leave"]))

    response = signed_in(UserFactory(username="u", organisations=[hf])).get(document.url)

    assert response["Content-Disposition"].startswith("inline")


def test_a_document_is_not_reachable_by_its_media_path(settings, hf):
    document = add_document(hf.library_collection, "pay.pdf", files.pdf(["Pay"]))
    member = signed_in(UserFactory(username="u", organisations=[hf]))

    response = member.get(f"{settings.MEDIA_URL}{document.file.name}")

    assert response.status_code == 404


def test_a_filename_that_does_not_match_the_id_is_not_found(hf):
    document = add_document(hf.library_collection, "pay.pdf", files.pdf(["Pay"]))
    member = signed_in(UserFactory(username="u", organisations=[hf]))

    assert member.get(f"/documents/{document.pk}/other.pdf").status_code == 404
