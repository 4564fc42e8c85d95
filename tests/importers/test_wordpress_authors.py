"""An imported post's author is the person in the directory with the WordPress author's email
(shown as a link to their profile, and their account owns the page); an author nobody in the
directory has is kept as the page's byline, so who wrote it is never lost."""

import pytest

from home.models import ContentPage, NewsArticlePage
from tests.factories import PersonFactory, UserFactory
from tests.importers.wxr import author, item, run_import, write_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path):
    return write_export(
        tmp_path,
        item(1, "Budget news", post_type="post", creator="asha"),
        item(2, "Parking", creator="old.hand"),
        item(3, "Orphan", creator="ghost"),
        authors=(
            author("asha", "Asha.Patel@westminster.gov.uk", "Asha P"),
            author("old.hand", "retired@example.org", "Old Hand"),
        ),
    )


def test_an_author_in_the_directory_becomes_the_pages_author(organisation, export):
    asha = PersonFactory(
        organisation=organisation,
        first_name="Asha",
        last_name="Patel",
        email="asha.patel@westminster.gov.uk",
    )
    account = UserFactory(email="asha.patel@westminster.gov.uk")

    run_import(export)

    news = NewsArticlePage.objects.get(title="Budget news")
    assert (news.author, news.byline, news.owner) == (asha, "", account)


def test_an_author_not_in_the_directory_is_kept_as_the_byline(organisation, export):
    run_import(export)

    page = ContentPage.objects.get(title="Parking")
    assert (page.author, page.byline) == (None, "Old Hand")
    assert ContentPage.objects.get(title="Orphan").byline == "ghost"  # no wp:author: the login


def test_the_byline_is_shown_on_the_page(organisation, export, staff_client):
    run_import(export)

    response = staff_client.get(ContentPage.objects.get(title="Parking").url)

    assert '<p class="govuk-body-s">By Old Hand</p>' in response.content.decode()
