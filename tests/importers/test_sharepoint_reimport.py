"""import_sharepoint is safe to run again: an unchanged export reports everything unchanged
and creates nothing; a dry run reports the same outcomes and writes nothing; a run can be
undone."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from intranet.demo import files
from intranet.imports.models import ImportRun
from intranet.library.models import LibraryDocument
from tests.importers.pnp import current_navigation, nav_node, run_import, text_page, write_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    folder = write_export(
        tmp_path / "export",
        pages=(text_page("Home", "Welcome", "<p>Hi</p>"), text_page("Bins", "Bins", "<p>Tue</p>")),
        navigation=current_navigation(nav_node("Bins", "SitePages/Bins.aspx")),
    )
    (folder / "minutes.pdf").write_bytes(files.pdf(["Minutes"]))
    return folder


def test_a_second_run_of_the_same_export_changes_nothing(organisation, export):
    run_import(export)
    pages, documents = Page.objects.count(), LibraryDocument.objects.count()

    rows, _ = run_import(export)

    assert {row["outcome"] for row in rows.values()} == {"unchanged", "skipped"}
    assert rows["template.xml:provisioning/Preferences"]["outcome"] == "skipped"  # not content
    assert (Page.objects.count(), LibraryDocument.objects.count()) == (pages, documents)


def test_a_dry_run_reports_what_would_happen_and_writes_nothing(organisation, export):
    pages = Page.objects.count()

    rows, output = run_import(export, "--dry-run")

    assert Page.objects.count() == pages
    assert not LibraryDocument.objects.exists() and not ImportRun.objects.exists()
    assert rows["page:SitePages/Home.aspx"]["outcome"] == "created"
    assert rows["file:minutes.pdf"]["reason"] == "dry run: nothing written"
    assert output.rstrip().endswith("(dry run: nothing was written).")


def test_the_current_navigation_orders_the_pages_it_points_at(organisation, export):
    rows, _ = run_import(export)

    bins = Page.objects.get(title="Bins")
    assert bins.show_in_menus
    assert rows["navigation:CurrentNavigation/Bins"]["outcome"] == "updated"


def test_undoing_the_run_removes_what_it_created(organisation, export):
    pages = Page.objects.count()
    run_import(export)

    call_command("import_undo", str(ImportRun.objects.get().pk), stdout=None)

    assert Page.objects.count() == pages
    assert not LibraryDocument.objects.exists()
