"""How ``import_undo`` reads, restores and removes a library document (registered with
``intranet.imports.undo`` in ``LibraryConfig.ready``): through ``save_document``, so a
restored document's access, search entry and text follow as after any other save."""

import datetime

from intranet.imports.undo import Undoer, register

from .models import LibraryDocument
from .services import save_document

PLAIN_FIELDS = (
    "title",
    "description",
    "document_type",
    "audience",
    "classification",
    "content_owner_id",
    "collection_id",
    "sha256",
    "file_size",
)


def document_state(document: LibraryDocument) -> dict:
    document = LibraryDocument.objects.get(pk=document.pk)  # what is stored, not in memory
    return {
        **{name: getattr(document, name) for name in PLAIN_FIELDS},
        "review_by": document.review_by.isoformat() if document.review_by else None,
        "file": document.file.name,
        "groups": sorted(document.access_groups.values_list("pk", flat=True)),
        "tags": sorted(document.tags.names()),
    }


def restore_document(document: LibraryDocument, state: dict) -> None:
    document = LibraryDocument.objects.get(pk=document.pk)
    for name in PLAIN_FIELDS:
        setattr(document, name, state[name])
    document.review_by = (
        datetime.date.fromisoformat(state["review_by"]) if state["review_by"] else None
    )
    document.file.name = state["file"]  # the earlier file is still in storage
    save_document(
        document,
        groups=document.access_groups.model.objects.filter(pk__in=state["groups"]),
        tags=state["tags"],
        sha256=state["sha256"],
    )


def delete_document(document: LibraryDocument) -> None:
    stored = document.file.name
    document.delete()  # its search entry goes with it (search.signals)
    if stored:
        document.file.storage.delete(stored)


def register_undo() -> None:
    register(LibraryDocument, Undoer(document_state, restore_document, delete_document))
