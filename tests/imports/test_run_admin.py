"""In the admin, an organisation's admins open its import runs: the summary and every item
(filtered by outcome), the report as CSV, and an undo behind a confirmation that is audited;
another council's admins reach none of it."""

import csv
from io import StringIO

import pytest
from django.core.management import call_command

from home.models import ContentPage
from intranet.access.models import AuditEvent
from intranet.imports.models import ImportRun
from tests.clients import refusal, signed_in
from tests.factories import admin_of
from tests.importers.wxr import item, write_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(councils, tmp_path):
    export = write_export(tmp_path, item(1, "Parking"), item(2, "Binned", status="trash"))
    call_command("import_wordpress", str(export), "--org", "hf", stdout=StringIO())
    return ImportRun.objects.get()


def inspect_url(run) -> str:
    return f"/admin/snippets/imports/importrun/inspect/{run.pk}/"


def test_an_admin_sees_the_runs_items_filtered_by_outcome(run, councils):
    client = signed_in(admin_of(councils[0]))

    everything = client.get(inspect_url(run)).content.decode()
    skipped = client.get(inspect_url(run) + "?outcome=skipped").content.decode()

    assert "?p=1" in everything and "?p=2" in everything
    assert "in WordPress&#x27;s trash" in skipped and "?p=1<" not in skipped


def test_an_admin_downloads_the_report_as_csv(run, councils):
    response = signed_in(admin_of(councils[0])).get(f"/admin/import-runs/{run.pk}/report.csv")

    rows = list(csv.reader(StringIO(response.content.decode())))
    assert response["Content-Disposition"] == f'attachment; filename="import-run-{run.pk}.csv"'
    assert rows[0] == ["source_id", "kind", "outcome", "reason", "target_url"]
    assert len(rows) == 3


def test_undo_asks_first_then_removes_what_the_run_made_and_is_audited(run, councils):
    hf, _ = councils
    client = signed_in(admin_of(hf))

    confirm = client.get(f"/admin/import-runs/{run.pk}/undo/")
    done = client.post(f"/admin/import-runs/{run.pk}/undo/")

    assert "remove the 4 items it created" in confirm.content.decode()  # page, 3 redirects
    assert done.status_code == 302
    assert not ContentPage.objects.filter(title="Parking").exists()
    event = AuditEvent.objects.get(object_type="imports.ImportRun")
    assert (event.organisation, event.ground) == (
        hf,
        "import undone: 4 removed, 0 restored, 0 already gone",
    )


def test_a_refused_undo_says_why_and_changes_nothing(run, councils):
    client = signed_in(admin_of(councils[0]))
    client.post(f"/admin/import-runs/{run.pk}/undo/")

    response = client.post(f"/admin/import-runs/{run.pk}/undo/", follow=True)

    run.refresh_from_db()
    assert f"Import run {run.pk} was already undone on {run.undone_at:%Y-%m-%d}." in (
        response.content.decode()
    )


def test_another_councils_admin_reaches_none_of_it(run, councils):
    client = signed_in(admin_of(councils[1]))

    assert refusal(client.get(inspect_url(run))) == "302 /admin/"
    assert refusal(client.get(f"/admin/import-runs/{run.pk}/report.csv")) == "302 /admin/"
    assert refusal(client.post(f"/admin/import-runs/{run.pk}/undo/")) == "302 /admin/"
    assert ContentPage.objects.filter(title="Parking").exists()
