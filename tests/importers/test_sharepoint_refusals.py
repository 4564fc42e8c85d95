"""An export that cannot be read stops import_sharepoint with a one-line message and nothing
written: a missing folder, no template in it, a template that is malformed, truncated, empty,
not a PnP template or declares entities (a bomb), a .pnp that is not a zip or escapes its
folder, an unknown organisation."""

import zipfile

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from tests.importers.pnp import NAMESPACE, write_export

pytestmark = pytest.mark.django_db


def refusal(folder, org: str = "wcc") -> str:
    pages = Page.objects.count()
    with pytest.raises(CommandError) as error:
        call_command("import_sharepoint", str(folder), "--org", org)
    assert Page.objects.count() == pages
    return str(error.value)


def test_a_missing_folder_is_refused(organisation, tmp_path):
    assert refusal(tmp_path / "nope") == f"{tmp_path / 'nope'} is not a folder."


def test_an_unknown_organisation_is_refused(organisation, tmp_path):
    assert refusal(write_export(tmp_path), org="xyz") == (
        "There is no organisation with the short code 'xyz'."
    )


def test_a_folder_without_a_template_is_refused(organisation, tmp_path):
    (tmp_path / "notes.xml").write_text("<notes/>")

    assert refusal(tmp_path) == (
        f"There is no PnP provisioning template (.xml or .pnp) in {tmp_path}: export the site "
        "with Get-PnPSiteTemplate -Out template.xml -PersistBrandingFiles."
    )


def test_a_truncated_template_is_refused(organisation, tmp_path):
    path = write_export(tmp_path) / "template.xml"
    path.write_text(path.read_text()[:200])

    assert refusal(tmp_path).startswith(f"The file {path} is not well-formed XML at line")


def test_an_entity_bomb_is_refused_without_expanding_it(organisation, tmp_path):
    (tmp_path / "template.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "ProvisioningSchema lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        f'<pnp:Provisioning xmlns:pnp="{NAMESPACE}">&lol2;</pnp:Provisioning>'
    )

    assert refusal(tmp_path) == (
        f"The file {tmp_path / 'template.xml'} declares XML entities, which PnP templates never "
        "do (an entity bomb?); it was not read. Nothing was imported."
    )


def test_a_template_in_another_encoding_than_it_says_is_refused(organisation, tmp_path):
    (tmp_path / "template.xml").write_bytes(
        f'<?xml version="1.0" encoding="utf-8"?><pnp:Provisioning xmlns:pnp="{NAMESPACE}">'
        '<pnp:Templates><pnp:ProvisioningTemplate ID="caf\xe9"/></pnp:Templates>'
        "</pnp:Provisioning>".encode("latin-1")
    )

    assert "is not well-formed XML" in refusal(tmp_path)


def test_a_pnp_package_that_is_not_a_zip_is_refused(organisation, tmp_path):
    (tmp_path / "site.pnp").write_bytes(b"")

    assert refusal(tmp_path) == "The file site.pnp is not a .pnp package (not a zip file)."


def test_a_pnp_package_with_a_file_outside_its_folder_is_refused(organisation, tmp_path):
    with zipfile.ZipFile(tmp_path / "site.pnp", "w") as archive:
        archive.writestr("../../escape.xml", "ProvisioningSchema")

    assert refusal(tmp_path) == (
        "The package site.pnp has a file outside its folder (../../escape.xml); it was not read."
    )
