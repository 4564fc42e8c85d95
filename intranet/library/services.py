"""Writes to library documents: their effective access, facts about a new file, reading its
text — and what follows when a folder's access or an organisation's policy changes."""

import hashlib
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection

from intranet.access.choices import Audience
from intranet.access.effective import (
    collection_facts,
    collection_facts_below,
    narrow,
    refresh_collection_images,
    refresh_organisation_pages,
    store_effective_access,
)
from intranet.access.models import CollectionAccess
from intranet.access.publishing import apply_publishing_policy
from intranet.common.signals import content_changed
from intranet.organisations.models import Organisation, OrganisationGroup

from .models import LibraryDocument
from .tasks import extract_document_text

# --- Access -----------------------------------------------------------------------------------


def refresh_documents_in(collection: Collection) -> list[int]:
    """Recompute the effective access of every document filed in ``collection`` or below it,
    in bulk (one walk of the folders, one read of the documents, one write per distinct set of
    facts); the ids of documents whose access changed."""
    folders = collection_facts_below(collection)
    documents = (
        LibraryDocument.objects.filter(collection_id__in=folders)
        .only("pk", "collection_id", "audience", "classification", "handling_caveat")
        .prefetch_related("access_groups")
    )
    facts = {
        document.pk: narrow(
            folders[document.collection_id],
            document.audience,
            document.classification,
            frozenset(group.pk for group in document.access_groups.all())
            if document.audience == Audience.GROUPS
            else frozenset(),
            document.handling_caveat,
        )
        for document in documents
    }
    return store_effective_access(LibraryDocument, facts)


@transaction.atomic
def folder_access_changed(collection: Collection) -> None:
    """After a folder's declared access changed: its documents and images, and below it."""
    changed = refresh_documents_in(collection)
    refresh_collection_images(collection)
    if changed:
        content_changed.send(sender=LibraryDocument, pks=changed, access_only=True)


@transaction.atomic
def set_folder_access(
    collection: Collection,
    audience: str = "",
    classification: str = "",
    groups: Iterable[OrganisationGroup] = (),
    handling_caveat: str = "",
) -> CollectionAccess:
    """Declare a library folder's access (as its organisation's admins do in the admin)."""
    access, _ = CollectionAccess.objects.update_or_create(
        collection=collection,
        defaults={
            "organisation_id": collection_facts(collection).owner_id,
            "audience": audience,
            "classification": classification,
            "handling_caveat": handling_caveat,
        },
    )
    access.groups.set(list(groups))
    folder_access_changed(collection)
    return access


@transaction.atomic
def organisation_policy_changed(organisation: Organisation) -> None:
    """After an organisation's policy changed: its section's pages, its library, its
    approval workflow."""
    refresh_organisation_pages(organisation)
    if organisation.library_collection_id:
        folder_access_changed(organisation.library_collection)
    apply_publishing_policy(organisation)


def refresh_missing_documents() -> int:
    """Give every document without effective access one (after migrations)."""
    missing = LibraryDocument.objects.filter(effective_audience="")
    collections = Collection.objects.filter(pk__in=missing.values("collection_id"))
    count = missing.count()
    for collection in collections:
        changed = refresh_documents_in(collection)
        if changed:
            content_changed.send(sender=LibraryDocument, pks=changed, access_only=True)
    return count


# --- Files ------------------------------------------------------------------------------------


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
    extract_document_text.enqueue(document.pk)
