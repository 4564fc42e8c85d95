"""The shared home page rolls up every organisation's news and leads into each section."""

import pytest
from django.test import Client

from tests.factories import (
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    OrganisationFactory,
    shared_home,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_councils_with_news(organisation):
    other = OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council", short_name="H&F")
    for org, headline in [
        (organisation, "Westminster parking review"),
        (other, "H&F library reopens"),
    ]:
        index = NewsIndexPageFactory(parent=org.section_page, slug="news")
        NewsArticlePageFactory(parent=index, title=headline)
    shared = NewsIndexPageFactory(parent=shared_home(), slug="news")
    NewsArticlePageFactory(parent=shared, title="Partnership annual report")
    return organisation, other


def test_the_home_page_shows_news_from_every_organisation_and_the_shared_area(
    staff_client: Client, two_councils_with_news
):
    content = staff_client.get("/").content.decode()

    assert "Westminster parking review" in content
    assert "H&amp;F library reopens" in content
    assert "Partnership annual report" in content


def test_the_home_page_news_can_be_filtered_to_one_organisation(
    staff_client: Client, two_councils_with_news
):
    content = staff_client.get("/?organisation=hf").content.decode()

    assert "H&amp;F library reopens" in content
    assert "Westminster parking review" not in content
    assert "Partnership annual report" not in content


def test_each_news_item_names_its_organisation_in_its_accent(
    staff_client: Client, two_councils_with_news
):
    content = staff_client.get("/").content.decode()

    assert '<span class="commons-tag commons-org--hf">H&amp;F</span>' in content
    assert '<span class="commons-tag">All partners</span>' in content


def test_unpublished_news_is_not_rolled_up(staff_client: Client, organisation):
    index = NewsIndexPageFactory(parent=organisation.section_page, slug="news")
    NewsArticlePageFactory(parent=index, title="Embargoed budget story", live=False)

    assert "Embargoed budget story" not in staff_client.get("/").content.decode()


def test_the_home_page_leads_into_every_section_and_has_the_search_box(
    staff_client: Client, two_councils_with_news
):
    content = staff_client.get("/").content.decode()

    assert 'href="/wcc/"' in content
    assert 'href="/hf/"' in content
    assert 'class="commons-card commons-org--hf"' in content
    assert 'action="/search/"' in content
    assert content.count("<h1") == 1
