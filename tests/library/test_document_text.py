"""Saving a document reads its text in the background and records what happened."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from intranet.demo import files
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from tests.clients import signed_in
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return OrganisationFactory(slug="hf").library_collection


def add_document(collection, name: str, content: bytes) -> LibraryDocument:
    document = LibraryDocument(title=name, collection=collection)
    document.file.save(name, ContentFile(content), save=False)
    save_document(document)
    document.refresh_from_db()
    return document


def test_a_new_document_is_read_and_its_facts_recorded(library):
    content = files.pdf(["Annual leave policy"], pages=2)

    document = add_document(library, "leave.pdf", content)

    assert document.extraction_status == "done"
    assert "Annual leave policy" in document.extracted_text
    assert document.page_count == 2
    assert document.file_type == "pdf"
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.extracted_at is not None


def test_a_corrupt_file_is_kept_and_downloadable_with_the_reason_recorded(library):
    document = add_document(library, "broken.docx", files.docx(["x"])[:2000])

    assert document.extraction_status == "failed"
    assert document.extraction_reason
    member = UserFactory(username="hf.staff", organisations=[document.owner_organisation])
    response = signed_in(member).get(document.url)
    assert response.status_code == 200


def test_replacing_the_file_reads_the_new_text(library):
    document = add_document(library, "rota.xlsx", files.xlsx([["Old rota"]]))

    document.file.save("rota-v2.xlsx", ContentFile(files.xlsx([["New rota"]])), save=False)
    save_document(document)
    document.refresh_from_db()

    assert "New rota" in document.extracted_text
    assert "Old rota" not in document.extracted_text


def test_saving_other_fields_does_not_read_the_file_again(library):
    document = add_document(library, "notes.txt", b"First words")
    read_at = document.extracted_at

    document.description = "Team notes"
    save_document(document)
    document.refresh_from_db()

    assert document.extracted_at == read_at


def test_the_extract_text_command_rereads_failed_documents_or_all(library, capsys):
    good = add_document(library, "notes.txt", b"Some words")
    bad = add_document(library, "empty.txt", b"")

    call_command("extract_text")
    out = capsys.readouterr().out
    assert f"{bad.pk} empty.txt: the file is empty" in out
    assert "Read 0 documents; 1 failed." in out

    call_command("extract_text", "--all")
    assert "Read 1 documents; 1 failed." in capsys.readouterr().out
    good.refresh_from_db()
    assert good.extraction_status == "done"
