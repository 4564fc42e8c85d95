"""Background work for search (Django Tasks: ``db_worker`` in development, immediate in tests)."""

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from django_tasks import default_task_backend, task

from .engine_sync import push_pending
from .retention import purge_older_than

RETRY_AFTER = timedelta(seconds=30)


@task()
def sync_engine() -> int:
    """Send every pending entry to the search engine; retries itself later if it is down."""
    return push_pending(on_unavailable=queue_retry)


def queue_retry() -> None:
    """One retry per interval, however many writes failed meanwhile (a long outage must not
    fill the task queue); the retry sends every pending entry, not just one write's."""
    if default_task_backend.supports_defer and cache.add(
        "search:engine-retry-queued", True, timeout=RETRY_AFTER.total_seconds()
    ):
        sync_engine.using(run_after=timezone.now() + RETRY_AFTER).enqueue()


@task()
def purge_search_queries() -> int:
    """Drop search query counts past their retention (queued by the first search of a day)."""
    return purge_older_than()
