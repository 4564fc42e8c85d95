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


def undo_preview(run: ImportRun) -> dict[str, int]:
    """What undoing ``run`` would do: how many objects it would remove and restore."""
    actions = dict(run.changes.values_list("action").annotate(count=Count("pk")))
    return {"remove": actions.get("created", 0), "restore": actions.get("updated", 0)}


def run_items(run: ImportRun, outcome: str = "") -> QuerySet:
    items = run.items.all()
    return items.filter(outcome=outcome) if outcome else items
