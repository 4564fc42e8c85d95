"""``--dry-run`` reports what the import would do and writes nothing at all."""

import pytest

from intranet.imports.models import ImportItem, ImportRun
from intranet.people.models import Building, Person, PersonSkill, Team
from tests.people.people_csv import outcomes, reasons, run_import, write_csv

pytestmark = pytest.mark.django_db

EXPORT = """
employee_id,email,first_name,last_name,job_title,team,base,skills,manager_email
W2,jane@westminster.gov.uk,Jane,Smith,Social worker,Children's Services / Early Help,City Hall,GIS,amir@westminster.gov.uk
W1,amir@westminster.gov.uk,Amir,Khan,Director,Children's Services,City Hall,,
W3,bad-email,Li,Wei,,,,,ghost@westminster.gov.uk
"""  # noqa: E501 (rows of a CSV file)


def counts() -> dict[str, int]:
    models = (Person, Team, Building, PersonSkill, ImportRun, ImportItem)
    return {model.__name__: model.objects.count() for model in models}


def test_a_dry_run_writes_nothing_and_reports_what_would_happen(organisation, tmp_path):
    before = counts()

    rows, output = run_import(write_csv(tmp_path, EXPORT), "--dry-run")

    assert counts() == before
    assert outcomes(rows) == {"W2": "created", "W1": "created", "W3": "skipped"}
    assert "(dry run: nothing was written)" in output


def test_a_dry_run_reports_updates_and_leavers_without_making_them(organisation, tmp_path):
    run_import(write_csv(tmp_path, EXPORT))
    before = counts()
    changed = EXPORT.replace("Director", "Chief executive").replace(
        "W2,jane@westminster.gov.uk", "W9,new@westminster.gov.uk"
    )

    rows, _ = run_import(write_csv(tmp_path, changed), "--dry-run", "--full")

    assert counts() == before
    assert outcomes(rows) == {"W9": "created", "W1": "updated", "W3": "skipped", "W2": "updated"}
    assert reasons(rows)["W1"] == "changed: job_title"
    assert reasons(rows)["W2"] == "left: not in the export"
    assert Person.objects.get(employee_id="W1").job_title == "Director"
    assert not Person.objects.filter(left_on__isnull=False).exists()
