"""The feed and the per-event files are valid RFC 5545, as a real validator (ical4j) judges.

Runs with COMMONS_ICAL4J set (CI's PostgreSQL pass sets it; scripts/ical4j fetches ical4j
from Maven Central and needs Java 17); skipped otherwise. One JVM checks every file.
"""

import datetime
import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from intranet.calendars.services import regenerate_feed
from tests.calendars.conftest import london
from tests.clients import signed_in
from tests.factories import EventPageFactory, PersonFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("COMMONS_ICAL4J"), reason="set COMMONS_ICAL4J=1 to validate with ical4j"
    ),
]

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "ical4j"


def test_feeds_and_event_files_pass_ical4j_validation(hf, hf_staff, tmp_path):
    organiser = PersonFactory(organisation=hf, first_name="Ada", last_name="Lovelace")
    weekly = EventPageFactory(
        parent=hf.section_page,
        title="Weekly drop-in",
        start_at=london(2026, 3, 3, 10),
        end_at=london(2026, 3, 3, 11),
        recurrence="weekly",
        recurrence_until=datetime.date(2027, 3, 30),
        recurrence_exceptions="2026-12-22\n2026-12-29",
        online_link="https://teams.example.com/meet/1",
        organiser=organiser,
    )
    all_day = EventPageFactory(
        parent=hf.section_page,
        title="Away day",
        start_at=london(2026, 12, 10),
        end_at=london(2026, 12, 11),
        all_day=True,
        recurrence="monthly",
        recurrence_until=datetime.date(2027, 6, 30),
        recurrence_exceptions="2027-01-10",
    )
    EventPageFactory(
        parent=hf.section_page,
        title="Monthly forum",
        start_at=london(2026, 10, 20, 14),
        end_at=london(2026, 10, 20, 16),
        recurrence="monthly",
        recurrence_count=6,
        location="Committee Room 1, Town Hall",
    )
    cancelled = EventPageFactory(parent=hf.section_page, title="Cancelled briefing")
    cancelled.cancelled = True
    cancelled.save_revision().publish()
    EventPageFactory(parent=hf.section_page, title="No end", end_at=None)
    client = signed_in(hf_staff)
    files = {
        "feed.ics": Client().get(f"/events/feed/{regenerate_feed(hf_staff).token}.ics"),
        "feed-hf.ics": Client().get(f"/events/feed/{regenerate_feed(hf_staff).token}.ics?org=hf"),
        "weekly.ics": client.get(f"/events/{weekly.pk}.ics"),
        "all-day.ics": client.get(f"/events/{all_day.pk}.ics"),
    }
    paths = []
    for name, response in files.items():
        assert response.status_code == 200, name
        (tmp_path / name).write_bytes(response.content)
        paths.append(str(tmp_path / name))

    result = subprocess.run(
        [str(SCRIPT), "validate", *paths], capture_output=True, text=True, timeout=600
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("OK ") == len(paths)
