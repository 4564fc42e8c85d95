"""One reader per format. Each returns (text, page count or None) and may raise freely:
the runner turns any exception into a "failed" status with a readable reason.

Each reader imports its parsing library itself: the worker loads only the ones the files it
reads need (pypdf, python-docx, openpyxl … are large), and the web processes none of them."""

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from .limits import Limits


class ExtractionRefused(Exception):
    """The file is readable in principle but must not be read (encrypted, too large, a bomb)."""


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse zip containers that would expand beyond the limits (zip bombs)."""
    with zipfile.ZipFile(path) as archive:
        unzipped = sum(info.file_size for info in archive.infolist())
        zipped = max(1, sum(info.compress_size for info in archive.infolist()))
    if unzipped > limits.max_unzipped_bytes:
        limit = limits.max_unzipped_bytes
        raise ExtractionRefused(
            f"it would expand to {unzipped:,} bytes, over the limit of {limit:,}"
        )
    if unzipped / zipped > limits.max_zip_ratio:
        raise ExtractionRefused(
            f"it is compressed {unzipped // zipped}:1, which looks like a zip bomb"
        )


def read_pdf(path: Path, limits: Limits):
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        raise ExtractionRefused("the PDF is encrypted (password-protected)")
    texts = []
    for number, page in enumerate(reader.pages):
        if number >= limits.max_pages:
            break
        texts.append(page.extract_text() or "")
    return "\n\n".join(texts), len(reader.pages)


def read_docx(path: Path, limits: Limits):
    import docx

    document = docx.Document(str(path))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts), None


def read_xlsx(path: Path, limits: Limits):
    from openpyxl import load_workbook

    workbook = load_workbook(str(path), read_only=True, data_only=True)
    parts, size = [], 0
    try:
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                line = "\t".join(str(value) for value in row if value is not None)
                if line:
                    parts.append(line)
                    size += len(line)
                if size > limits.max_chars:
                    return "\n".join(parts), len(workbook.worksheets)
        return "\n".join(parts), len(workbook.worksheets)
    finally:
        workbook.close()


def read_pptx(path: Path, limits: Limits):
    from pptx import Presentation

    presentation = Presentation(str(path))
    parts = []
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
    return "\n".join(parts), len(presentation.slides)


ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def read_odf(path: Path, limits: Limits):
    """ODT/ODS/ODP: the text of every paragraph and heading in content.xml."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    blocks = [
        "".join(element.itertext())
        for element in root.iter()
        if element.tag in (f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h")
    ]
    pages = len(root.findall(f".//{{{ODF_DRAW}}}page")) or len(
        root.findall(f".//{{{ODF_TABLE}}}table")
    )
    return "\n".join(blocks), pages or None


def read_rtf(path: Path, limits: Limits):
    from striprtf.striprtf import rtf_to_text

    return rtf_to_text(_decode(path)), None


def read_html(path: Path, limits: Limits):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_decode(path), "html.parser")
    for element in soup(["script", "style"]):
        element.decompose()
    return soup.get_text("\n", strip=True), None


def read_text(path: Path, limits: Limits):
    return _decode(path), None


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


READERS = {
    "pdf": read_pdf,
    "docx": read_docx,
    "xlsx": read_xlsx,
    "pptx": read_pptx,
    "odt": read_odf,
    "ods": read_odf,
    "odp": read_odf,
    "rtf": read_rtf,
    "html": read_html,
    "txt": read_text,
    "csv": read_text,
    "md": read_text,
}
ZIP_FORMATS = {"docx", "xlsx", "pptx", "odt", "ods", "odp"}
