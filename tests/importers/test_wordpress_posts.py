"""WordPress posts become news articles in the organisation's news index (made when it has
none), dated as they were in WordPress."""

import datetime

import pytest

from home.models import NewsArticlePage, NewsIndexPage
from tests.factories import NewsIndexPageFactory
from tests.importers.wxr import item, run_import, sid, write_export

pytestmark = pytest.mark.django_db


def post(post_id, title, **kwargs):
    return item(post_id, title, post_type="post", **kwargs)


def test_posts_become_news_articles_in_the_organisations_news_index(organisation, tmp_path):
    news = NewsIndexPageFactory(parent=organisation.section_page)
    path = write_export(
        tmp_path,
        post(30, "Library reopens", content="<p>The library opens again on Monday.</p>",
             date="2018-07-01 09:15:00", modified="2018-07-02 08:00:00"),
    )  # fmt: skip

    rows, _ = run_import(path)

    article = NewsArticlePage.objects.get(title="Library reopens")
    assert rows[sid(30)]["kind"] == "news" and rows[sid(30)]["outcome"] == "created"
    assert article.get_parent().pk == news.pk
    assert article.date == datetime.date(2018, 7, 1)
    assert article.first_published_at == datetime.datetime(2018, 7, 1, 9, 15, tzinfo=datetime.UTC)
    assert article.last_published_at == datetime.datetime(2018, 7, 2, 8, 0, tzinfo=datetime.UTC)
    assert article.summary == "The library opens again on Monday."


def test_an_organisation_without_a_news_index_gets_one(organisation, tmp_path):
    run_import(write_export(tmp_path, post(31, "Hello")))

    index = NewsIndexPage.objects.child_of(organisation.section_page).get()
    assert NewsArticlePage.objects.get(title="Hello").get_parent().pk == index.pk


def test_readers_comments_are_not_imported_and_the_report_says_how_many(organisation, tmp_path):
    rows, _ = run_import(write_export(tmp_path, item(7, "Awards", post_type="post", comments=2)))

    assert rows[sid(7)]["reason"] == "2 reader comments not imported"
