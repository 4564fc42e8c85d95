"""A classic menu's items that point at imported pages become the navigation order of those
pages (shown in menus, siblings in the menu's order); items linking elsewhere, or in a menu
other than the main one, are reported as skipped, saying why. A re-run changes nothing."""

import pytest

from home.models import ContentPage
from tests.importers.wxr import item, menu_item, run_import, sid, write_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path):
    return write_export(
        tmp_path,
        item(1, "Apples"),
        item(2, "Bins"),
        item(3, "Council tax"),
        item(4, "Draft", status="draft"),
        menu_item(10, 3, position=1),
        menu_item(11, 1, position=2),
        menu_item(12, 99, position=3),
        menu_item(13, 2, position=1, menu="Footer"),
    )


def test_menu_items_order_the_pages_they_point_at(organisation, export, staff_client):
    rows, _ = run_import(export)

    menu = ContentPage.objects.filter(show_in_menus=True).order_by("path")
    assert [page.title for page in menu] == ["Council tax", "Apples"]
    assert rows[sid(10)]["outcome"] == "updated"
    assert rows[sid(10)]["reason"] == "menu 'Main menu', position 1"
    topics = staff_client.get(organisation.section_page.url).context["topics"]
    assert [page.title for page in topics] == ["Council tax", "Apples", "Bins"]


def test_menu_items_that_order_no_imported_page_are_skipped_saying_why(organisation, export):
    rows, _ = run_import(export)

    assert (rows[sid(12)]["outcome"], rows[sid(12)]["reason"]) == (
        "skipped",
        "its target (WordPress id 99) is not an imported page",
    )
    assert (rows[sid(13)]["outcome"], rows[sid(13)]["reason"]) == (
        "skipped",
        "in the menu 'Footer': only the main menu ('Main menu') orders pages",
    )


def test_a_second_run_leaves_the_menu_order_unchanged(organisation, export):
    run_import(export)

    rows, _ = run_import(export)

    assert rows[sid(10)]["outcome"] == rows[sid(11)]["outcome"] == "unchanged"


def test_a_page_put_in_the_menu_stays_there_when_an_editor_edits_it(organisation, export):
    run_import(export)
    page = ContentPage.objects.get(title="Council tax")

    page.get_latest_revision_as_object().save_revision().publish()

    page.refresh_from_db()
    assert page.show_in_menus
