"""Events: dated pages with a place, listed soonest first, trimmed to what the reader may see."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from home.models import EventIndexPage, EventPage
from tests.clients import signed_in
from tests.factories import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    OrganisationFactory,
    UserFactory,
    add_to_group,
    restrict,
)

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


def days_from_now(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


@pytest.fixture
def events(organisation):
    return EventIndexPageFactory(parent=organisation.section_page, slug="events")


# --- The event itself ---------------------------------------------------------------------


def test_an_event_cannot_end_before_it_starts(events):
    event = EventPage(
        title="Budget consultation drop-in",
        slug="budget-drop-in",
        start_at=datetime.datetime(2027, 3, 2, 12, tzinfo=LONDON),
        end_at=datetime.datetime(2027, 3, 2, 11, tzinfo=LONDON),
    )

    with pytest.raises(ValidationError) as refused:
        events.add_child(instance=event)

    assert "end_at" in refused.value.message_dict
    assert not EventPage.objects.exists()


def test_an_event_may_end_when_it_starts_or_have_no_end(events):
    moment = datetime.datetime(2027, 3, 2, 12, tzinfo=LONDON)

    events.add_child(instance=EventPage(title="A", slug="a", start_at=moment, end_at=moment))
    events.add_child(instance=EventPage(title="B", slug="b", start_at=moment, end_at=None))

    assert EventPage.objects.count() == 2


def test_an_editor_is_told_when_the_end_is_before_the_start(organisation, events):
    editor = UserFactory(username="editor", organisations=[organisation])
    add_to_group(editor, organisation, "editors")

    response = signed_in(editor).post(
        f"/admin/pages/add/home/eventpage/{events.pk}/",
        {
            "title": "Practice forum",
            "slug": "practice-forum",
            "start_at": "2027-03-02 14:00",
            "end_at": "2027-03-02 13:00",
            "location": "",
            "summary": "",
            "body-count": "0",
            "audience": "",
            "classification": "",
            "handling_caveat": "",
        },
    )

    assert response.status_code == 200
    assert "The end must be the same as or after the start." in response.content.decode()
    assert not Page.objects.child_of(events).exists()


def test_an_event_page_shows_when_and_where(staff_client: Client, events):
    event = EventPageFactory(
        parent=events,
        title="Social care practice forum",
        start_at=datetime.datetime(2027, 3, 2, 10, tzinfo=LONDON),
        end_at=datetime.datetime(2027, 3, 2, 12, 30, tzinfo=LONDON),
        location="Committee Room 1, Westminster City Hall",
        body=[("paragraph", "<p>Bring a case to discuss.</p>")],
    )

    content = staff_client.get(event.url).content.decode()

    assert '<dt class="govuk-summary-list__key">When</dt>' in content
    assert (
        '<time datetime="2027-03-02T10:00:00+00:00">Tuesday 2 March 2027, 10am</time> to '
        '<time datetime="2027-03-02T12:30:00+00:00">12:30pm</time>'
    ) in content
    assert '<dt class="govuk-summary-list__key">Where</dt>' in content
    assert "Committee Room 1, Westminster City Hall" in content
    assert "Bring a case to discuss." in content
    assert "Event at Westminster" in content
    assert content.count("<h1") == 1


def test_an_event_over_several_days_names_both_days(staff_client: Client, events):
    event = EventPageFactory(
        parent=events,
        title="Leadership conference",
        start_at=datetime.datetime(2027, 3, 2, 9, tzinfo=LONDON),
        end_at=datetime.datetime(2027, 3, 3, 12, tzinfo=LONDON),
        location="",
    )

    content = staff_client.get(event.url).content.decode()

    assert "Tuesday 2 March 2027, 9am</time> to" in content
    assert "Wednesday 3 March 2027, midday</time>" in content
    assert '<dt class="govuk-summary-list__key">Where</dt>' not in content


def test_times_are_shown_in_london_time(events):
    event = EventPageFactory(
        parent=events,
        title="Summer social",
        start_at=datetime.datetime(2027, 7, 1, 17, 30, tzinfo=datetime.UTC),
        end_at=None,
    )

    assert event.starts_text == "Thursday 1 July 2027, 6:30pm"
    assert event.ends_text == ""


def test_a_sensitive_event_carries_the_classification_banner(organisation, events):
    event = restrict(
        EventPageFactory(parent=events, title="Restructure briefing"),
        audience="organisation",
        classification="OFFICIAL-SENSITIVE",
    )
    from intranet.access.models import CommitmentStatement
    from intranet.access.statements import accept

    member = UserFactory(username="member", organisations=[organisation])
    accept(member, CommitmentStatement.objects.create(organisation=organisation, text="I will."))

    content = signed_in(member).get(event.url).content.decode()

    assert 'aria-label="Security classification"' in content


# --- Where events may go --------------------------------------------------------------------


def test_events_go_in_an_events_index_a_section_or_a_content_page(organisation, events):
    topic = ContentPageFactory(parent=organisation.section_page, title="Adult social care")

    assert EventPage.can_create_at(events)
    assert EventPage.can_create_at(organisation.section_page.specific)
    assert EventPage.can_create_at(topic)
    assert EventIndexPage.can_create_at(organisation.section_page.specific)
    assert not EventPage.can_create_at(EventPageFactory(parent=events, title="An event"))


# --- The index ------------------------------------------------------------------------------


def test_the_index_lists_upcoming_events_soonest_first(staff_client: Client, events):
    EventPageFactory(parent=events, title="Later event", start_at=days_from_now(20))
    EventPageFactory(parent=events, title="Sooner event", start_at=days_from_now(2))
    EventPageFactory(parent=events, title="Finished event", start_at=days_from_now(-3))
    EventPageFactory(parent=events, title="Draft event", live=False)

    content = staff_client.get("/wcc/events/").content.decode()

    assert content.index("Sooner event") < content.index("Later event")
    assert "Finished event" not in content
    assert "Draft event" not in content
    assert '<a class="govuk-link" href="/wcc/events/?past=1">Show past events</a>' in content


def test_an_event_happening_now_is_still_upcoming(staff_client: Client, events):
    EventPageFactory(
        parent=events,
        title="All-day training",
        start_at=days_from_now(-0.1),
        end_at=days_from_now(0.1),
    )

    assert "All-day training" in staff_client.get("/wcc/events/").content.decode()


def test_an_event_without_an_end_is_upcoming_until_its_day_is_over(events):
    today_9am = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    event = EventPageFactory(parent=events, title="Drop-in", start_at=today_9am, end_at=None)
    evening = today_9am.replace(hour=22)
    tomorrow = today_9am + datetime.timedelta(days=1)

    assert list(EventPage.objects.upcoming(now=evening)) == [event]
    assert list(EventPage.objects.past(now=tomorrow)) == [event]


def test_the_index_leaves_out_another_councils_staff_only_events(organisation, events):
    EventPageFactory(parent=events, title="Open to partners")
    restrict(
        EventPageFactory(parent=events, title="Westminster staff only"), audience="organisation"
    )
    hf = OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council", short_name="H&F")
    partner = signed_in(UserFactory(username="hf.staff", organisations=[hf]))
    member = signed_in(UserFactory(username="wcc.member", organisations=[organisation]))

    theirs = partner.get("/wcc/events/").content.decode()
    ours = member.get("/wcc/events/").content.decode()

    assert "Open to partners" in theirs and "Westminster staff only" not in theirs
    assert "Open to partners" in ours and "Westminster staff only" in ours


def test_past_events_are_listed_most_recent_first_on_request(staff_client: Client, events):
    EventPageFactory(parent=events, title="Long ago", start_at=days_from_now(-30))
    EventPageFactory(parent=events, title="Last week", start_at=days_from_now(-7))
    EventPageFactory(parent=events, title="Next week", start_at=days_from_now(7))

    content = staff_client.get("/wcc/events/?past=1").content.decode()

    assert "Past events" in content
    assert content.index("Last week") < content.index("Long ago")
    assert "Next week" not in content
    assert '<a class="govuk-link" href="/wcc/events/">Show upcoming events</a>' in content


def test_an_empty_index_says_there_is_nothing_on(staff_client: Client, events):
    assert "There are no upcoming events." in staff_client.get("/wcc/events/").content.decode()


def test_the_section_home_shows_its_next_events(staff_client: Client, organisation, events):
    EventPageFactory(parent=events, title="Budget consultation drop-in")
    EventPageFactory(parent=events, title="Old event", start_at=days_from_now(-10))

    content = staff_client.get("/wcc/").content.decode()

    assert "Budget consultation drop-in" in content
    assert "Old event" not in content
    assert '<a class="govuk-link" href="/wcc/events/">All Westminster events</a>' in content


def test_the_index_shows_twenty_events_a_page_and_paging_keeps_the_past_filter(
    staff_client: Client, events
):
    for number in range(21):
        EventPageFactory(
            parent=events, title=f"Past event {number}", start_at=days_from_now(-number - 1)
        )

    first = staff_client.get("/wcc/events/?past=1").content.decode()
    second = staff_client.get("/wcc/events/?past=1&page=2").content.decode()

    assert first.count('<h3 class="govuk-heading-m') == 20
    assert 'href="?past=1&amp;page=2" rel="next"' in first
    assert "Past event 20" in second and "Past event 0<" not in second
