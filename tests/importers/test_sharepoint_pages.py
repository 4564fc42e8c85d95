"""A SharePoint site's client-side pages become content pages (news articles when promoted as
news): their text web parts' HTML sanitised into the body, links to other pages and files of
the old site rewritten to Wagtail links, web parts with no text reported, and each page's old
address redirected to it."""

import pytest

from home.models import ContentPage, NewsArticlePage
from intranet.demo import files
from intranet.library.models import LibraryDocument
from tests.importers.pnp import run_import, text_page, write_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    folder = write_export(
        tmp_path / "export",
        pages=(
            text_page(
                "Parking",
                "Parking permits",
                '<p>See <a href="/sites/hr/SitePages/Fees.aspx">fees</a> and '
                '<a href="/sites/hr/Shared%20Documents/form.pdf">the form</a>.</p>'
                "<script>alert(1)</script>",
            ),
            text_page("Fees", "Fees and charges", "<p>Twenty pounds.</p>", json=True),
            text_page("Awards", "Staff awards", "<p>Winners announced.</p>", news=True),
        ),
    )
    (folder / "Shared Documents").mkdir()
    (folder / "Shared Documents" / "form.pdf").write_bytes(files.pdf(["Permit form"]))
    return folder


def test_text_web_parts_become_the_pages_body_with_links_rewritten(organisation, export):
    rows, _ = run_import(export, "--site-url", "https://tenant.sharepoint.com/sites/hr")

    parking = ContentPage.objects.get(title="Parking permits")
    fees = ContentPage.objects.get(title="Fees and charges")
    form = LibraryDocument.objects.get(title="form")
    assert parking.body[0].value.source == (
        f'<p>See <a linktype="page" id="{fees.pk}">fees</a> and '
        f'<a linktype="document" id="{form.pk}">the form</a>.</p>'
    )
    assert fees.body[0].value.source == "<p>Twenty pounds.</p>"
    assert rows["page:SitePages/Parking.aspx"]["reason"] == (
        "removed: 1 × <script>; web parts with no text, not imported: Image"
    )


def test_a_page_promoted_as_news_becomes_a_news_article(organisation, export):
    rows, _ = run_import(export)

    article = NewsArticlePage.objects.get(title="Staff awards")
    assert rows["page:SitePages/Awards.aspx"]["kind"] == "news"
    assert article.get_parent().slug == "news"


def test_old_page_and_file_addresses_redirect_to_their_new_homes(
    organisation, export, staff_client
):
    run_import(export, "--site-url", "https://tenant.sharepoint.com/sites/hr")

    parking = ContentPage.objects.get(title="Parking permits")
    form = LibraryDocument.objects.get(title="form")
    for old in ("/SitePages/Parking.aspx", "/sites/hr/SitePages/Parking.aspx"):
        assert staff_client.get(old)["Location"] == parking.url
    response = staff_client.get("/sites/hr/Shared%20Documents/form.pdf")
    assert response["Location"] == f"/documents/{form.pk}/"


def test_a_page_the_template_names_twice_is_imported_once_and_the_repeat_reported(
    organisation, tmp_path
):
    folder = write_export(
        tmp_path / "twice",
        pages=(text_page("Home", "Home", "<p>One</p>"), text_page("Home", "Home", "<p>Two</p>")),
    )

    rows, _ = run_import(folder)

    assert rows["page:SitePages/Home.aspx"]["outcome"] == "created"
    assert rows["page:SitePages/Home.aspx#2"]["reason"] == (
        "the template names it more than once: the first is imported"
    )
