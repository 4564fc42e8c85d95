"""/events/: every partner's events as a list and by month, repeats expanded, by organisation."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tests.calendars.conftest import LONDON
from tests.clients import signed_in
from tests.factories import EventIndexPageFactory, EventPageFactory, member_of, restrict

pytestmark = pytest.mark.django_db


def next_week_at(hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=7)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


def test_the_list_shows_each_occurrence_of_a_weekly_event_soonest_first(hf, hf_staff):
    start = next_week_at(10)
    EventPageFactory(
        parent=hf.section_page,
        title="Weekly drop-in",
        start_at=start,
        recurrence="weekly",
        recurrence_count=3,
    )
    EventPageFactory(
        parent=hf.section_page, title="One-off forum", start_at=start + datetime.timedelta(days=8)
    )

    content = signed_in(hf_staff).get("/events/").content.decode()

    assert content.count("Weekly drop-in</a>") == 3
    first, second, forum, third = (
        content.index(f"{start + datetime.timedelta(days=d):%Y-%m-%d}") for d in (0, 7, 8, 14)
    )
    assert first < second < forum < third


def test_the_list_can_show_one_organisations_events_only(councils):
    hf, rbkc = councils
    EventPageFactory(parent=hf.section_page, title="H&F forum")
    EventPageFactory(parent=rbkc.section_page, title="RBKC forum")
    hf_staff = member_of(hf, "hf.reader")
    client = signed_in(hf_staff)

    everyone = client.get("/events/").content.decode()
    only_hf = client.get("/events/?org=hf").content.decode()

    assert "H&amp;F forum" in everyone and "RBKC forum" in everyone
    assert "H&amp;F forum" in only_hf and "RBKC forum" not in only_hf


def test_the_month_view_lists_occurrences_by_day_with_links_to_the_months_either_side(hf, hf_staff):
    EventPageFactory(
        parent=hf.section_page,
        title="Weekly drop-in",
        start_at=datetime.datetime(2026, 11, 24, 10, tzinfo=LONDON),
        end_at=datetime.datetime(2026, 11, 24, 11, tzinfo=LONDON),
        recurrence="weekly",
        recurrence_exceptions="2026-12-22",
    )

    response = signed_in(hf_staff).get("/events/month/2026/12/?org=hf")
    content = response.content.decode()

    assert response.status_code == 200
    assert '<table class="govuk-table">' in content
    days = [f'datetime="2026-12-{d:02}"' for d in (1, 8, 15, 29)]
    assert all(day in content for day in days)
    assert 'datetime="2026-12-22"' not in content
    assert 'href="/events/month/2026/11/?org=hf"' in content
    assert 'href="/events/month/2027/1/?org=hf"' in content


def test_the_calendar_shows_only_events_the_reader_may_see(councils):
    hf, rbkc = councils
    staff_only = EventPageFactory(parent=hf.section_page, title="H&F staff briefing")
    restrict(staff_only, audience="organisation")
    reader = member_of(rbkc, "rbkc.reader")

    content = signed_in(reader).get("/events/").content.decode()

    assert "H&amp;F staff briefing" not in content


def test_the_calendar_needs_sign_in_but_its_feeds_do_not():
    assert Client().get("/events/").status_code == 302
    assert Client().get("/events/month/2026/12/").status_code == 302
    assert Client().get("/events/feed/unknown.ics").status_code == 404


def test_an_organisations_events_page_lists_repeats_and_offers_add_to_calendar(hf, hf_staff):
    index = EventIndexPageFactory(parent=hf.section_page, slug="events")
    event = EventPageFactory(
        parent=index,
        title="Weekly drop-in",
        start_at=next_week_at(10),
        recurrence="weekly",
        recurrence_count=2,
    )

    content = signed_in(hf_staff).get("/hf/events/").content.decode()

    assert content.count("Weekly drop-in</a>") == 2
    assert f'href="/events/{event.pk}.ics"' in content


def test_a_cancelled_event_is_shown_as_cancelled(hf, hf_staff):
    event = EventPageFactory(parent=hf.section_page, title="Forum", cancelled=True)

    listed = signed_in(hf_staff).get("/events/").content.decode()
    page = signed_in(hf_staff).get(event.url).content.decode()

    assert "Cancelled" in listed
    assert "Cancelled: this event will not take place." in page
