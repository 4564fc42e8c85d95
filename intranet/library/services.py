"""Writes to library documents, each done once: saving one (a new file's facts, its effective
access, its search entry, reading its text), moving some, and what follows when a folder's
access or an organisation's policy changes.

The document model's ``save()`` writes only its own row; everything derived from a document is
written here, called by the admin's forms and views, the site's upload, importers and scripts.
"""

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
    refresh_document_access,
    refresh_organisation_pages,
    store_effective_access,
)
from intranet.access.models import CollectionAccess
from intranet.access.policy import AccessFacts
from intranet.access.publishing import apply_publishing_policy
from intranet.common.signals import content_changed
from intranet.organisations.models import Organisation, OrganisationGroup

from .models import ExtractionStatus, LibraryDocument
from .tasks import extract_document_text

# --- Saving -----------------------------------------------------------------------------------


@transaction.atomic
def library_folder(
    organisation: Organisation, names: Iterable[str], *, create: bool = True
) -> Collection | None:
    """The folder (collection) at ``names`` below the organisation's library, made as needed
    (an importer's folders). With ``create=False`` (a dry run), None when it does not exist."""
    collection = organisation.library_collection
    for name in (part.strip() for part in names):
        if not name:
            continue
        child = collection.get_children().filter(name=name[:255]).first()
        if child is None and not create:
            return None
        collection = child or collection.add_child(name=name[:255])
    return collection


def save_document(
    document: LibraryDocument,
    *,
    groups: Iterable[OrganisationGroup] | None = None,
    tags: Iterable[str] | None = None,
    sha256: str = "",
) -> LibraryDocument:
    """Save a document made or changed in code (the site's upload, importers, restores, the
    demo) with its groups and tags, and what follows from it. ``sha256``: the new file's hash
    when the caller has already worked it out (an importer comparing files), so it is not
    read twice."""
    new_file = document.file_changed
    if new_file:
        note_new_file(document, sha256)
    document.save()
    if groups is not None:
        document.access_groups.set(list(groups))
    if tags is not None:
        document.tags.set(list(tags), clear=True)
    document_saved(document, new_file=new_file)
    return document


def document_saved(document: LibraryDocument, *, new_file: bool) -> None:
    """After a document and its groups were saved (by ``save_document`` or the admin's form):
    its effective access and search entry, once; a new file's text read in the background."""
    refresh_document_access(document)
    if new_file:
        extract_document_text.enqueue(document.pk)


@transaction.atomic
def documents_moved(pks: Iterable[int]) -> None:
    """After documents were filed in other folders behind their ``save()`` (Wagtail's bulk
    "add to collection" updates the rows directly): their access and search entries."""
    documents = LibraryDocument.objects.filter(pk__in=list(pks))
    folders = {
        collection.pk: collection_facts(collection)
        for collection in Collection.objects.filter(pk__in=documents.values("collection_id"))
    }
    _refresh_access(documents, folders)
    # Their folder is shown in results and facets, so the whole entry, not just the facts.
    content_changed.send(sender=LibraryDocument, pks=[document.pk for document in documents])


# --- Access -----------------------------------------------------------------------------------


def refresh_documents_in(collection: Collection) -> list[int]:
    """Recompute the effective access of every document filed in ``collection`` or below it,
    in bulk (one walk of the folders, one read of the documents, one write per distinct set of
    facts); the ids of documents whose access changed."""
    folders = collection_facts_below(collection)
    return _refresh_access(LibraryDocument.objects.filter(collection_id__in=folders), folders)


def _refresh_access(documents, folders: dict[int, AccessFacts]) -> list[int]:
    documents = documents.only(
        "pk", "collection_id", "audience", "classification", "handling_caveat"
    ).prefetch_related("access_groups")
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


def note_new_file(document: LibraryDocument, sha256: str = "") -> None:
    """Before saving a new or replaced file: its hash (``sha256`` if already known) and type,
    and its text to be read again."""
    document.sha256 = sha256 or _sha256(document)
    name = document.file.name.rsplit("/", 1)[-1]
    document.file_type = name.rsplit(".", 1)[-1].lower()[:10] if "." in name else ""
    document.extraction_status = ExtractionStatus.PENDING
    document.extraction_requested_at = timezone.now()
    document.extraction_reason = ""
    document.extracted_text = ""
    document.page_count = None
