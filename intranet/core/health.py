"""What /healthz reports: the database, the search engine and the task queue's backlog.

Reads only, each guarded: a health check that raises is worse than none. Only the database
decides the status code — without it nothing works; without the engine search falls back to
the database (degraded), and a backlog is for operators to watch, not a reason to stop serving.
"""

from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.search.backends import get_search_backend

from search.engine_indexes import uses_search_engine

DATABASE_TASKS_BACKEND = "django_tasks_db.DatabaseBackend"


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unavailable"
    return "ok"


def search_status() -> str:
    """``ok``, or ``degraded`` when the engine does not answer (search then uses the database)."""
    if not uses_search_engine():
        return "ok"
    try:
        health = _cluster_health(get_search_backend().es, timeout_seconds=2)
    except Exception:  # Any client error means the same: the engine is not answering.
        return "degraded"
    return "ok" if health.get("status") in {"green", "yellow"} else "degraded"


def _cluster_health(client, timeout_seconds: float) -> dict:
    """Cluster health rather than ``ping()``: every node answers it, while a minimal
    Elasticsearch (its integ-test distribution, in CI) has no root endpoint to ping.
    """
    if hasattr(client, "options"):  # Elasticsearch's client takes timeouts only here.
        return client.options(request_timeout=timeout_seconds).cluster.health()
    return client.cluster.health(request_timeout=timeout_seconds)


def task_backlog() -> dict:
    """Tasks waiting for a worker, and how long the oldest has waited (seconds)."""
    if settings.TASKS["default"]["BACKEND"] != DATABASE_TASKS_BACKEND:
        return {"pending": 0, "oldest_pending_seconds": None}
    try:
        ready = DBTaskResult.objects.ready()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        pending = ready.count()
    except DatabaseError:
        return {"pending": None, "oldest_pending_seconds": None}
    age = round((timezone.now() - oldest).total_seconds()) if oldest else None
    return {"pending": pending, "oldest_pending_seconds": age}
