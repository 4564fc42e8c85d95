"""A dry run of any importer performs the whole mapping and writes nothing: no rows, no files
and no background task queued (extraction, search indexing)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks import default_task_backend

from intranet.demo import files
from tests.importers.pnp import text_page
from tests.importers.pnp import write_export as write_pnp
from tests.importers.site import page, write_site
from tests.importers.wxr import item
from tests.importers.wxr import write_export as write_wxr

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings, tmp_path):
    """Tasks kept in memory instead of run: what was queued can be counted."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    default_task_backend.clear()
    return default_task_backend


def dry_run(command: str, *args: str) -> None:
    call_command(command, *args, "--org", "wcc", "--dry-run", stdout=StringIO(), stderr=StringIO())


def test_importing_documents_dry_queues_nothing(organisation, queue, tmp_path):
    (tmp_path / "a.pdf").write_bytes(files.pdf(["A"]))

    dry_run("import_documents", str(tmp_path))

    assert queue.results == []
    assert not (tmp_path / "storage").exists()


def test_importing_wordpress_dry_queues_nothing(organisation, queue, tmp_path):
    dry_run("import_wordpress", str(write_wxr(tmp_path, item(1, "Parking"))))

    assert queue.results == []


def test_importing_sharepoint_dry_queues_nothing(organisation, queue, tmp_path):
    folder = write_pnp(tmp_path / "export", pages=(text_page("Home", "Home", "<p>Hi</p>"),))
    (folder / "b.pdf").write_bytes(files.pdf(["B"]))

    dry_run("import_sharepoint", str(folder))

    assert queue.results == []
    assert not (tmp_path / "storage").exists()


def test_importing_a_static_site_dry_queues_nothing(organisation, queue, tmp_path):
    site = write_site(tmp_path / "site", {"index.html": page("Home", "<p>Hi</p>")})

    dry_run("import_html", str(site), "--base-url", "https://intranet.example.gov.uk/")

    assert queue.results == []


def test_the_same_import_for_real_does_queue_its_tasks(organisation, queue, tmp_path):
    (tmp_path / "a.pdf").write_bytes(files.pdf(["A"]))

    call_command("import_documents", str(tmp_path), "--org", "wcc", stdout=StringIO())

    assert queue.results  # so the dry runs above were watched by the same queue
