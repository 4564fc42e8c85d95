"""Imported pages and posts are in search straight away, trimmed like everything else: a
private WordPress page is found by the organisation's staff only."""

import pytest

from tests.factories import UserFactory
from tests.importers.wxr import item, run_import, write_export
from tests.search.helpers import found

pytestmark = pytest.mark.django_db


def test_imported_pages_and_posts_are_found_in_search(organisation, hf, tmp_path):
    run_import(
        write_export(
            tmp_path,
            item(1, "Parking permits", content="<p>How to renew a zebrafinch permit.</p>"),
            item(2, "Bin collections", post_type="post", content="<p>zebrafinch rounds</p>"),
            item(3, "Staff only", status="private", content="<p>zebrafinch secrets</p>"),
        )
    )
    staff = UserFactory(username="wcc.reader", organisations=[organisation])
    outsider = UserFactory(username="hf.reader", organisations=[hf])

    titles = {title for _, title in found(staff, "zebrafinch")}
    assert titles == {"Parking permits", "Bin collections", "Staff only"}
    assert {title for _, title in found(outsider, "zebrafinch")} == {
        "Parking permits",
        "Bin collections",
    }
