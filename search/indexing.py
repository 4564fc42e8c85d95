"""Keeps search entries true to their sources, and the search engine true to the entries.

Entries are written in the same transaction as the change (``refresh_*``), so the database
search is never behind and never shows an item under access facts it no longer has. The
search engine is a replica brought up to date afterwards by a background task
(``search.tasks.sync_engine``); an entry waits as *pending* until the engine has it, so an
engine outage loses nothing and ``manage.py sync_search`` (or the queued retry) catches up.
"""

import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from wagtail.models import Page

from intranet.access.models import PageAccess
from intranet.library.models import LibraryDocument
from intranet.people.models import Person

from .config import uses_search_engine
from .models import EngineState, Kind, SearchEntry
from .sources import describe, kind_of_page
from .tasks import sync_engine

logger = logging.getLogger(__name__)

PAGE_KINDS = (Kind.PAGE, Kind.EVENT)


def refresh_pages(page_ids: Iterable[int]) -> None:
    page_ids = list(page_ids)
    found = {page.pk: page for page in Page.objects.filter(pk__in=page_ids)}
    for page_id in page_ids:
        page = found.get(page_id)
        kind = kind_of_page(page) if page else Kind.PAGE
        # A page is only ever one kind; drop it from the other in case its type says otherwise.
        _write(kind, page_id, others=[k for k in PAGE_KINDS if k != kind])
    _after_write()


def refresh_page_tree(root_id: int, page_ids: Iterable[int]) -> None:
    """After ``root_id`` was saved: refresh the given pages, and everything below the root too
    if the root's address changed (a new slug rewrites its descendants' paths in SQL)."""
    before = _page_url(root_id)
    refresh_pages(page_ids)
    if before is not None and before != _page_url(root_id):
        root = Page.objects.get(pk=root_id)
        refresh_pages(Page.objects.filter(path__startswith=root.path).values_list("pk", flat=True))


def _page_url(page_id: int) -> str | None:
    entry = SearchEntry.objects.filter(kind__in=PAGE_KINDS, object_id=page_id).first()
    return entry.url if entry else None


def remove_pages(page_ids: Iterable[int]) -> None:
    for page_id in page_ids:
        for kind in PAGE_KINDS:
            _remove(kind, page_id)
    _after_write()


def refresh_documents(document_ids: Iterable[int]) -> None:
    for document_id in document_ids:
        _write(Kind.DOCUMENT, document_id)
    _after_write()


def restamp_documents(document_ids: Iterable[int]) -> None:
    """After only documents' effective access changed (a folder's access, a policy): copy the
    new facts onto their entries in bulk — a fixed number of queries however many documents.
    A document with no entry yet (or no facts) takes the ordinary path."""
    ids = list(document_ids)
    facts = LibraryDocument.objects.filter(pk__in=ids).values_list(
        "pk", "owner_organisation_id", "effective_audience", "effective_classification"
    )
    groups = LibraryDocument.effective_groups.through.objects.filter(
        librarydocument_id__in=ids
    ).values_list("librarydocument_id", "organisationgroup_id")
    _restamp((Kind.DOCUMENT,), ids, facts, groups, write=lambda pk: _write(Kind.DOCUMENT, pk))


def restamp_pages(page_ids: Iterable[int]) -> None:
    """After only pages' effective access changed (an ancestor narrowed, a policy): the same
    bulk copy of the facts onto their entries, from their access records."""
    ids = list(page_ids)
    facts = PageAccess.objects.filter(page_id__in=ids).values_list(
        "page_id", "owner_organisation_id", "audience", "classification"
    )
    groups = PageAccess.groups.through.objects.filter(pageaccess_id__in=ids).values_list(
        "pageaccess_id", "organisationgroup_id"
    )
    _restamp(PAGE_KINDS, ids, facts, groups, write=lambda pk: refresh_pages([pk]))


def _restamp(kinds, ids: list[int], facts, groups, write) -> None:
    """Copy (owner, audience, classification) and groups, read by ``facts``/``groups`` as
    ``(object id, …)`` rows, onto the entries of those objects; ``write`` the rest in full."""
    facts = {
        pk: (owner_id, audience, classification) for pk, owner_id, audience, classification in facts
    }
    entries = dict(
        SearchEntry.objects.filter(kind__in=kinds, object_id__in=ids).values_list("object_id", "pk")
    )
    stamped = [pk for pk in ids if pk in entries and facts.get(pk, (None, ""))[1]]
    for pk in set(ids) - set(stamped):
        write(pk)
    by_facts: dict[tuple, list[int]] = {}
    for pk in stamped:
        by_facts.setdefault(facts[pk], []).append(entries[pk])
    for (owner_id, audience, classification), entry_ids in by_facts.items():
        SearchEntry.objects.filter(pk__in=entry_ids).update(
            organisation_id=owner_id,
            audience=audience,
            classification=classification,
            engine_state=EngineState.PENDING,
            revision=F("revision") + 1,
        )
    through = SearchEntry.groups.through
    through.objects.filter(searchentry_id__in=[entries[pk] for pk in stamped]).delete()
    stamped_ids = set(stamped)
    through.objects.bulk_create(
        through(searchentry_id=entries[object_id], organisationgroup_id=group_id)
        for object_id, group_id in groups
        if object_id in stamped_ids
    )
    _after_write()


def refresh_people(person_ids: Iterable[int]) -> None:
    for person_id in person_ids:
        _write(Kind.PERSON, person_id)
    _after_write()


def refresh_all() -> int:
    """Rebuild every entry from its source (after an import, a restore, or a new release)."""
    page_ids = list(Page.objects.filter(depth__gt=1).values_list("pk", flat=True))
    document_ids = list(LibraryDocument.objects.values_list("pk", flat=True))
    person_ids = list(Person.objects.values_list("pk", flat=True))
    with transaction.atomic():
        refresh_pages(page_ids)
        refresh_documents(document_ids)
        refresh_people(person_ids)
        # Entries whose source vanished without a signal (raw SQL, a restored backup).
        known = {Kind.DOCUMENT: document_ids, Kind.PERSON: person_ids}
        for kind, ids in known.items():
            for entry in SearchEntry.objects.filter(kind=kind, removed=False).exclude(
                object_id__in=ids
            ):
                _remove(kind, entry.object_id)
        for entry in SearchEntry.objects.filter(kind__in=PAGE_KINDS, removed=False).exclude(
            object_id__in=page_ids
        ):
            _remove(entry.kind, entry.object_id)
    _after_write()
    return SearchEntry.objects.filter(removed=False).count()


def _write(kind: str, object_id: int, others: Iterable[str] = ()) -> None:
    for other in others:
        _remove(other, object_id)
    data = describe(kind, object_id)
    if data is None:
        _remove(kind, object_id)
    else:
        fields = {
            "title": data.title[:255],
            "summary": data.summary,
            "body": data.body,
            "url": data.url[:500],
            "label": data.label[:100],
            "organisation_id": data.organisation_id,
            "audience": data.audience,
            "classification": data.classification,
            "document_type": data.document_type,
            "file_type": data.file_type,
            "updated_at": data.updated_at,
            "engine_state": EngineState.PENDING,
            "removed": False,
        }
        with transaction.atomic():
            entry = SearchEntry.objects.select_for_update().filter(kind=kind, object_id=object_id)
            entry = entry.first()
            if entry is None:
                entry = SearchEntry.objects.create(kind=kind, object_id=object_id, **fields)
            else:
                SearchEntry.objects.filter(pk=entry.pk).update(revision=F("revision") + 1, **fields)
            entry.groups.set(data.group_ids)


def _remove(kind: str, object_id: int) -> None:
    entries = SearchEntry.objects.filter(kind=kind, object_id=object_id)
    if uses_search_engine():
        # Kept (hidden) until the engine has dropped it too.
        entries.filter(removed=False).update(
            removed=True, engine_state=EngineState.PENDING, revision=F("revision") + 1
        )
    else:
        entries.delete()


def _after_write() -> None:
    if uses_search_engine():
        sync_engine.enqueue()
