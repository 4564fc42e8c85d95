"""Reading the libraries: what a user may see, filtered and sorted as the library page asks."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from wagtail.models import Collection

from intranet.access.policy import visible_to

from .models import DocumentType, LibraryDocument

SORTS = {"newest": ("-created_at", "-pk"), "title": ("title", "pk"), "oldest": ("created_at", "pk")}
UPDATED = {"week": 7, "month": 31, "year": 366}


@dataclass(frozen=True)
class LibraryFilters:
    collection: Collection | None = None
    document_type: str = ""
    file_type: str = ""
    tag: str = ""
    updated: str = ""
    sort: str = "newest"

    @classmethod
    def from_query(cls, query: QueryDict, collections: QuerySet) -> "LibraryFilters":
        collection_id = query.get("collection", "")
        return cls(
            collection=collections.filter(pk=collection_id).first()
            if collection_id.isdigit()
            else None,
            document_type=query.get("type", "") if query.get("type") in DocumentType.values else "",
            file_type=query.get("format", "")[:10],
            tag=query.get("tag", "")[:100],
            updated=query.get("updated", "") if query.get("updated") in UPDATED else "",
            sort=query.get("sort", "newest") if query.get("sort") in SORTS else "newest",
        )


def library_documents(user, root: Collection | None, filters: LibraryFilters) -> QuerySet:
    """Documents under ``root`` (all libraries if None) that ``user`` may open, filtered."""
    documents = visible_to(user, LibraryDocument.objects.all())
    if root is not None:
        documents = documents.filter(collection__path__startswith=root.path)
    if filters.collection is not None:
        documents = documents.filter(collection__path__startswith=filters.collection.path)
    if filters.document_type:
        documents = documents.filter(document_type=filters.document_type)
    if filters.file_type:
        documents = documents.filter(file_type=filters.file_type)
    if filters.tag:
        documents = documents.filter(tags__name=filters.tag)
    if filters.updated:
        since = timezone.now() - datetime.timedelta(days=UPDATED[filters.updated])
        documents = documents.filter(created_at__gte=since)
    return (
        documents.select_related("collection", "owner_organisation")
        .order_by(*SORTS[filters.sort])
        .distinct()
    )


def file_types(documents: QuerySet) -> list[str]:
    return sorted(set(documents.order_by().values_list("file_type", flat=True)) - {""})


def stale_pending_documents(older_than: datetime.timedelta) -> QuerySet:
    """Documents whose text was asked for over ``older_than`` ago and is still not read.

    The extraction task normally finishes in seconds; a document pending far longer lost its
    task (the worker was killed mid-task, or the queue was lost) and would otherwise stay
    "Waiting to be read" forever. Documents from before the request time was kept count by
    their creation time.
    """
    cutoff = timezone.now() - older_than
    return LibraryDocument.objects.filter(extraction_status="pending").filter(
        Q(extraction_requested_at__lt=cutoff)
        | Q(extraction_requested_at__isnull=True, created_at__lt=cutoff)
    )
