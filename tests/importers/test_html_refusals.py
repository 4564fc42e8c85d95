"""import_html refuses what it cannot start on with a one-line message and nothing written,
and fails or skips only the file that is bad."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from tests.importers.site import BASE_URL, page, run_import, write_site

pytestmark = pytest.mark.django_db


def refusal(*args: str) -> str:
    pages = Page.objects.count()
    with pytest.raises(CommandError) as error:
        call_command("import_html", *args)
    assert Page.objects.count() == pages
    return str(error.value)


def test_a_missing_folder_is_refused(organisation, tmp_path):
    assert refusal(str(tmp_path / "x"), "--org", "wcc", "--base-url", BASE_URL) == (
        f"{tmp_path / 'x'} is not a folder."
    )


def test_an_unknown_organisation_is_refused(organisation, tmp_path):
    assert refusal(str(tmp_path), "--org", "nope", "--base-url", BASE_URL) == (
        "There is no organisation with the short code 'nope'."
    )


def test_a_base_url_that_is_not_a_web_address_is_refused(organisation, tmp_path):
    assert refusal(str(tmp_path), "--org", "wcc", "--base-url", "intranet") == (
        "--base-url 'intranet' is not the site's address (e.g. https://intranet.example.gov.uk/)."
    )


def test_an_empty_or_binary_page_fails_alone_and_the_rest_is_imported(organisation, tmp_path):
    site = write_site(
        tmp_path,
        {
            "empty.html": "",
            "binary.html": b"\x00\x01\x02PK\x03\x04" * 50,
            "good.html": page("Good", "<p>Fine.</p>"),
        },
    )

    rows, _ = run_import(site)

    assert (rows["empty.html"]["outcome"], rows["empty.html"]["reason"]) == (
        "skipped",
        "the file is empty (0 bytes of page)",
    )
    assert (rows["binary.html"]["outcome"], rows["binary.html"]["reason"]) == (
        "failed",
        "not a web page: its content is binary",
    )
    assert rows["good.html"]["outcome"] == "created"
