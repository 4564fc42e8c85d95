"""Reads of import runs."""

from django.db.models import Count, QuerySet

from .models import ImportRun


def recent_runs(limit: int = 50) -> QuerySet[ImportRun]:
    """The newest runs first, with their organisation and how many changes each recorded."""
    return (
        ImportRun.objects.select_related("organisation")
        .annotate(change_count=Count("changes"))
        .order_by("-started_at", "-pk")[:limit]
    )
