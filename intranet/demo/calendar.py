"""Demo events for the shared calendar, beside the events ``seeding._seed_events`` adds:
a weekly drop-in (with a skipped week), a monthly forum, an all-day event, an online event
with an organiser (one of the council's people, if any), and a cancelled one — dated from the
day the demo is seeded. Idempotent: an event that exists (by slug) is left as it is."""

import datetime

from django.utils import timezone

from home.models import EventIndexPage, EventPage
from home.services import add_page
from intranet.organisations.models import Organisation
from intranet.people.models import Person

# (slug, title, summary, location, days ahead, (hour, minute), minutes, extra fields)
CALENDAR_EVENTS = [
    (
        "wellbeing-drop-in",
        "Weekly wellbeing drop-in",
        "Talk to a mental health first aider in confidence, no appointment needed.",
        "Staff room, {building}",
        2,
        (12, 30),
        60,
        {"recurrence": "weekly", "recurrence_count": 12, "skip_week": 3},
    ),
    (
        "managers-forum",
        "Managers' forum",
        "Monthly updates for team managers across {org}.",
        "Council Chamber, {building}",
        12,
        (15, 0),
        90,
        {"recurrence": "monthly", "recurrence_count": 3},
    ),
    (
        "volunteering-day",
        "Partnership volunteering day",
        "A day to volunteer with a local charity: ask your manager before you sign up.",
        "Across the borough",
        30,
        (0, 0),
        0,
        {"all_day": True},
    ),
    (
        "digital-skills-webinar",
        "Digital skills webinar: working with shared documents",
        "Learn how to co-author documents safely with colleagues in other councils.",
        "",
        19,
        (11, 0),
        45,
        {
            "online_link": "https://teams.microsoft.com/l/meetup-join/commons-demo",
            "organiser": True,
        },
    ),
    (
        "fire-drill-briefing",
        "Fire drill briefing",
        "The briefing for fire marshals before the next drill.",
        "Meeting Room 3, {building}",
        26,
        (9, 30),
        30,
        {"cancelled": True},
    ),
]


def _weekday_on_or_after(day: datetime.date) -> datetime.date:
    """Council events fall on working days: a Saturday or Sunday moves to the Monday."""
    return day + datetime.timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)


def seed_calendar(organisation: Organisation, spec: dict) -> int:
    """Add the calendar's demo events to the organisation's events page; return how many."""
    index = EventIndexPage.objects.child_of(organisation.section_page).filter(slug="events")
    index = index.first()
    if index is None:
        return 0
    existing = set(EventPage.objects.child_of(index).values_list("slug", flat=True))
    organiser = Person.objects.filter(organisation=organisation).order_by("pk").first()
    today = timezone.localdate()
    created = 0
    for slug, title, summary, location, days, (hour, minute), minutes, extra in CALENDAR_EVENTS:
        if slug in existing:
            continue
        extra = dict(extra)
        day = _weekday_on_or_after(today + datetime.timedelta(days=days))
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
        skip_week = extra.pop("skip_week", None)
        if skip_week:
            extra["recurrence_exceptions"] = (day + datetime.timedelta(weeks=skip_week)).isoformat()
        if extra.pop("organiser", False):
            extra["organiser"] = organiser
        fill = {"org": spec["name"], "building": spec["building"]}
        event = EventPage(
            slug=slug,
            title=title,
            summary=summary.format(**fill),
            location=location.format(**fill),
            start_at=start,
            end_at=start + datetime.timedelta(minutes=minutes),
            **extra,
        )
        add_page(index, event)
        created += 1
    return created
