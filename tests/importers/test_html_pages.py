"""Each web page of a saved static site becomes a content page: the hierarchy from its path,
its title without the site's name, its main content without the header, navigation and
footer every page repeats, and its encoding read right."""

import pytest

from home.models import ContentPage
from tests.importers.site import page, run_import, write_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(tmp_path):
    return write_site(
        tmp_path / "site",
        {
            "index.html": page("Home", "<h1>Welcome</h1><p>Hello.</p>"),
            "hr/index.html": page("HR", "<h1>HR</h1><p>People matters.</p>"),
            "hr/policies/leave.html": page(
                "Leave policy", "<h1>Leave</h1><p>25 days.</p><ul><li>Book early</li></ul>"
            ),
            "hr/old.htm": (
                b"<html><head><title>Old | Old Intranet</title></head><body>"
                b"<div id='nav'><a href='/'>Home</a></div><p>Caf\xe9 opening hours.</p>"
                b"</body></html>"
            ),
        },
    )


def test_pages_keep_the_sites_hierarchy(organisation, site):
    run_import(site)

    hr = ContentPage.objects.get(title="HR")
    leave = ContentPage.objects.get(title="Leave policy")
    assert hr.get_parent().specific == organisation.section_page.specific
    assert leave.get_parent().specific == hr  # "policies/" has no page: no level is invented
    assert ContentPage.objects.get(title="Old").get_parent().specific == hr


def test_the_main_content_is_kept_without_what_every_page_repeats(organisation, site):
    run_import(site)

    leave = ContentPage.objects.get(title="Leave policy")
    assert leave.body[0].value.source == "<p>25 days.</p><ul><li>Book early</li></ul>"


def test_a_page_not_in_utf8_is_read_in_windows_1252_and_says_so(organisation, site):
    rows, _ = run_import(site)

    old = ContentPage.objects.get(title="Old")
    assert old.body[0].value.source == "<p>Café opening hours.</p>"
    assert rows["hr/old.htm"]["reason"] == (
        "its encoding was not UTF-8 nor as declared: read as Windows-1252"
    )
