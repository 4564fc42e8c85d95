"""WordPress's own theme unit test data (edge cases of every kind) imports without a crash,
every item in it reported once; importing it again creates nothing and changes nothing."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from home.models import ContentPage, NewsArticlePage
from intranet.imports.models import ImportRun
from tests.importers.wxr import run_import

pytestmark = pytest.mark.django_db

THEME_UNIT_TEST_DATA = (
    Path(settings.BASE_DIR).parent
    / "shared"
    / "fixtures"
    / "wordpress"
    / "themeunittestdata.wordpress.xml"
)


@pytest.mark.skipif(
    not THEME_UNIT_TEST_DATA.is_file(), reason="../shared/fixtures is not present here"
)
def test_the_theme_unit_test_data_imports_reports_every_item_and_reimports_unchanged(
    organisation,
):
    items_in_file = len(re.findall(r"<item>", THEME_UNIT_TEST_DATA.read_text(encoding="utf-8")))

    rows, _ = run_import(THEME_UNIT_TEST_DATA)

    assert len(rows) == items_in_file
    outcomes = [row["outcome"] for row in rows.values()]
    assert "failed" not in {
        row["outcome"] for row in rows.values() if row["kind"] in {"page", "news"}
    }
    created = outcomes.count("created")
    assert created == ContentPage.objects.count() + NewsArticlePage.objects.count()
    assert created > 50
    assert {row["kind"] for row in rows.values() if row["outcome"] == "skipped"} >= {
        "nav_menu_item"
    }
    # Attachments without --media-dir: missing, each with its URL.
    missing = [row for row in rows.values() if row["kind"] in {"image", "document"}]
    assert missing and all(row["reason"].startswith("missing: https://") for row in missing)

    again, _ = run_import(THEME_UNIT_TEST_DATA)

    assert set(again) == set(rows)
    assert not [row for row in again.values() if row["outcome"] in {"created", "updated"}]
    assert {row["outcome"] for row in again.values() if row["kind"] in {"page", "news"}} == {
        "unchanged"
    }
    assert ImportRun.objects.get(pk=ImportRun.objects.latest("pk").pk).counts["created"] == 0
