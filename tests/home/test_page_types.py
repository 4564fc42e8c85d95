"""Each page type renders inside its organisation's frame: name, accent, breadcrumbs, one h1."""

import pytest
from django.test import Client

from tests.factories import ContentPageFactory, NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def test_a_section_home_carries_its_organisation_name_and_accent(
    staff_client: Client, organisation
):
    ContentPageFactory(parent=organisation.section_page, title="HR and pay")

    content = staff_client.get("/wcc/").content.decode()

    assert 'class="commons-org-banner commons-org--wcc"' in content
    assert "Westminster City Council" in content
    assert "HR and pay" in content
    assert content.count("<h1") == 1


def test_a_content_page_has_breadcrumbs_back_through_its_section(
    staff_client: Client, organisation
):
    topic = ContentPageFactory(parent=organisation.section_page, title="HR and pay")
    page = ContentPageFactory(parent=topic, title="Annual leave")

    content = staff_client.get(page.url).content.decode()

    assert 'aria-label="Breadcrumb"' in content
    assert '<a class="govuk-breadcrumbs__link" href="/">Home</a>' in content
    assert 'href="/wcc/">Westminster City Council</a>' in content
    assert 'href="/wcc/hr-and-pay/">HR and pay</a>' in content
    assert content.count("<h1") == 1


def test_a_content_page_renders_its_body_blocks(staff_client: Client, organisation):
    page = ContentPageFactory(
        parent=organisation.section_page,
        title="Safeguarding adults",
        body=[
            ("heading", "Raise a concern"),
            ("paragraph", "<p>Call 999 if someone is in danger.</p>"),
            ("warning", "Do not investigate yourself."),
        ],
    )

    content = staff_client.get(page.url).content.decode()

    assert '<h2 class="govuk-heading-l">Raise a concern</h2>' in content
    assert "Call 999 if someone is in danger." in content
    assert "govuk-warning-text" in content


def test_a_news_index_lists_its_articles_newest_first(staff_client: Client, organisation):
    index = NewsIndexPageFactory(parent=organisation.section_page, slug="news")
    NewsArticlePageFactory(parent=index, title="Older story", date="2026-01-01")
    NewsArticlePageFactory(parent=index, title="Newer story", date="2026-06-01")

    content = staff_client.get("/wcc/news/").content.decode()

    assert content.index("Newer story") < content.index("Older story")


def test_a_news_article_says_which_organisation_it_is_from(staff_client: Client, organisation):
    index = NewsIndexPageFactory(parent=organisation.section_page, slug="news")
    article = NewsArticlePageFactory(parent=index, title="Parking review")

    content = staff_client.get(article.url).content.decode()

    assert "News from Westminster" in content
    assert '<time datetime="2026-11-01">1 November 2026</time>' in content


@pytest.mark.parametrize("path", ["/search/", "/no-such-page/"])
def test_pages_outside_the_page_tree_still_lead_back_home(staff_client: Client, path):
    content = staff_client.get(path).content.decode()

    assert 'aria-label="Breadcrumb"' in content
    assert '<a class="govuk-breadcrumbs__link" href="/">Home</a>' in content


def test_the_shared_home_has_no_breadcrumbs_of_its_own(staff_client: Client, organisation):
    assert 'aria-label="Breadcrumb"' not in staff_client.get("/").content.decode()
