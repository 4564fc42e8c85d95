"""Reads of the shared calendar: the events a user may see, and their occurrences."""

import datetime

from django.utils import timezone

from home.models import EventPage
from intranet.access.policy import visible_to

from . import recurrence


def visible_events(user, organisation=None):
    """Live events ``user`` may view (the access policy's queryset form), optionally only
    those owned by ``organisation`` (its section; shared events have no owner)."""
    events = visible_to(user, EventPage.objects.live())
    if organisation is not None:
        events = events.filter(access_record__owner_organisation=organisation)
    return events.select_related("organiser", "access_record__owner_organisation")


def occurrences_between(events, since: datetime.datetime, until: datetime.datetime) -> list:
    """Every occurrence of ``events`` not over by ``since`` and starting before ``until``."""
    candidates = events.not_over_since(since).filter(start_at__lt=until)
    return recurrence.occurrences_of(candidates, since, until)


def month_window(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    """Local midnight of the month's first day and of the next month's first day."""
    zone = timezone.get_current_timezone()
    first = datetime.datetime(year, month, 1, tzinfo=zone)
    following = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return first, following
