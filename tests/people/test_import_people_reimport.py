"""Importing the export again changes nothing; changed values are updated, and what people
said about themselves is theirs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intranet.people.models import Person
from intranet.people.services import update_own_profile
from tests.factories import UserFactory
from tests.people.people_csv import outcomes, reasons, run_import, write_csv

pytestmark = pytest.mark.django_db

HEADER = (
    "employee_id,email,first_name,last_name,preferred_name,job_title,team,base,skills,"
    "working_days,manager_email"
)
EXPORT = f"""
{HEADER}
W1,boss@westminster.gov.uk,Amir,Khan,,Director,Children's Services,City Hall,leadership,,
W2,jane@westminster.gov.uk,Jane,Smith,Janey,Social worker,Children's Services / Early Help,City Hall,GIS;BSL,mon;tue,boss@westminster.gov.uk
"""  # noqa: E501 (rows of a CSV file)


def test_a_second_run_of_the_same_file_creates_nothing_and_changes_nothing(organisation, tmp_path):
    path = write_csv(tmp_path, EXPORT)
    run_import(path)
    before = dict(Person.objects.values_list("employee_id", "updated_at"))

    rows, output = run_import(path)

    assert outcomes(rows) == {"W1": "unchanged", "W2": "unchanged"}
    assert reasons(rows) == {"W1": "", "W2": ""}
    assert "0 created, 0 updated, 2 unchanged, 0 skipped, 0 failed" in output
    assert dict(Person.objects.values_list("employee_id", "updated_at")) == before


def test_unchanged_rows_are_not_written(organisation, tmp_path):
    path = write_csv(tmp_path, EXPORT)
    run_import(path)

    with CaptureQueriesContext(connection) as queries:
        run_import(path)

    writes = [q["sql"] for q in queries if 'UPDATE "people_person"' in q["sql"]]
    assert writes == []


def test_emails_differing_only_in_case_are_the_same(organisation, tmp_path):
    run_import(write_csv(tmp_path, EXPORT))

    rows, _ = run_import(write_csv(tmp_path, EXPORT.replace("jane@", "JANE@")))

    assert outcomes(rows)["W2"] == "unchanged"


def test_changed_values_are_updated_and_named_in_the_report(organisation, tmp_path):
    run_import(write_csv(tmp_path, EXPORT))
    changed = EXPORT.replace("Social worker", "Senior social worker").replace(
        "Children's Services / Early Help", "Children's Services / Fostering"
    )

    rows, _ = run_import(write_csv(tmp_path, changed))

    assert outcomes(rows) == {"W1": "unchanged", "W2": "updated"}
    assert reasons(rows)["W2"] == "changed: job_title, team"
    jane = Person.objects.get(employee_id="W2")
    assert jane.job_title == "Senior social worker"
    assert jane.team.path == "Children's Services / Fostering"


def test_new_skills_manager_and_base_are_updated(organisation, tmp_path):
    run_import(write_csv(tmp_path, EXPORT))
    changed = f"""
    {HEADER}
    W1,boss@westminster.gov.uk,Amir,Khan,,Director,Children's Services,City Hall,leadership,,
    W2,jane@westminster.gov.uk,Jane,Smith,Janey,Social worker,Children's Services / Early Help,Lisson Grove,GIS,mon;tue,
    """  # noqa: E501 (rows of a CSV file)

    rows, _ = run_import(write_csv(tmp_path, changed))

    assert reasons(rows)["W2"] == "changed: base, skills, manager"
    jane = Person.objects.get(employee_id="W2")
    assert jane.base.name == "Lisson Grove"
    assert list(jane.skills.names()) == ["GIS"]
    assert jane.manager is None
    assert "lisson grove" in jane.search_text


def test_a_column_left_out_of_the_file_leaves_that_field_alone(organisation, tmp_path):
    run_import(write_csv(tmp_path, EXPORT))

    rows, _ = run_import(write_csv(tmp_path, "employee_id,email\nW2,jane@westminster.gov.uk"))

    assert outcomes(rows) == {"W2": "unchanged"}
    assert Person.objects.get(employee_id="W2").job_title == "Social worker"


def test_fields_the_person_edited_themself_are_not_overwritten(organisation, tmp_path):
    path = write_csv(tmp_path, EXPORT)
    run_import(path)
    jane = Person.objects.get(employee_id="W2")
    jane.preferred_name = "JJ"
    jane.working_days = "wed"
    update_own_profile(
        jane, ["preferred_name", "working_days", "skills"], UserFactory(), skills=["Makaton"]
    )

    rows, _ = run_import(path)

    assert outcomes(rows)["W2"] == "unchanged"
    jane.refresh_from_db()
    assert (jane.preferred_name, jane.working_days) == ("JJ", "wed")
    assert list(jane.skills.names()) == ["Makaton"]
