"""Bringing the search engine (a replica of the entry table) up to date.

Only pending entries are sent; each is marked synced only if nobody wrote it meanwhile
(its ``revision`` is unchanged), so a slow sync can never hide a newer change. If the engine
cannot be reached the entries stay pending and a retry is queued: nothing is lost.
"""

import logging
from datetime import timedelta
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from .indexes import uses_search_engine
from .models import EngineState, SearchEntry

logger = logging.getLogger(__name__)

BATCH = 500
RETRY_AFTER = timedelta(seconds=30)


def push_pending(limit: int | None = None) -> int:
    """Send pending entries to the engine; returns how many were synced."""
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
            _queue_retry()
            return synced
        # Only rows nobody wrote meanwhile (same revision) are done.
        unchanged = reduce(or_, (Q(pk=e.pk, revision=e.revision) for e in batch))
        SearchEntry.objects.filter(unchanged, removed=True).delete()
        SearchEntry.objects.filter(unchanged, removed=False).update(engine_state=EngineState.SYNCED)
        synced += len(batch)
    return synced


def _queue_retry() -> None:
    """One retry per interval, however many writes failed meanwhile (a long outage must not
    fill the task queue); the retry sends every pending entry, not just one write's."""
    from django_tasks import default_task_backend

    from .tasks import sync_engine

    if default_task_backend.supports_defer and cache.add(
        "search:engine-retry-queued", True, timeout=RETRY_AFTER.total_seconds()
    ):
        sync_engine.using(run_after=timezone.now() + RETRY_AFTER).enqueue()
