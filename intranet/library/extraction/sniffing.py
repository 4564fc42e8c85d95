"""What a file really is, from its first bytes (and, for zip containers, their contents)."""

import zipfile
from pathlib import Path

ZIP_KINDS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
TEXT_EXTENSIONS = {
    "txt": "txt",
    "csv": "csv",
    "md": "md",
    "markdown": "md",
    "htm": "html",
    "html": "html",
}


def sniff(path: Path, filename: str) -> str | None:
    """The format name, or None when the content matches no supported format."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # Legacy Word/Excel/PowerPoint (.doc/.xls/.ppt): stored, not read.
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension in TEXT_EXTENSIONS and _looks_like_text(path):
        return TEXT_EXTENSIONS[extension]
    return None


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return ODF_MIMETYPES.get(archive.read("mimetype").decode("ascii", "ignore").strip())
            for marker, kind in ZIP_KINDS.items():
                if marker in names:
                    return kind
    except zipfile.BadZipFile:
        return None
    return None


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as handle:
        sample = handle.read(4096)
    return b"\x00" not in sample
