"""Editors are told when an event's dates or repeats make no sense."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from home.models import EventPage
from tests.calendars.conftest import london

pytestmark = pytest.mark.django_db  # a page, even unsaved, reads its default locale


def errors_of(**fields) -> dict:
    page = EventPage(title="Forum", slug="forum", start_at=london(2026, 12, 10, 10), **fields)
    with pytest.raises(ValidationError) as raised:
        page.clean()
    return raised.value.message_dict


def test_an_event_cannot_end_before_it_starts():
    assert "end_at" in errors_of(end_at=london(2026, 12, 10, 9))


def test_a_repeat_cannot_end_before_the_event_starts():
    errors = errors_of(recurrence="weekly", recurrence_until=datetime.date(2026, 12, 1))
    assert "recurrence_until" in errors


def test_skipped_dates_must_be_dates():
    errors = errors_of(recurrence="weekly", recurrence_exceptions="2026-12-17\nnext tuesday")
    assert "recurrence_exceptions" in errors


def test_skipped_dates_are_tidied_one_a_line():
    page = EventPage(
        title="Forum",
        slug="forum",
        start_at=london(2026, 12, 10, 10),
        recurrence="weekly",
        recurrence_exceptions="2026-12-31, 2026-12-24",
    )
    page.clean()
    assert page.recurrence_exceptions == "2026-12-24\n2026-12-31"
