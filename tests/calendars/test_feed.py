"""A person's iCalendar feed: exactly the events they may see, as calendar clients need them."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from intranet.access.models import AuditEvent
from intranet.calendars.services import regenerate_feed
from tests.calendars.conftest import parse_events
from tests.factories import (
    EventPageFactory,
    accept_statement,
    add_to_group,
    member_of,
    restrict,
)

pytestmark = pytest.mark.django_db


def feed_of(user, query: str = ""):
    return Client().get(f"/events/feed/{regenerate_feed(user).token}.ics{query}")


def test_the_feed_is_a_named_calendar_with_london_time_and_no_public_caching(hf, hf_staff):
    EventPageFactory(parent=hf.section_page, title="Forum")

    response = feed_of(hf_staff)
    calendar = Calendar.from_ical(response.content)

    assert calendar["X-WR-CALNAME"] == "Commons – events"
    assert calendar["PRODID"] == "-//Commons//Shared calendar//EN"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "DTSTAMP" in calendar.walk("VEVENT")[0]


def test_uids_stay_the_same_and_sequence_goes_up_when_a_change_is_published(hf, hf_staff):
    event = EventPageFactory(parent=hf.section_page, title="Forum")
    token = regenerate_feed(hf_staff).token
    before = parse_events(Client().get(f"/events/feed/{token}.ics"))["Forum"]

    event.start_at += datetime.timedelta(hours=1)
    event.end_at += datetime.timedelta(hours=1)
    event.save_revision().publish()
    after_move = parse_events(Client().get(f"/events/feed/{token}.ics"))["Forum"]
    event.refresh_from_db()
    event.summary = "A new summary: not a change calendars must hear of."
    event.save_revision().publish()
    after_wording = parse_events(Client().get(f"/events/feed/{token}.ics"))["Forum"]

    assert (
        before["UID"] == after_move["UID"] == after_wording["UID"] == f"event-{event.pk}@127.0.0.1"
    )
    assert [before["SEQUENCE"], after_move["SEQUENCE"], after_wording["SEQUENCE"]] == [0, 1, 1]


def test_a_cancelled_event_stays_in_the_feed_as_cancelled(hf, hf_staff):
    event = EventPageFactory(parent=hf.section_page, title="Forum")
    event.cancelled = True
    event.save_revision().publish()

    vevent = parse_events(feed_of(hf_staff))["Forum"]

    assert vevent["STATUS"] == "CANCELLED"
    assert vevent["SEQUENCE"] == 1


def test_the_feed_can_hold_one_organisations_events_only(councils):
    hf, rbkc = councils
    EventPageFactory(parent=hf.section_page, title="H&F forum")
    EventPageFactory(parent=rbkc.section_page, title="RBKC forum")
    reader = member_of(hf, "hf.reader")

    response = feed_of(reader, "?org=rbkc")

    assert set(parse_events(response)) == {"RBKC forum"}
    assert Calendar.from_ical(response.content)["X-WR-CALNAME"] == "Commons – RBKC events"


def test_the_feed_leaves_out_events_restricted_to_others(councils):
    hf, rbkc = councils
    EventPageFactory(parent=hf.section_page, title="Open forum")
    restrict(
        EventPageFactory(parent=hf.section_page, title="Staff briefing"), audience="organisation"
    )
    care = add_to_group(member_of(hf, "hf.carer"), hf, "social-care")
    restrict(
        EventPageFactory(parent=hf.section_page, title="Case review"),
        audience="groups",
        groups=[care],
    )

    partner = set(parse_events(feed_of(member_of(rbkc, "rbkc.reader"))))
    colleague = set(parse_events(feed_of(member_of(hf, "hf.reader"))))
    carer = set(parse_events(feed_of(care.group.user_set.get())))

    assert partner == {"Open forum"}
    assert colleague == {"Open forum", "Staff briefing"}
    assert carer == {"Open forum", "Staff briefing", "Case review"}


def test_an_official_sensitive_event_in_a_feed_is_audited_as_it_leaves(hf, hf_staff):
    event = EventPageFactory(parent=hf.section_page, title="Safeguarding case conference")
    restrict(event, audience="organisation", classification="OFFICIAL-SENSITIVE")
    EventPageFactory(parent=hf.section_page, title="Open forum")
    accept_statement(hf_staff, hf)  # Sensitive material needs the commitment statement.

    titles = set(parse_events(feed_of(hf_staff)))

    assert titles == {"Safeguarding case conference", "Open forum"}
    audited = AuditEvent.objects.filter(action="download", object_type="home.EventPage")
    assert [(entry.object_id, entry.username) for entry in audited] == [
        (str(event.pk), hf_staff.username)
    ]


def test_the_feed_starts_90_days_ago(hf, hf_staff):
    EventPageFactory(
        parent=hf.section_page,
        title="Long ago",
        start_at=timezone.now() - datetime.timedelta(days=100),
    )
    EventPageFactory(
        parent=hf.section_page,
        title="Last month",
        start_at=timezone.now() - datetime.timedelta(days=30),
    )

    assert set(parse_events(feed_of(hf_staff))) == {"Last month"}


def test_a_revoked_unknown_or_inactive_users_feed_is_not_found(hf, hf_staff):
    old = regenerate_feed(hf_staff).token
    current = regenerate_feed(hf_staff).token

    assert Client().get(f"/events/feed/{old}.ics").status_code == 404
    assert Client().get("/events/feed/not-a-token.ics").status_code == 404
    assert Client().get(f"/events/feed/{current}.ics").status_code == 200
    hf_staff.is_active = False
    hf_staff.save()
    assert Client().get(f"/events/feed/{current}.ics").status_code == 404
