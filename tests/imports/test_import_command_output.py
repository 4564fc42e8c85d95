"""Every import command reports the same way: progress on stderr (a tqdm bar on a terminal,
plain lines in a log), a line per item that did something, and one closing summary."""

from io import StringIO

import pytest
from django.core.management import call_command

from intranet.demo import files
from intranet.imports.models import ImportRun

pytestmark = pytest.mark.django_db


def test_progress_goes_to_stderr_as_plain_lines_when_not_on_a_terminal(
    organisation, tmp_path, settings
):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    share = tmp_path / "share"
    share.mkdir()
    (share / "a.pdf").write_bytes(files.pdf(["A"]))
    (share / "b.exe").write_bytes(b"MZ")
    out, err = StringIO(), StringIO()

    call_command("import_documents", str(share), "--org", "wcc", stdout=out, stderr=err)

    run = ImportRun.objects.get()
    assert err.getvalue().splitlines() == ["2/2 b.exe"]
    assert out.getvalue().splitlines() == [
        "created   document a.pdf",
        "skipped   document b.exe — files of type .exe are not accepted in libraries",
        f"Import finished: 1 created, 0 updated, 0 unchanged, 1 skipped, 0 failed "
        f"(import run {run.pk}).",
    ]
