"""Running the same export again updates in place by WordPress id and never duplicates; a
changed item is updated, and a page someone has since edited in Commons is left alone."""

import pytest

from home.models import ContentPage
from tests.importers.wxr import item, run_import, sid, write_export

pytestmark = pytest.mark.django_db


def test_an_unchanged_export_reports_everything_unchanged(organisation, tmp_path):
    path = write_export(
        tmp_path, item(1, "About", content="<p>Hi</p>"), item(2, "Draft", status="draft")
    )
    run_import(path)

    rows, output = run_import(path)

    assert {row["outcome"] for row in rows.values()} == {"unchanged"}
    assert "0 created, 0 updated, 2 unchanged, 0 skipped, 0 failed" in output
    assert ContentPage.objects.filter(title="About").count() == 1


def test_a_changed_item_is_updated_in_place(organisation, tmp_path):
    run_import(write_export(tmp_path, item(1, "About", content="<p>Old</p>")))
    page = ContentPage.objects.get(title="About")

    rows, _ = run_import(write_export(tmp_path, item(1, "About us", content="<p>New</p>")))

    assert rows[sid(1)]["outcome"] == "updated"
    page.refresh_from_db()
    assert page.title == "About us"
    assert page.body[0].value.source == "<p>New</p>"
    assert ContentPage.objects.count() == 1


def test_a_page_edited_in_commons_since_is_not_overwritten(organisation, tmp_path, staff_user):
    path = write_export(tmp_path, item(1, "About", content="<p>Old</p>"))
    run_import(path)
    page = ContentPage.objects.get(title="About")
    page.title = "About (edited)"
    page.save_revision(user=staff_user).publish()

    rows, _ = run_import(write_export(tmp_path, item(1, "About", content="<p>New</p>")))

    assert rows[sid(1)]["outcome"] == "skipped"
    assert rows[sid(1)]["reason"] == "edited in Commons since it was imported: left as it is"
    page.refresh_from_db()
    assert page.title == "About (edited)"
