"""Repeating events expand on London's wall clock: exceptions skipped, clock changes kept."""

import datetime

import pytest

from home.models import EventPage
from intranet.calendars.recurrence import occurrences
from tests.calendars.conftest import LONDON, london

pytestmark = pytest.mark.django_db  # a page, even unsaved, reads its default locale


def event(**fields) -> EventPage:
    return EventPage(title="Drop-in", **fields)


def local_starts(found) -> list[tuple]:
    return [o.start_at.astimezone(LONDON).timetuple()[:5] for o in found]


def test_a_weekly_event_happens_every_week_except_on_its_skipped_dates():
    drop_in = event(
        start_at=london(2026, 11, 3, 10),
        end_at=london(2026, 11, 3, 11),
        recurrence="weekly",
        recurrence_until=datetime.date(2026, 12, 1),
        recurrence_exceptions="2026-11-17",
    )

    found = occurrences(drop_in, london(2026, 1, 1), london(2027, 1, 1))

    assert [o.day for o in found] == [
        datetime.date(2026, 11, 3),
        datetime.date(2026, 11, 10),
        datetime.date(2026, 11, 24),
        datetime.date(2026, 12, 1),
    ]
    assert all(o.end_at - o.start_at == datetime.timedelta(hours=1) for o in found)


def test_a_monthly_event_happens_on_the_same_day_of_each_month_a_number_of_times():
    forum = event(
        start_at=london(2026, 1, 15, 14),
        end_at=london(2026, 1, 15, 16),
        recurrence="monthly",
        recurrence_count=3,
    )

    found = occurrences(forum, london(2026, 1, 1), london(2027, 1, 1))

    assert local_starts(found) == [(2026, 1, 15, 14, 0), (2026, 2, 15, 14, 0), (2026, 3, 15, 14, 0)]


def test_a_weekly_10am_event_stays_at_10am_london_time_across_both_clock_changes():
    drop_in = event(
        start_at=london(2026, 3, 24, 10),
        end_at=london(2026, 3, 24, 11),
        recurrence="weekly",
    )

    spring = occurrences(drop_in, london(2026, 3, 20), london(2026, 4, 5))
    autumn = occurrences(drop_in, london(2026, 10, 18), london(2026, 11, 2))

    assert local_starts(spring) == [(2026, 3, 24, 10, 0), (2026, 3, 31, 10, 0)]
    assert [o.start_at.utcoffset() for o in spring] == [
        datetime.timedelta(0),  # GMT before 29 March 2026
        datetime.timedelta(hours=1),  # BST after
    ]
    assert local_starts(autumn) == [(2026, 10, 20, 10, 0), (2026, 10, 27, 10, 0)]
    assert [o.start_at.astimezone(datetime.UTC).hour for o in autumn] == [9, 10]
    assert all(o.end_at.astimezone(LONDON).hour == 11 for o in spring + autumn)


def test_an_event_that_repeats_for_ever_is_expanded_only_within_the_window():
    drop_in = event(start_at=london(2026, 1, 6, 10), end_at=None, recurrence="weekly")

    found = occurrences(drop_in, london(2026, 6, 1), london(2026, 7, 1))

    assert [o.day.day for o in found] == [2, 9, 16, 23, 30]


def test_an_all_day_event_is_shown_by_date_only_and_lasts_until_its_last_day_is_over():
    away_day = event(
        start_at=london(2026, 12, 10, 9),
        end_at=london(2026, 12, 11, 17),
        all_day=True,
    )

    during = occurrences(away_day, london(2026, 12, 11, 23), london(2027, 1, 1))
    after = occurrences(away_day, london(2026, 12, 12), london(2027, 1, 1))

    assert away_day.starts_text == "Thursday 10 December 2026"
    assert away_day.ends_text == "Friday 11 December 2026"
    assert [o.start_at.astimezone(LONDON).hour for o in during] == [0]
    assert after == []
