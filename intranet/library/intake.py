"""Checking an upload is what its name says it is, before it reaches a library."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.template.defaultfilters import filesizeformat

from .extraction.sniffing import sniff

# Room for the name itself within the file field's 100 characters, after the organisation's
# folder (``<slug>/documents/``) and the suffix storage adds when the name is taken.
STORED_STEM_LENGTH = 60

# The content each accepted extension may have (as named by ``sniff``).
CONTENT_FOR_EXTENSION = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "xlsx": {"xlsx"},
    "pptx": {"pptx"},
    "odt": {"odt"},
    "ods": {"ods"},
    "odp": {"odp"},
    "rtf": {"rtf"},
    "doc": {"ole"},
    "xls": {"ole"},
    "ppt": {"ole"},
    "txt": {"txt"},
    "csv": {"csv"},
    "md": {"md"},
    "html": {"html"},
    "htm": {"html"},
}
DESCRIPTIONS = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "xlsx": "an Excel workbook",
    "pptx": "a PowerPoint presentation",
    "odt": "an OpenDocument text",
    "ods": "an OpenDocument spreadsheet",
    "odp": "an OpenDocument presentation",
    "rtf": "a rich text file",
    "ole": "a legacy Office file",
    "txt": "plain text",
    "csv": "plain text",
    "md": "plain text",
    "html": "a web page",
}


def size_problem(uploaded_file) -> str | None:
    """A message when the file is larger than ``WAGTAILDOCS_MAX_UPLOAD_SIZE``; None when not.

    Read on each call, so the limit is the one configured now (and tests can lower it).
    """
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if limit is None or uploaded_file.size <= limit:
        return None
    return (
        f"The file is {filesizeformat(uploaded_file.size)}. "
        f"Files in a library must be {filesizeformat(limit)} or smaller."
    )


def storable_filename(filename: str) -> str:
    """The uploaded file's name, shortened and with one extension, so storage can always keep it.

    Browsers send names of any length (up to 255 characters); storage keeps 100, cutting only
    the part before the *first* dot, so a long name with dots in it ("Minutes 12.03.2026 …")
    could not be stored at all. People choose the title separately and download under the
    stored name, so a shorter name with its extension is what they expect, not an error.
    """
    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    stem = stem.replace(".", "_").strip() or "document"
    return f"{stem[:STORED_STEM_LENGTH]}.{extension}" if extension else stem[:STORED_STEM_LENGTH]


def accepted_type(filename: str) -> bool:
    """Whether a library takes files with this name's extension at all (a ``Thumbs.db`` is
    not refused as a bad file; it is simply not a document)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return extension in CONTENT_FOR_EXTENSION


def intake_problem(uploaded_file, filename: str) -> str | None:
    """The one intake check, for every way a file reaches a library (the site's upload, the
    admin's forms through ``upload_problem``, every importer): its size, then whether its
    content is what its name says. None when the file may be kept (under
    ``storable_filename(filename)``)."""
    # The size first: no need to copy a file too large to keep just to sniff it.
    return size_problem(uploaded_file) or upload_problem(uploaded_file, filename)


def file_problem(path: Path, filename: str = "") -> str | None:
    """``intake_problem`` for a file on disk (an importer's source), named ``filename`` or
    its own name."""
    with path.open("rb") as handle:
        return intake_problem(File(handle, name=filename or path.name), filename or path.name)


def upload_problem(uploaded_file, filename: str) -> str | None:
    """A message for the editor when the content does not match the name; None when it does."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    expected = CONTENT_FOR_EXTENSION.get(extension)
    if expected is None:
        return f"Files of type .{extension or '(none)'} cannot be added to a library."
    with tempfile.NamedTemporaryFile(suffix=f".{extension}") as copy:
        for chunk in uploaded_file.chunks():
            copy.write(chunk)
        copy.flush()
        uploaded_file.seek(0)
        if Path(copy.name).stat().st_size == 0:
            return "The file is empty. Check you chose the right file."
        found = sniff(Path(copy.name), filename)
    if found in expected:
        return None
    what = DESCRIPTIONS.get(found, "not a document format we accept")
    return (
        f"The file is called .{extension} but its content is {what}. "
        "Save it in the format its name says, or rename it, and try again."
    )
