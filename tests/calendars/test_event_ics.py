"""“Add to calendar”: one event as an .ics file with its repeats, only for those who may see it."""

import datetime

import pytest
from icalendar import Calendar

from tests.calendars.conftest import LONDON, london, parse_events
from tests.clients import signed_in
from tests.factories import EventPageFactory, PersonFactory, member_of, restrict

pytestmark = pytest.mark.django_db


def test_an_events_file_carries_its_repeat_skipped_dates_organiser_and_online_link(hf, hf_staff):
    organiser = PersonFactory(organisation=hf, first_name="Ada", last_name="Lovelace")
    event = EventPageFactory(
        parent=hf.section_page,
        title="Weekly drop-in",
        start_at=london(2026, 12, 1, 10),
        end_at=london(2026, 12, 1, 11),
        recurrence="weekly",
        recurrence_until=datetime.date(2027, 2, 23),
        recurrence_exceptions="2026-12-22\n2026-12-29",
        location="Room 1",
        online_link="https://teams.example.com/meet/123",
        organiser=organiser,
    )

    response = signed_in(hf_staff).get(f"/events/{event.pk}.ics")
    vevent = parse_events(response)["Weekly drop-in"]

    assert "attachment" in response["Content-Disposition"]
    assert vevent["UID"] == f"event-{event.pk}@127.0.0.1"
    assert vevent.decoded("DTSTART") == london(2026, 12, 1, 10)
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["UNTIL"][0] == datetime.datetime(2027, 2, 23, 23, 59, 59, tzinfo=datetime.UTC)
    skipped = [d.dt.astimezone(LONDON) for d in vevent["EXDATE"].dts]
    assert skipped == [london(2026, 12, 22, 10), london(2026, 12, 29, 10)]
    assert vevent["ORGANIZER"] == f"mailto:{organiser.email}"
    assert vevent["ORGANIZER"].params["CN"] == "Ada Lovelace"
    assert "https://teams.example.com/meet/123" in vevent["DESCRIPTION"]
    assert vevent["LOCATION"] == "Room 1"
    assert vevent["URL"] == f"http://testserver{event.url}"


def test_an_all_day_event_is_a_date_in_its_file(hf, hf_staff):
    event = EventPageFactory(
        parent=hf.section_page,
        title="Away day",
        start_at=london(2026, 12, 10, 9),
        end_at=london(2026, 12, 11, 17),
        all_day=True,
    )

    response = signed_in(hf_staff).get(f"/events/{event.pk}.ics")
    vevent = parse_events(response)["Away day"]

    assert vevent.decoded("DTSTART") == datetime.date(2026, 12, 10)
    assert vevent.decoded("DTEND") == datetime.date(2026, 12, 12)
    assert b"DTSTART;VALUE=DATE:20261210" in response.content
    assert not Calendar.from_ical(response.content).walk("VTIMEZONE")


def test_an_event_the_reader_may_not_see_has_no_file(councils):
    hf, rbkc = councils
    event = restrict(EventPageFactory(parent=hf.section_page), audience="organisation")

    response = signed_in(member_of(rbkc, "rbkc.reader")).get(f"/events/{event.pk}.ics")

    assert response.status_code == 404
