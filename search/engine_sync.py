"""Bringing the search engine (a replica of the entry table) up to date.

Only pending entries are sent; each is marked synced only if nobody wrote it meanwhile
(its ``revision`` is unchanged), so a slow sync can never hide a newer change. If the engine
cannot be reached the entries stay pending and the caller is told (the sync task then queues
its own retry): nothing is lost.
"""

import logging
from collections.abc import Callable
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.search.backends import get_search_backend

from .config import uses_search_engine
from .models import EngineState, SearchEntry

logger = logging.getLogger(__name__)

BATCH = 500


def push_pending(limit: int | None = None, on_unavailable: Callable[[], None] | None = None) -> int:
    """Send pending entries to the engine; returns how many were synced. If the engine cannot
    be reached they stay pending and ``on_unavailable`` is called."""
    if not uses_search_engine():
        return 0
    backend = get_search_backend()
    index = backend.get_index_for_model(SearchEntry)
    synced = 0
    while limit is None or synced < limit:
        batch = list(
            SearchEntry.objects.filter(engine_state=EngineState.PENDING)
            .prefetch_related("groups")
            .order_by("pk")[:BATCH]
        )
        if not batch:
            break
        try:
            present = [entry for entry in batch if not entry.removed]
            if present:
                index.add_items(SearchEntry, present)
            for entry in batch:
                if entry.removed:
                    index.delete_item(entry)
        except Exception as error:  # Any transport failure: keep them pending, try later.
            logger.warning("Search engine unavailable; %d entries wait: %s", len(batch), error)
            if on_unavailable:
                on_unavailable()
            return synced
        # Only rows nobody wrote meanwhile (same revision) are done.
        unchanged = reduce(or_, (Q(pk=e.pk, revision=e.revision) for e in batch))
        SearchEntry.objects.filter(unchanged, removed=True).delete()
        SearchEntry.objects.filter(unchanged, removed=False).update(engine_state=EngineState.SYNCED)
        synced += len(batch)
    return synced
