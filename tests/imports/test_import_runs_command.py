"""`import_runs` lists runs, newest first, with their counts and whether they were undone."""

from io import StringIO

import pytest
from django.core.management import call_command

from intranet.demo import files
from intranet.imports.models import ImportRun
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def runs_listed() -> list[str]:
    out = StringIO()
    call_command("import_runs", stdout=out)
    return out.getvalue().splitlines()


def test_with_no_runs_it_says_so(db):
    assert runs_listed() == ["No import runs yet."]


def test_each_run_is_listed_with_its_counts_and_undone_runs_are_marked(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    OrganisationFactory(slug="wcc")
    share = tmp_path / "share"
    share.mkdir()
    (share / "a.pdf").write_bytes(files.pdf(["A"]))
    call_command("import_documents", str(share), "--org", "wcc", stdout=StringIO())
    call_command("import_documents", str(share), "--org", "wcc", stdout=StringIO())
    _first, second = ImportRun.objects.order_by("pk")
    call_command("import_undo", str(second.pk), stdout=StringIO())

    lines = runs_listed()

    assert len(lines) == 2
    assert lines[0].split()[0] == str(second.pk)
    assert "file-share" in lines[0] and "wcc" in lines[0]
    assert "1 unchanged" in lines[0] and "[undone " in lines[0]
    assert "1 created" in lines[1] and "undone" not in lines[1]
