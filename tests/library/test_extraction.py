"""Text comes out of every supported format; bad files are kept with a reason, never a crash."""

import dataclasses
import io
import time

import pytest
from pypdf import PdfReader, PdfWriter

from intranet.demo import files
from intranet.library.extraction import extract_text
from intranet.library.extraction import formats as extraction_formats
from intranet.library.extraction.limits import current_limits

PHRASE = "Safeguarding adults procedure for Hammersmith"


@pytest.fixture
def write(tmp_path):
    def write(name: str, content: bytes):
        path = tmp_path / name
        path.write_bytes(content)
        return path, name

    return write


@pytest.mark.parametrize(
    ("name", "make", "file_format"),
    [
        ("guide.pdf", lambda: files.pdf([PHRASE]), "pdf"),
        ("guide.docx", lambda: files.docx([PHRASE]), "docx"),
        ("rota.xlsx", lambda: files.xlsx([["Name", PHRASE]]), "xlsx"),
        ("briefing.pptx", lambda: files.pptx([PHRASE]), "pptx"),
        ("guide.odt", lambda: files.odf("odt", [PHRASE]), "odt"),
        ("rota.ods", lambda: files.odf("ods", [PHRASE]), "ods"),
        ("briefing.odp", lambda: files.odf("odp", [PHRASE]), "odp"),
        ("guide.rtf", lambda: files.rtf([PHRASE]), "rtf"),
        ("guide.html", lambda: files.html([PHRASE]), "html"),
        ("notes.txt", lambda: PHRASE.encode(), "txt"),
        ("list.csv", lambda: f"name,topic\nGrace,{PHRASE}\n".encode(), "csv"),
        ("readme.md", lambda: f"# Guide\n\n{PHRASE}\n".encode(), "md"),
    ],
)
def test_text_is_extracted_from_every_supported_format(settings, write, name, make, file_format):
    result = extract_text(*write(name, make()))

    assert result.ok, result.reason
    assert result.file_format == file_format
    assert PHRASE in " ".join(result.text.split())


def test_html_scripts_are_not_indexed_as_text(settings, write):
    result = extract_text(*write("page.html", files.html(["Visible words"])))

    assert "Visible words" in result.text
    assert "not text" not in result.text


def test_pdf_page_counts_are_recorded(settings, write):
    result = extract_text(*write("long.pdf", files.pdf([PHRASE], pages=3)))

    assert result.page_count == 3


def test_a_corrupt_pdf_fails_with_a_reason(settings, write):
    broken = files.pdf([PHRASE])[:200] + b"garbage" * 50

    result = extract_text(*write("broken.pdf", broken))

    assert result.status == "failed"
    assert "could not be read" in result.reason


def test_a_truncated_docx_fails_with_a_reason(settings, write):
    result = extract_text(*write("cut.docx", files.docx([PHRASE])[:3000]))

    assert result.status == "failed"
    assert result.reason


def test_an_encrypted_pdf_is_refused_and_says_so(settings, write):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(files.pdf([PHRASE]))))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)

    result = extract_text(*write("locked.pdf", buffer.getvalue()))

    assert result.status == "failed"
    assert "encrypted" in result.reason


def test_a_zip_bomb_is_refused_before_it_is_expanded(settings, write):
    settings.COMMONS_EXTRACTION_MAX_UNZIPPED_BYTES = 50 * 1024 * 1024

    result = extract_text(*write("bomb.docx", files.zip_bomb(200 * 1024 * 1024)))

    assert result.status == "failed"
    assert "over the limit" in result.reason or "zip bomb" in result.reason


def test_a_suspiciously_compressed_zip_is_refused(settings, write):
    settings.COMMONS_EXTRACTION_MAX_ZIP_RATIO = 10

    result = extract_text(*write("bomb.docx", files.zip_bomb(20 * 1024 * 1024)))

    assert result.status == "failed"
    assert "zip bomb" in result.reason


def test_an_empty_file_fails_with_a_reason(settings, write):
    result = extract_text(*write("empty.pdf", b""))

    assert (result.status, result.reason) == ("failed", "the file is empty")


def test_a_file_whose_content_does_not_match_a_supported_format_fails(settings, write):
    result = extract_text(*write("invoice.pdf", b"MZ\x90\x00 this is a Windows program"))

    assert result.status == "failed"
    assert "not a supported document format" in result.reason


def test_a_file_over_the_size_limit_is_not_read(settings, write):
    settings.COMMONS_EXTRACTION_MAX_FILE_BYTES = 10

    result = extract_text(*write("notes.txt", b"more than ten bytes"))

    assert result.status == "failed"
    assert "over the limit" in result.reason


def test_extracted_text_is_capped(settings, write):
    settings.COMMONS_EXTRACTION_MAX_CHARS = 100

    result = extract_text(*write("notes.txt", b"word " * 1000))

    assert result.ok
    assert len(result.text) == 100


def test_a_reader_that_hangs_is_stopped_at_the_time_limit(monkeypatch, write):
    def hang(path, limits):
        time.sleep(30)

    monkeypatch.setitem(extraction_formats.READERS, "txt", hang)
    limits = dataclasses.replace(current_limits(), timeout_seconds=0.5)

    started = time.monotonic()
    result = extract_text(*write("slow.txt", b"hello"), limits=limits)

    assert result.status == "failed"
    assert "longer than 0.5 seconds" in result.reason
    assert time.monotonic() - started < 5
