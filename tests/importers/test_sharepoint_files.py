"""Every file of a SharePoint export goes into the organisation's library in the folder the
template places it (else the folder it was exported in), through the one intake check; a file
the template names but the export lacks is reported missing, files a library does not keep
(pages, master pages, scripts) are skipped saying why, and lists' rows are kept as CSV."""

import zipfile

import pytest

from intranet.demo import files
from intranet.library.models import LibraryDocument
from tests.importers.pnp import run_import, write_export

pytestmark = pytest.mark.django_db

PROJECTS = """<pnp:Lists><pnp:ListInstance Title="Projects" Url="Lists/Projects" TemplateType="100">
<pnp:DataRows><pnp:DataRow><pnp:DataValue FieldName="Name">Bridge</pnp:DataValue>
<pnp:DataValue FieldName="Lead">Asha</pnp:DataValue></pnp:DataRow></pnp:DataRows>
</pnp:ListInstance></pnp:Lists>"""


@pytest.fixture
def export(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    folder = write_export(
        tmp_path / "export",
        files=(
            '<pnp:File Src="budget.pdf" Folder="{site}/Shared%20Documents/Finance"/>'
            '<pnp:File Src="gone.docx" Folder="Shared Documents"/>'
            '<pnp:Directory Src=".\\Policies" Folder="Policies" Recursive="true" '
            'ExcludedExtensions="*.txt"/>'
        ),
        other=PROJECTS,
    )
    (folder / "budget.pdf").write_bytes(files.pdf(["Budget 2026"]))
    (folder / "Policies" / "HR").mkdir(parents=True)
    (folder / "Policies" / "HR" / "leave.pdf").write_bytes(files.pdf(["Leave policy"]))
    (folder / "Policies" / "notes.txt").write_text("scratch")
    (folder / "Policies" / "setup.pdf").write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    (folder / "Home.aspx").write_text("<%@ Page %>")
    return folder


def folder_of(document: LibraryDocument) -> list[str]:
    return [collection.name for collection in document.collection.get_ancestors()[2:]] + [
        document.collection.name
    ]


def test_files_go_into_the_library_folders_the_template_gives_them(organisation, export):
    rows, _ = run_import(export)

    budget = LibraryDocument.objects.get(title="budget")
    leave = LibraryDocument.objects.get(title="leave")
    assert folder_of(budget)[-2:] == ["Shared Documents", "Finance"]
    assert folder_of(leave)[-2:] == ["Policies", "HR"]
    assert budget.owner_organisation == organisation
    assert rows["file:budget.pdf"]["outcome"] == "created"


def test_what_the_library_cannot_take_is_reported_each_with_its_reason(organisation, export):
    rows, _ = run_import(export)

    assert rows["file:gone.docx"]["reason"] == (
        "missing: gone.docx (the template names this file; it is not in the export)"
    )
    assert rows["file:Policies/notes.txt"]["reason"] == (
        "excluded by the template's Directory rules (ExcludedExtensions)"
    )
    assert rows["file:Policies/setup.pdf"]["outcome"] == "failed"
    assert rows["file:Policies/setup.pdf"]["reason"].startswith(
        "The file is called .pdf but its content is not a document format we accept."
    )
    assert rows["file:Home.aspx"]["reason"] == (
        "files of type .aspx are not kept in libraries "
        "(a SharePoint page, master page, theme or script file)"
    )


def test_a_lists_rows_are_kept_as_a_csv_document(organisation, export):
    rows, _ = run_import(export)

    projects = LibraryDocument.objects.get(title="Projects")
    assert rows["list:Lists/Projects"]["reason"] == "1 row kept as a CSV document"
    assert projects.file.read().decode().splitlines() == ["Name,Lead", "Bridge,Asha"]


def test_a_pnp_package_is_imported_like_an_export_folder(organisation, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    unpacked = write_export(tmp_path / "unpacked", files='<pnp:File Src="a.pdf" Folder="Docs"/>')
    (unpacked / "a.pdf").write_bytes(files.pdf(["Packaged"]))
    package = tmp_path / "site" / "site.pnp"
    package.parent.mkdir()
    with zipfile.ZipFile(package, "w") as archive:
        for path in unpacked.iterdir():
            archive.write(path, path.name)

    rows, _ = run_import(package.parent)

    assert rows["file:a.pdf"]["outcome"] == "created"
    assert folder_of(LibraryDocument.objects.get(title="a"))[-1] == "Docs"
