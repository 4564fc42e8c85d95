"""`import_documents` passes every file through the library's one intake check (the upload
form's): a file whose content is not what its name says is refused with the same message,
and nothing is written for it."""

import csv
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from intranet.demo import files
from intranet.imports.models import ImportedObject
from intranet.library.intake import file_problem
from intranet.library.models import LibraryDocument
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# The start of a Windows executable: the "MZ" DOS header, its stub and the PE signature.
PE_HEADER = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8"
    + b"\x00" * 7
    + b"\x40"
    + b"\x00" * 35
    + b"\x80\x00\x00\x00"
    + b"\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21"
    + b"This program cannot be run in DOS mode.\r\r\n$"
    + b"\x00" * 7
    + b"PE\x00\x00\x4c\x01\x03\x00"
    + b"\x00" * 200
)
MISMATCH = (
    "The file is called .docx but its content is not a document format we accept. "
    "Save it in the format its name says, or rename it, and try again."
)


@pytest.fixture
def share(tmp_path) -> Path:
    OrganisationFactory(slug="wcc", name="Westminster City Council")
    root = tmp_path / "share"
    root.mkdir()
    (root / "setup.docx").write_bytes(PE_HEADER)
    (root / "leave.docx").write_bytes(files.docx(["Annual leave entitlement"]))
    (root / "empty.pdf").write_bytes(b"")
    return root


def rows_of(share: Path, *args: str) -> dict[str, dict]:
    report = share.parent / "report.csv"
    call_command("import_documents", str(share), "--org", "wcc", "--report", str(report), *args)
    with report.open() as handle:
        return {row["source_id"]: row for row in csv.DictReader(handle)}


def test_an_executable_named_docx_is_refused_with_the_upload_forms_message(share):
    rows = rows_of(share)

    assert rows["setup.docx"]["outcome"] == "failed"
    assert rows["setup.docx"]["reason"] == MISMATCH
    assert file_problem(share / "setup.docx") == MISMATCH  # the very check the form makes
    assert rows["leave.docx"]["outcome"] == "created"
    assert list(LibraryDocument.objects.values_list("title", flat=True)) == ["leave"]
    assert not ImportedObject.objects.filter(source_id="setup.docx").exists()


def test_an_empty_file_is_refused_with_the_intakes_message(share):
    rows = rows_of(share)

    assert rows["empty.pdf"]["outcome"] == "failed"
    assert rows["empty.pdf"]["reason"] == "The file is empty. Check you chose the right file."


def test_a_file_over_the_size_limit_is_refused_with_the_intakes_message(share):
    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100):
        rows = rows_of(share)

    assert rows["leave.docx"]["outcome"] == "failed"
    assert rows["leave.docx"]["reason"].startswith("The file is ")
    assert rows["leave.docx"]["reason"].endswith(
        "Files in a library must be 100\xa0bytes or smaller."
    )


def test_a_dry_run_refuses_the_same_files_and_stores_no_file(share, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")

    rows = rows_of(share, "--dry-run")

    assert rows["setup.docx"]["reason"] == MISMATCH
    assert rows["leave.docx"]["outcome"] == "created"
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.docx"))
