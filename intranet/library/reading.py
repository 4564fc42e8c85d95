"""Reading a document's text and recording the outcome: what the extraction task runs."""

import shutil
import tempfile
from pathlib import Path

from django.utils import timezone

from intranet.common.signals import content_changed

from .extraction import Extraction, extract_text


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
