"""The shared calendar's pages meet WCAG 2.2 AA in a real browser (axe-core in Chromium)."""

import datetime

import pytest
from django.utils import timezone

from tests.browser.axe import assert_accessible
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def calendar():
    organisation = OrganisationFactory(
        slug="hf", name="Hammersmith & Fulham Council", short_name="H&F"
    )
    index = EventIndexPageFactory(parent=organisation.section_page, slug="events")
    start = timezone.localtime() + datetime.timedelta(days=3)
    start = start.replace(hour=10, minute=0, second=0, microsecond=0)
    EventPageFactory(
        parent=index,
        title="Weekly drop-in",
        start_at=start,
        recurrence="weekly",
        recurrence_count=4,
        location="Town Hall",
    )
    EventPageFactory(parent=index, title="Away day", start_at=start, all_day=True, end_at=start)
    event = EventPageFactory(
        parent=index,
        title="Budget briefing",
        start_at=start + datetime.timedelta(days=1),
        online_link="https://teams.example.com/meet/1",
        cancelled=True,
    )
    user = UserFactory(username="hf.staff", organisations=[organisation])
    return user, event, start


def test_the_calendar_list_month_and_an_event_page_are_accessible(signed_in_page, calendar):
    user, event, start = calendar
    page = signed_in_page(user)

    page.goto("/events/")
    assert page.get_by_role("heading", name="Upcoming events").count() == 1
    assert_accessible(page)

    page.goto(f"/events/month/{start.year}/{start.month}/")
    assert page.locator("table.govuk-table").count() == 1
    assert_accessible(page)
    page.get_by_role("link", name="Next month").click()
    assert_accessible(page)

    page.goto(event.url)
    assert page.get_by_text("Cancelled: this event will not take place.").count() == 1
    assert_accessible(page)

    page.goto("/events/subscribe/")
    page.get_by_role("button", name="Get a calendar feed address").click()
    assert page.get_by_label("Feed address").count() == 1
    assert_accessible(page)
