"""Background work for search (Django Tasks: ``db_worker`` in development, immediate in tests)."""

from django_tasks import task


@task()
def sync_engine() -> int:
    """Send every pending entry to the search engine; retries itself later if it is down."""
    from .engine_sync import push_pending

    return push_pending()
