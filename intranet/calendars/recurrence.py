"""When an event happens: its occurrences, expanded in London time, and how to say them.

A leaf module — it knows no model, only the fields an event has (``start_at``, ``end_at``,
``all_day``, ``recurrence``, ``recurrence_until``, ``recurrence_count``,
``exception_dates``) — so page models (``home``) and the calendar's views both use it.

Recurrences are expanded on the local wall clock and only then made aware: a weekly 10am
event stays at 10am after the clocks change, as Outlook and Google expand an RRULE with a
TZID. An all-day event's ``start_at``/``end_at`` count only for their local dates.
"""

import datetime
from dataclasses import dataclass

from dateutil.rrule import MONTHLY, WEEKLY, rrule
from django.utils import timezone
from django.utils.dateformat import format as format_date

WEEKLY_RULE = "weekly"
MONTHLY_RULE = "monthly"
FREQUENCIES = {WEEKLY_RULE: WEEKLY, MONTHLY_RULE: MONTHLY}
# An event that repeats for ever is expanded this far ahead at most.
HORIZON = datetime.timedelta(days=366)


@dataclass(frozen=True)
class Occurrence:
    """One time an event happens: aware local ``start_at``/``end_at`` (``end_at`` None when
    the event has no set end); for an all-day event, midnight of its first and last days."""

    event: object
    start_at: datetime.datetime
    end_at: datetime.datetime | None

    @property
    def all_day(self) -> bool:
        return bool(getattr(self.event, "all_day", False))

    @property
    def day(self) -> datetime.date:
        return timezone.localtime(self.start_at).date()

    @property
    def starts_text(self) -> str:
        return when_text(self.start_at, self.all_day)

    @property
    def ends_text(self) -> str:
        return ends_text(self.start_at, self.end_at, self.all_day)

    @property
    def shows_end(self) -> bool:
        return bool(self.ends_text)


def time_text(moment: datetime.datetime) -> str:
    """Times in GOV.UK style: 10am, 5:30pm, midday, midnight."""
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "midday"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def day_text(day: datetime.date) -> str:
    """e.g. “Tuesday 3 March 2026”."""
    return format_date(day, "l j F Y")


def when_text(moment: datetime.datetime, all_day: bool = False) -> str:
    """e.g. “Tuesday 3 March 2026, 10am” in local time; only the day for all-day events."""
    local = timezone.localtime(moment)
    return day_text(local.date()) if all_day else f"{day_text(local.date())}, {time_text(local)}"


def ends_text(
    start: datetime.datetime, end: datetime.datetime | None, all_day: bool = False
) -> str:
    """Only the time when the event ends on the day it starts, e.g. “12:30pm”; nothing for an
    all-day event of one day or an event without a set end."""
    if end is None:
        return ""
    start, end = timezone.localtime(start), timezone.localtime(end)
    if all_day:
        return "" if end.date() <= start.date() else day_text(end.date())
    return time_text(end) if end.date() == start.date() else when_text(end)


def _naive_local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment).replace(tzinfo=None)


def _aware(naive: datetime.datetime) -> datetime.datetime:
    # zoneinfo: a wall time in the autumn's repeated hour takes its first (summer) meaning,
    # one in the spring's missing hour is read with the winter offset — as calendar clients do.
    return naive.replace(tzinfo=timezone.get_current_timezone())


def starts(event) -> list[datetime.datetime] | None:
    """The naive local start of every occurrence, exceptions skipped; None for an event that
    repeats for ever (expand it with ``occurrences`` and a window instead)."""
    first = _naive_local(event.start_at)
    if event.all_day:
        first = first.replace(hour=0, minute=0, second=0, microsecond=0)
    if not event.recurrence:
        return [first]
    if not (event.recurrence_until or event.recurrence_count):
        return None
    return list(_rule(event, first))


def _rule(event, first: datetime.datetime):
    until = None
    if event.recurrence_until:
        until = datetime.datetime.combine(event.recurrence_until, datetime.time.max)
    rule = rrule(
        FREQUENCIES[event.recurrence],
        dtstart=first,
        until=until,
        count=event.recurrence_count or None,
    )
    skipped = set(event.exception_dates)
    return (moment for moment in rule if moment.date() not in skipped)


def occurrences(event, since: datetime.datetime, until: datetime.datetime) -> list[Occurrence]:
    """The occurrences of ``event`` not over by ``since`` and starting before ``until``.

    An occurrence with no set end is over once its day is; an all-day one once its last day is.
    """
    first = _naive_local(event.start_at)
    if event.all_day:
        first = first.replace(hour=0, minute=0, second=0, microsecond=0)
    length = None
    if event.end_at is not None:
        length = _naive_local(event.end_at) - _naive_local(event.start_at)
        if event.all_day:  # whole days: from the first midnight to the last day's midnight
            length = datetime.timedelta(
                days=(_naive_local(event.end_at).date() - first.date()).days
            )
    local_since, local_until = _naive_local(since), _naive_local(until)
    found = []
    candidates = _rule(event, first) if event.recurrence else iter([first])
    for start in candidates:
        if start >= local_until:
            break
        end = start + length if length is not None else None
        over_at = end if end is not None and not event.all_day else None
        if over_at is None:  # over when its (last) day is
            last_day = (end or start).date()
            over_at = datetime.datetime.combine(
                last_day + datetime.timedelta(days=1), datetime.time()
            )
        if over_at <= local_since:
            continue
        found.append(Occurrence(event, _aware(start), _aware(end) if end is not None else None))
    return found


def occurrences_of(events, since: datetime.datetime, until: datetime.datetime) -> list[Occurrence]:
    """Every occurrence of ``events`` in the window, soonest first."""
    found = [occurrence for event in events for occurrence in occurrences(event, since, until)]
    return sorted(found, key=lambda o: (o.start_at, o.event.title, o.event.pk))


def last_day(event) -> datetime.date | None:
    """The local date the event's last occurrence ends on; None if it repeats for ever."""
    all_starts = starts(event)
    if all_starts is None:
        return None
    if not all_starts:
        return timezone.localtime(event.start_at).date()
    final = all_starts[-1]
    if event.end_at is not None:
        final += _naive_local(event.end_at) - _naive_local(event.start_at)
    return final.date()


def describe(event) -> str:
    """e.g. “Every week, until Tuesday 1 December 2026, except 22 December 2026”."""
    if not event.recurrence:
        return ""
    text = "Every week" if event.recurrence == WEEKLY_RULE else "Every month"
    if event.recurrence_until:
        text += f", until {day_text(event.recurrence_until)}"
    elif event.recurrence_count:
        text += f", {event.recurrence_count} times"
    if event.exception_dates:
        days = ", ".join(format_date(day, "j F Y") for day in event.exception_dates)
        text += f", except {days}"
    return text
