"""Writes to library documents: facts about a new file, and reading its text."""

import hashlib
import shutil
import tempfile
from pathlib import Path

from django.utils import timezone

from intranet.core.signals import content_changed

from .extraction import Extraction, extract_text


def _sha256(document) -> str:
    digest = hashlib.sha256()
    document.file.open("rb")
    try:
        for chunk in document.file.chunks():
            digest.update(chunk)
    finally:
        document.file.seek(0)
    return digest.hexdigest()


def note_new_file(document) -> None:
    """Before saving a new or replaced file: its hash and type, and text to be read again."""
    document.sha256 = _sha256(document)
    name = document.file.name.rsplit("/", 1)[-1]
    document.file_type = name.rsplit(".", 1)[-1].lower()[:10] if "." in name else ""
    document.extraction_status = "pending"
    document.extraction_requested_at = timezone.now()
    document.extraction_reason = ""
    document.extracted_text = ""
    document.page_count = None


def file_saved(document) -> None:
    """After saving a new file: read its text in the background."""
    from .tasks import extract_document_text

    extract_document_text.enqueue(document.pk)


def extract_and_store(document) -> Extraction:
    """Read the document's text (through a local copy: storage may be S3) and record the outcome."""
    suffix = Path(document.file.name).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        with document.file.open("rb") as source:
            shutil.copyfileobj(source, copy)
        copy.flush()
        result = extract_text(Path(copy.name), document.file.name)
    type(document).objects.filter(pk=document.pk).update(
        extraction_status=result.status,
        extraction_reason=result.reason[:255],
        extracted_text=result.text,
        page_count=result.page_count,
        extracted_at=timezone.now(),
    )
    content_changed.send(sender=type(document), pks=[document.pk])
    return result
