import datetime
import zoneinfo

import pytest

LONDON = zoneinfo.ZoneInfo("Europe/London")


def london(year, month, day, hour=0, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def hf_staff(hf):
    from tests.factories import member_of

    return member_of(hf, "hf.staff")


def parse_events(response) -> dict:
    """The VEVENTs of an iCalendar response, by SUMMARY, after checking its content type."""
    from icalendar import Calendar

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
