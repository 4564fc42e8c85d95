"""iCalendar (RFC 5545) for events: one event's file and a person's feed, with the RRULE,
EXDATE, SEQUENCE and STATUS calendar clients need, and a compact VTIMEZONE for London."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from . import recurrence

PRODID = "-//Commons//Shared calendar//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid_domain() -> str:
    """Stable across hosts and requests: ``COMMONS_CALENDAR_UID_DOMAIN``, else the site's
    configured base URL's host."""
    configured = getattr(settings, "COMMONS_CALENDAR_UID_DOMAIN", "")
    return configured or urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "commons"


def event_uid(event) -> str:
    return f"event-{event.pk}@{uid_domain()}"


def build_calendar(name: str, events, request, *, first_day: datetime.date | None = None) -> bytes:
    """A VCALENDAR of ``events`` named ``name``, its VTIMEZONE covering every date in it."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    zone_name = settings.TIME_ZONE
    calendar.add("x-wr-timezone", zone_name)
    now = timezone.now()
    components, days, timed = [], [], False
    for event in events:
        components.append(event_component(event, request, now))
        timed = timed or not event.all_day
        days.append(timezone.localtime(event.start_at).date())
        last = recurrence.last_day(event)
        days.append(last or (timezone.localdate(now) + recurrence.HORIZON))
    if timed:  # only timed events refer to it; dates need none
        first, last = min(days), max(days) + datetime.timedelta(days=1)
        if first_day:
            first = min(first, first_day)
        calendar.add_component(Timezone.from_tzid(zone_name, first_date=first, last_date=last))
    for component in components:
        calendar.add_component(component)
    return calendar.to_ical()


def event_component(event, request, stamp: datetime.datetime) -> Event:
    component = Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    component.add("sequence", event.sequence)
    component.add("summary", event.title)
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    start = timezone.localtime(event.start_at)
    if event.all_day:
        first_day = start.date()
        last_day = timezone.localtime(event.end_at).date() if event.end_at else first_day
        component.add("dtstart", first_day)
        component.add("dtend", max(last_day, first_day) + datetime.timedelta(days=1))
        component.add("transp", "TRANSPARENT")
    else:
        component.add("dtstart", start)
        if event.end_at:
            component.add("dtend", timezone.localtime(event.end_at))
    if event.recurrence:
        component.add("rrule", _rule(event))
        exceptions = event.exception_dates
        if exceptions:
            if event.all_day:
                component.add("exdate", exceptions)
            else:
                component.add(
                    "exdate",
                    [
                        datetime.datetime.combine(day, start.timetz().replace(tzinfo=None)).replace(
                            tzinfo=start.tzinfo
                        )
                        for day in exceptions
                    ],
                )
    if event.location:
        component.add("location", event.location)
    elif event.online_link:
        component.add("location", "Online")
    url = request.build_absolute_uri(event.get_url(request))
    component.add("url", url)
    description = [event.summary] if event.summary else []
    if event.online_link:
        description.append(f"Join online: {event.online_link}")
    description.append(url)
    component.add("description", vText("\n\n".join(description)))
    if event.organiser_id and event.organiser and event.organiser.email:
        organiser = vCalAddress(f"mailto:{event.organiser.email}")
        organiser.params["cn"] = vText(event.organiser.display_name)
        component.add("organizer", organiser)
    return component


def _rule(event) -> dict:
    rule = {"freq": "WEEKLY" if event.recurrence == recurrence.WEEKLY_RULE else "MONTHLY"}
    if event.recurrence_count:
        rule["count"] = event.recurrence_count
    elif event.recurrence_until:
        if event.all_day:  # a DATE DTSTART takes a DATE UNTIL
            rule["until"] = event.recurrence_until
        else:  # a DTSTART with a TZID takes an UNTIL in UTC (RFC 5545 3.3.10)
            last = datetime.datetime.combine(event.recurrence_until, datetime.time(23, 59, 59))
            last = last.replace(tzinfo=timezone.get_current_timezone())
            rule["until"] = last.astimezone(datetime.UTC)
    return rule
