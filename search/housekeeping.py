"""Daily background work that keeps search in step with time passing rather than with a write:
leavers drop out of the directory when their grace period ends, with no save to tell search."""

from django_tasks import task

from intranet.people.models import Person

from . import indexing
from .models import Kind, SearchEntry


def past_leavers_still_searchable() -> list[int]:
    """People whose grace period has ended but who still have a live search entry."""
    searchable = SearchEntry.objects.filter(kind=Kind.PERSON, removed=False).values("object_id")
    return list(
        Person.objects.filter(left_on__isnull=False, pk__in=searchable)
        .exclude(pk__in=Person.objects.listed().values("pk"))
        .values_list("pk", flat=True)
    )


@task()
def hide_past_leavers() -> int:
    """Remove past leavers from search (queued by the first search of a day)."""
    person_ids = past_leavers_still_searchable()
    indexing.refresh_people(person_ids)
    return len(person_ids)
