"""The demo's calendar: a repeating, an all-day, an online and a cancelled event; idempotent."""

import pytest

from home.models import EventPage
from intranet.demo.calendar import seed_calendar
from tests.factories import EventIndexPageFactory, PersonFactory

pytestmark = pytest.mark.django_db

SPEC = {"name": "Hammersmith & Fulham Council", "building": "Hammersmith Town Hall"}


def test_the_demo_calendar_has_each_kind_of_event_and_a_second_run_adds_nothing(hf):
    index = EventIndexPageFactory(parent=hf.section_page, slug="events")
    organiser = PersonFactory(organisation=hf)

    first, second = seed_calendar(hf, SPEC), seed_calendar(hf, SPEC)

    events = EventPage.objects.child_of(index)
    assert (first, second) == (5, 0)
    assert events.filter(recurrence="weekly").exclude(recurrence_exceptions="").exists()
    assert events.filter(all_day=True).exists()
    assert events.filter(cancelled=True).exists()
    assert events.exclude(online_link="").get().organiser == organiser
