"""A dry run maps the whole export and prints the same report, and writes nothing: no rows,
no files, no tasks."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from intranet.demo import files
from intranet.imports.models import ImportedObject, ImportRun
from intranet.library.models import LibraryDocument
from search.models import SearchEntry
from tests.importers.wxr import SITE, item, run_import, sid, write_export

pytestmark = pytest.mark.django_db


def counts():
    models = (Page, Revision, Redirect, ImportRun, ImportedObject, LibraryDocument, SearchEntry)
    return [model.objects.count() for model in (*models, DBTaskResult, ContentType)]


def test_a_dry_run_reports_what_would_happen_and_writes_nothing(organisation, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "policy.pdf").write_bytes(files.pdf(["Travel policy"]))
    path = write_export(
        tmp_path,
        item(1, "About", content='<p><a href="/?p=2">news</a></p>'),
        item(2, "Hello", post_type="post"),
        item(3, "Policy", post_type="attachment", status="inherit",
             attachment_url=f"{SITE}/wp-content/uploads/policy.pdf"),
        item(4, "Binned", status="trash"),
    )  # fmt: skip
    before = counts()

    rows, output = run_import(path, "--dry-run", "--media-dir", str(uploads))

    assert counts() == before
    assert not (tmp_path / "storage").exists()
    assert {key: row["outcome"] for key, row in rows.items()} == {
        sid(1): "created",
        sid(2): "created",
        sid(3): "created",
        sid(4): "skipped",
    }
    assert rows[sid(1)]["reason"] == "dry run: nothing written"
    assert "(dry run: nothing was written)" in output
