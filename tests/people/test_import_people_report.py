"""Every row is reported once: printed, in ``--report`` CSV, and saved as an import run."""

import pytest

from intranet.imports.models import ImportRun
from tests.people.people_csv import run_import, write_csv

pytestmark = pytest.mark.django_db

EXPORT = """
employee_id,email
W1,amir@westminster.gov.uk
W2,not-an-email
,nobody@westminster.gov.uk
"""


def test_the_report_has_the_agreed_header_and_a_row_per_item(organisation, tmp_path):
    path = write_csv(tmp_path, EXPORT)
    run_import(path)

    lines = (tmp_path / "people-report.csv").read_text().splitlines()

    assert lines[0] == "source_id,kind,outcome,reason,target_url"
    assert lines[1].startswith("W1,person,created,,/people/")
    assert lines[2:] == [
        "W2,person,skipped,email 'not-an-email' is not a valid email address,",
        "row 4,person,skipped,no employee_id,",
    ]


def test_the_run_is_saved_with_its_counts_and_items(organisation, tmp_path):
    run_import(write_csv(tmp_path, EXPORT))

    run = ImportRun.objects.get()
    assert (run.importer, run.organisation) == ("hr-people", organisation)
    assert run.summary == "1 created, 2 skipped"
    assert list(run.items.values_list("source_id", "outcome")) == [
        ("W1", "created"),
        ("W2", "skipped"),
        ("row 4", "skipped"),
    ]


def test_the_command_prints_what_happened_and_a_summary(organisation, tmp_path):
    _, output = run_import(write_csv(tmp_path, EXPORT))

    run = ImportRun.objects.get()
    assert output.splitlines() == [
        "created   person   W1",
        "skipped   person   W2 — email 'not-an-email' is not a valid email address",
        "skipped   person   row 4 — no employee_id",
        f"Import finished: 1 created, 0 updated, 0 unchanged, 2 skipped, 0 failed "
        f"(import run {run.pk}).",
    ]
