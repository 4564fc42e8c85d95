"""A bad row is skipped with the reason, and the good rows around it are imported."""

import pytest

from intranet.people.models import Person
from tests.factories import PersonFactory
from tests.people.people_csv import reasons, run_import, write_csv

pytestmark = pytest.mark.django_db

EXPORT = """
employee_id,email,first_name,last_name,working_days
W1,amir@westminster.gov.uk,Amir,Khan,
W2,jane at westminster,Jane,Smith,
,nobody@westminster.gov.uk,No,Id,
W3,,No,Email,
W1,amir.again@westminster.gov.uk,Amir,Again,
W4,li@westminster.gov.uk,Li,Wei,mon;funday
W5,AMIR@westminster.gov.uk,Other,Amir,
W6,zoe@westminster.gov.uk,Zoë,Smith-Jones,
"""


@pytest.fixture
def rows(organisation, tmp_path):
    return run_import(write_csv(tmp_path, EXPORT))[0]


def test_good_rows_are_imported_around_bad_ones(rows):
    assert [(row["source_id"], row["outcome"]) for row in rows] == [
        ("W1", "created"),
        ("W2", "skipped"),
        ("row 4", "skipped"),
        ("W3", "skipped"),
        ("W1", "skipped"),
        ("W4", "skipped"),
        ("W5", "skipped"),
        ("W6", "created"),
    ]
    assert sorted(Person.objects.values_list("employee_id", flat=True)) == ["W1", "W6"]


def test_every_row_is_reported_exactly_once(rows):
    assert [row["source_id"] for row in rows] == [
        "W1", "W2", "row 4", "W3", "W1", "W4", "W5", "W6",
    ]  # fmt: skip


def test_bad_rows_say_exactly_what_is_wrong(rows):
    assert [row["reason"] for row in rows if row["outcome"] == "skipped"] == [
        "email 'jane at westminster' is not a valid email address",
        "no employee_id",
        "no email",
        "employee_id W1 is already on row 2",
        "working_days: 'funday' is not a day of the week",
        "email amir@westminster.gov.uk is already used by another person",
    ]


def test_the_first_of_two_rows_with_one_employee_id_wins(rows):
    assert Person.objects.get(employee_id="W1").last_name == "Khan"


def test_an_email_another_person_already_has_skips_the_row(organisation, hf, tmp_path):
    PersonFactory(organisation=hf, email="Jane.Smith@westminster.gov.uk")
    path = write_csv(tmp_path, "employee_id,email\nW1,jane.smith@westminster.gov.uk")

    rows, _ = run_import(path)

    assert reasons(rows) == {
        "W1": "email jane.smith@westminster.gov.uk is already used by another person"
    }
    assert not Person.objects.filter(employee_id="W1").exists()


def test_a_value_too_long_for_its_field_skips_the_row(organisation, tmp_path):
    path = write_csv(tmp_path, f"employee_id,email,job_title\nW1,a@westminster.gov.uk,{'x' * 201}")

    rows, _ = run_import(path)

    assert reasons(rows) == {"W1": "job_title is longer than 200 characters"}
