"""Keeping earlier files when a document's file is replaced, and bringing one back."""

from django.core.files import File
from django.db import transaction
from django.db.models import Max

from .models import DocumentVersion, LibraryDocument
from .services import save_document


def archive_file(document: LibraryDocument, old_file, user=None, note: str = "") -> DocumentVersion:
    """Copy ``old_file`` (the document's file before this change) into a new version."""
    number = (document.versions.aggregate(Max("number"))["number__max"] or 0) + 1
    name = old_file.name.rsplit("/", 1)[-1]
    version = DocumentVersion(
        document=document,
        number=number,
        sha256=document.sha256,
        archived_by=user if getattr(user, "is_authenticated", False) else None,
        note=note[:255],
    )
    with old_file.open("rb") as source:
        version.file.save(f"{document.pk}-v{number}-{name}", File(source), save=False)
    version.file_size = version.file.size
    version.save()
    return version


@transaction.atomic
def restore_version(document: LibraryDocument, version: DocumentVersion, user=None) -> None:
    """Make an earlier file current again; the file it replaces becomes a version too."""
    archive_file(
        document, document.file, user, note=f"Replaced by restoring version {version.number}"
    )
    name = version.filename.split("-", 2)[-1]
    with version.file.open("rb") as source:
        document.file.save(name, File(source), save=False)
    document.file_size = version.file_size
    save_document(document, sha256=version.sha256)
