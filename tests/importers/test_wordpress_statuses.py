"""Each WordPress status is handled explicitly: published → live, draft and pending →
draft, private → live for the organisation only, and the rest skipped with the reason."""

import pytest

from home.models import ContentPage
from intranet.access.models import PageAccess
from tests.importers.wxr import item, run_import, sid, write_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(organisation, tmp_path):
    rows, _ = run_import(
        write_export(
            tmp_path,
            item(1, "Published"),
            item(2, "Draft", status="draft"),
            item(3, "Pending", status="pending"),
            item(4, "Private", status="private"),
            item(5, "Binned", status="trash"),
            item(6, "Auto", status="auto-draft"),
            item(7, "Old version", post_type="revision", status="inherit", parent=1),
            item(8, "Menu link", post_type="nav_menu_item"),
            item(9, "Product", post_type="product"),
        )
    )
    return rows


def test_published_pages_are_live_and_drafts_are_drafts(rows):
    assert ContentPage.objects.get(title="Published").live
    assert not ContentPage.objects.get(title="Draft").live
    assert not ContentPage.objects.get(title="Pending").live
    assert rows[sid(2)]["outcome"] == rows[sid(3)]["outcome"] == "created"


def test_a_private_page_is_live_for_the_organisation_only(rows, organisation):
    private = ContentPage.objects.get(title="Private")
    assert private.live
    assert private.audience == "organisation"
    assert PageAccess.objects.get(page=private).audience == "organisation"
    assert rows[sid(4)]["reason"] == "private in WordPress: only wcc can see it"


def test_what_is_not_content_is_skipped_each_with_its_reason(rows):
    skipped = {
        key: (row["kind"], row["reason"])
        for key, row in rows.items()
        if row["outcome"] == "skipped"
    }
    assert skipped == {
        sid(5): ("page", "in WordPress's trash"),
        sid(6): ("page", "an auto-draft WordPress made, never written by anyone"),
        sid(7): ("revision", "a revision of another item: only the current version is imported"),
        sid(8): ("menu item", "its target (WordPress id ?) is not an imported page"),
        sid(9): ("product", "WordPress post type 'product' is not imported"),
    }
    assert len(rows) == 9
