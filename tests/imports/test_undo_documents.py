"""`import_undo` takes back a file-share import: what the run created is removed (rows, files,
search entries, source ids), what it updated is put back, and it refuses, naming the
document, when someone has edited what the run wrote."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from intranet.demo import files
from intranet.imports.models import ImportedObject, ImportRun
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from search.models import SearchEntry
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def share(tmp_path, settings) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    OrganisationFactory(slug="wcc", name="Westminster City Council")
    root = tmp_path / "share"
    (root / "HR").mkdir(parents=True)
    (root / "HR" / "leave.docx").write_bytes(files.docx(["Annual leave entitlement"]))
    (root / "remote.pdf").write_bytes(files.pdf(["Working remotely"]))
    return root


def import_share(share: Path) -> ImportRun:
    call_command("import_documents", str(share), "--org", "wcc", stdout=StringIO())
    return ImportRun.objects.order_by("-pk").first()


def undo(run: ImportRun) -> str:
    out = StringIO()
    call_command("import_undo", str(run.pk), stdout=out)
    return out.getvalue().strip()


def test_undoing_a_run_removes_the_documents_it_created_with_their_files(share, tmp_path):
    run = import_share(share)
    stored = [Path(d.file.path) for d in LibraryDocument.objects.all()]

    assert undo(run) == f"Undid import run {run.pk}: 2 removed, 0 restored."

    assert not LibraryDocument.objects.exists()
    assert not any(path.exists() for path in stored)
    assert not ImportedObject.objects.exists()
    assert not SearchEntry.objects.filter(kind="document").exists()
    run.refresh_from_db()
    assert run.undone_at is not None


def test_after_an_undo_the_same_share_is_created_again(share):
    undo(import_share(share))

    import_share(share)

    assert LibraryDocument.objects.count() == 2


def test_undoing_an_update_puts_the_earlier_file_and_title_back(share):
    import_share(share)
    first = LibraryDocument.objects.get(title="remote")
    first_file, first_hash = first.file.name, first.sha256
    (share / "remote.pdf").write_bytes(files.pdf(["Working remotely, revised"]))
    second = import_share(share)
    assert LibraryDocument.objects.get(pk=first.pk).sha256 != first_hash

    assert undo(second) == f"Undid import run {second.pk}: 0 removed, 1 restored."

    restored = LibraryDocument.objects.get(pk=first.pk)
    assert (restored.file.name, restored.sha256) == (first_file, first_hash)
    assert LibraryDocument.objects.count() == 2


def test_an_undo_that_would_lose_a_later_edit_is_refused_naming_the_document(share):
    run = import_share(share)
    document = LibraryDocument.objects.get(title="leave")
    document.title = "Leave policy (edited)"
    save_document(document)

    with pytest.raises(CommandError) as refused:
        undo(run)

    assert str(refused.value) == (
        f"Import run {run.pk} cannot be undone: these were changed after it, and undoing it "
        "would lose those edits: leave (HR/leave.docx). Undo later runs first, or revert those "
        "edits by hand."
    )
    assert LibraryDocument.objects.count() == 2


def test_a_run_cannot_be_undone_twice(share):
    run = import_share(share)
    undo(run)
    run.refresh_from_db()

    with pytest.raises(CommandError, match=f"^Import run {run.pk} was already undone on "):
        undo(run)


def test_an_unknown_run_is_a_one_line_error(share):
    with pytest.raises(CommandError) as refused:
        call_command("import_undo", "999")

    assert str(refused.value) == "There is no import run 999; `import_runs` lists them."
