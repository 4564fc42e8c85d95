"""Links survive the move: every old URL of an imported page (its permalink, ?p= and
?page_id=) redirects to its new home, and links between imported pages become Wagtail page
links (so they survive later moves); links to nothing imported are listed in the report."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from home.models import ContentPage, NewsArticlePage
from tests.clients import signed_in
from tests.factories import UserFactory
from tests.importers.wxr import SITE, item, run_import, sid, write_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path):
    return write_export(
        tmp_path,
        # "Contact" links forward to a post written after it, and to something never exported.
        item(
            1,
            "Contact",
            content=f'<p>See <a href="{SITE}/2019/03/hello/">the news</a>, '
            f'<a href="/?page_id=2">about us</a> and <a href="{SITE}/gone/">this</a>.</p>',
        ),
        item(2, "About us", link=f"{SITE}/about-us/"),
        item(3, "Hello", post_type="post", link=f"{SITE}/2019/03/hello/",
             content=f'<p>Back to <a href="{SITE}/?p=1">contact</a> and <a href="https://gov.uk/">GOV.UK</a>.</p>'),
    )  # fmt: skip


def test_old_urls_redirect_to_the_new_pages(organisation, export):
    run_import(export)
    about = ContentPage.objects.get(title="About us")
    client = signed_in(UserFactory(organisations=[organisation]))

    for old in ("/about-us/", "/?page_id=2", "/?p=2"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == about.get_url()
    hello = NewsArticlePage.objects.get(title="Hello")
    assert client.get("/2019/03/hello/")["Location"] == hello.get_url()
    assert Redirect.objects.filter(redirect_page=about).count() == 3


def test_links_between_imported_pages_become_page_links_both_ways(organisation, export):
    rows, _ = run_import(export)

    contact = ContentPage.objects.get(title="Contact")
    about = ContentPage.objects.get(title="About us")
    hello = NewsArticlePage.objects.get(title="Hello")
    assert contact.body[0].value.source == (
        f'<p>See <a linktype="page" id="{hello.pk}">the news</a>, '
        f'<a linktype="page" id="{about.pk}">about us</a> and <a href="{SITE}/gone/">this</a>.</p>'
    )
    assert hello.body[0].value.source == (
        f'<p>Back to <a linktype="page" id="{contact.pk}">contact</a> and '
        '<a href="https://gov.uk/">GOV.UK</a>.</p>'
    )
    assert rows[sid(1)]["reason"] == f"links to nothing imported: {SITE}/gone/"
    assert rows[sid(3)]["reason"] == ""


def test_the_rewritten_links_are_unchanged_on_a_second_run(organisation, export):
    run_import(export)

    rows, _ = run_import(export)

    assert {row["outcome"] for row in rows.values()} == {"unchanged"}
