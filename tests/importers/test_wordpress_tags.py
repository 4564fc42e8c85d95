"""A post's categories and tags become the page's tags (WordPress's post formats, which
are not topics, do not); a re-run with the same terms changes nothing."""

import pytest

from home.models import ContentPage, NewsArticlePage
from tests.importers.wxr import item, run_import, sid, write_export

pytestmark = pytest.mark.django_db

TERMS = (
    '<category domain="category" nicename="hr"><![CDATA[HR]]></category>'
    '<category domain="post_tag" nicename="leave"><![CDATA[annual leave]]></category>'
    '<category domain="post_format" nicename="post-format-aside"><![CDATA[Aside]]></category>'
)


def test_categories_and_tags_become_tags(organisation, tmp_path):
    path = write_export(
        tmp_path,
        item(1, "Leave", post_type="post", terms=TERMS),
        item(2, "Policies", terms=TERMS),
    )

    run_import(path)

    assert set(NewsArticlePage.objects.get(title="Leave").tags.names()) == {"HR", "annual leave"}
    assert set(ContentPage.objects.get(title="Policies").tags.names()) == {"HR", "annual leave"}
    rows, _ = run_import(path)
    assert rows[sid(1)]["outcome"] == rows[sid(2)]["outcome"] == "unchanged"


def test_a_changed_tag_updates_the_page(organisation, tmp_path):
    run_import(write_export(tmp_path, item(1, "Leave", post_type="post", terms=TERMS)))

    rows, _ = run_import(
        write_export(
            tmp_path,
            item(1, "Leave", post_type="post", terms='<category domain="post_tag">pay</category>'),
        )
    )

    assert rows[sid(1)]["outcome"] == "updated"
    assert set(NewsArticlePage.objects.get(title="Leave").tags.names()) == {"pay"}
