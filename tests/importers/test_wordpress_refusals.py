"""An export that cannot be read, an unknown organisation or a missing folder stops the
import before anything is written, with one line saying what is wrong."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from intranet.imports.models import ImportedObject, ImportRun
from tests.importers.wxr import FOOTER, HEADER, item, write_export

pytestmark = pytest.mark.django_db


def refusal(path, *args: str, org: str = "wcc") -> str:
    pages = Page.objects.count()
    with pytest.raises(CommandError) as refused:
        call_command("import_wordpress", str(path), "--org", org, *args, stdout=StringIO())
    assert Page.objects.count() == pages
    assert not ImportRun.objects.exists()
    assert not ImportedObject.objects.exists()
    assert not Redirect.objects.exists()
    message = str(refused.value)
    assert "\n" not in message
    return message


def test_a_truncated_export_is_refused_and_nothing_is_written(organisation, tmp_path):
    whole = HEADER + item(1, "About us") + item(2, "Contact") + FOOTER
    path = tmp_path / "cut.xml"
    path.write_text(whole[: whole.index("<title>Contact")], encoding="utf-8")

    message = refusal(path)

    assert message.startswith(f"The file {path} is not well-formed XML at line ")
    assert message.endswith("it may be truncated or not an export. Nothing was imported.")


def test_an_entity_bomb_is_refused_without_expanding_it(organisation, tmp_path):
    path = tmp_path / "bomb.xml"
    lol = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{lol}]>'
        + HEADER.split("?>", 1)[1].replace("<title>Old intranet</title>", "<title>&lol9;</title>")
        + item(1, "About us")
        + FOOTER,
        encoding="utf-8",
    )

    assert refusal(path) == (
        f"The file {path} declares XML entities, which WordPress exports never do "
        "(an entity bomb?); it was not read. Nothing was imported."
    )


def test_an_empty_file_is_refused(organisation, tmp_path):
    path = tmp_path / "empty.xml"
    path.write_bytes(b"")

    assert refusal(path) == (f"The file {path} is empty (0 bytes): it is not a WordPress export.")


def test_a_missing_file_is_refused(organisation, tmp_path):
    assert (
        refusal(tmp_path / "nowhere.xml") == f"The file {tmp_path / 'nowhere.xml'} does not exist."
    )


def test_xml_that_is_not_a_wordpress_export_is_refused(organisation, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel><title>News</title></channel></rss>", encoding="utf-8")

    assert refusal(path) == (
        f"The file {path} is not a WordPress export: it has no wp:wxr_version "
        "(export it from WordPress under Tools → Export)."
    )


def test_an_export_in_the_wrong_encoding_is_refused(organisation, tmp_path):
    path = tmp_path / "latin1.xml"
    path.write_bytes((HEADER + item(1, "Café opening times") + FOOTER).encode("latin-1"))

    message = refusal(path)

    assert message.startswith(f"The file {path} is not well-formed XML at line ")


def test_an_unknown_organisation_is_refused(organisation, tmp_path):
    path = write_export(tmp_path, item(1, "About us"))

    assert refusal(path, org="nope") == "There is no organisation with the short code 'nope'."


def test_a_missing_media_folder_is_refused(organisation, tmp_path):
    path = write_export(tmp_path, item(1, "About us"))

    assert refusal(path, "--media-dir", str(tmp_path / "uploads")) == (
        f"The media folder {tmp_path / 'uploads'} is not a folder."
    )


def test_an_unknown_under_path_is_refused(organisation, tmp_path):
    path = write_export(tmp_path, item(1, "About us"))

    assert refusal(path, "--under", "old/site") == (
        "There is no page 'old/site' in wcc's section "
        "(--under takes slugs below it, e.g. guidance/old-intranet)."
    )
