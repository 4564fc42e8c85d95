"""Links between a static site's pages (relative, root-relative or absolute, to a folder's
index or a fragment) become Wagtail page links, links to its office files document links, the
images it shows embedded images; what is left (styles, scripts) is reported as skipped, links
to nothing imported are listed, and every old address redirects to its new home."""

from io import BytesIO

import pytest
from PIL import Image

from home.models import ContentPage
from intranet.demo import files
from intranet.images.models import IntranetImage
from intranet.library.models import LibraryDocument
from tests.importers.site import page, run_import, write_site

pytestmark = pytest.mark.django_db


def png() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (4, 3), "blue").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def site(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    return write_site(
        tmp_path / "site",
        {
            "index.html": page(
                "Home",
                '<p>See <a href="hr/">HR</a>, <a href="/hr/pay.html#rates">pay</a>, '
                '<a href="https://intranet.example.gov.uk/docs/Annual%20report.pdf">the report'
                '</a> and <a href="gone.html">an old page</a>.</p>'
                '<img src="img/map.png" alt="Map">',
            ),
            "hr/index.html": page("HR", "<p>People.</p>"),
            "hr/pay.html": page("Pay", '<p>Back to <a href="../index.html">home</a>.</p>'),
            "docs/Annual report.pdf": files.pdf(["Annual report"]),
            "img/map.png": png(),
            "img/unused.png": png(),
            "css/site.css": "body {}",
        },
    )


def test_links_become_page_and_document_links_and_images_are_embedded(organisation, site):
    rows, _ = run_import(site)

    home, hr, pay = (ContentPage.objects.get(title=t) for t in ("Home", "HR", "Pay"))
    report = LibraryDocument.objects.get(title="Annual report")
    image = IntranetImage.objects.get(title="Map")
    assert home.body[0].value.source == (
        f'<p>See <a linktype="page" id="{hr.pk}">HR</a>, <a linktype="page" id="{pay.pk}">pay'
        f'</a>, <a linktype="document" id="{report.pk}">the report</a> and '
        '<a href="https://intranet.example.gov.uk/gone.html">an old page</a>.</p>'
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Map"/>'
    )
    assert pay.body[0].value.source == f'<p>Back to <a linktype="page" id="{home.pk}">home</a>.</p>'
    assert rows["index.html"]["reason"] == (
        "links to nothing imported: https://intranet.example.gov.uk/gone.html"
    )


def test_every_file_is_reported_once_and_what_is_not_content_is_skipped(organisation, site):
    rows, _ = run_import(site)

    assert set(rows) == {
        "index.html", "hr/index.html", "hr/pay.html", "docs/Annual report.pdf",
        "img/map.png", "img/unused.png", "css/site.css",
    }  # fmt: skip
    assert rows["css/site.css"]["reason"] == "an asset of the site (.css), not content"
    assert rows["img/unused.png"]["reason"] == "an image no page shows"


def test_old_addresses_redirect_to_the_new_pages_and_documents(organisation, site, staff_client):
    run_import(site)

    hr = ContentPage.objects.get(title="HR")
    report = LibraryDocument.objects.get(title="Annual report")
    for old in ("/hr/", "/hr/index.html", "/hr"):
        assert staff_client.get(old)["Location"] == hr.url
    assert staff_client.get("/docs/Annual%20report.pdf")["Location"] == f"/documents/{report.pk}/"


def test_a_second_run_changes_nothing_and_a_dry_run_writes_nothing(organisation, site):
    dry, _ = run_import(site, "--dry-run")
    assert not ContentPage.objects.filter(title="Home").exists()
    assert dry["index.html"]["outcome"] == "created"

    run_import(site)
    again, _ = run_import(site)

    assert {row["outcome"] for row in again.values()} == {"unchanged", "skipped"}
