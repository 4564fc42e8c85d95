"""Checking an upload is what its name says it is, before it reaches a library."""

import tempfile
from pathlib import Path

from .extraction.sniffing import sniff

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
