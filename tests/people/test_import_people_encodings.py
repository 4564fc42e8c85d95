"""Exports as councils' systems and Excel save them: UTF-8 with or without a byte order mark,
Windows-1252, semicolons, headers in any case and with stray spaces."""

import pytest

from intranet.people.models import Person
from tests.people.people_csv import outcomes, run_import, write_csv

pytestmark = pytest.mark.django_db

NAMES = """
employee_id,email,first_name,last_name
W1,siobhan@westminster.gov.uk,Siobhán,O'Brien
W2,zoe@westminster.gov.uk,Zoë,Smith-Jones
"""


def names() -> list[tuple[str, str]]:
    return list(Person.objects.order_by("employee_id").values_list("first_name", "last_name"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_accented_names_arrive_intact_in_any_usual_encoding(organisation, tmp_path, encoding):
    rows, _ = run_import(write_csv(tmp_path, NAMES, encoding=encoding))

    assert outcomes(rows) == {"W1": "created", "W2": "created"}
    assert names() == [("Siobhán", "O'Brien"), ("Zoë", "Smith-Jones")]


def test_the_same_people_in_another_encoding_are_unchanged(organisation, tmp_path):
    run_import(write_csv(tmp_path, NAMES, encoding="utf-8-sig"))

    rows, _ = run_import(write_csv(tmp_path, NAMES, name="ansi.csv", encoding="cp1252"))

    assert outcomes(rows) == {"W1": "unchanged", "W2": "unchanged"}


def test_semicolon_separated_files_from_excel_are_read(organisation, tmp_path):
    path = write_csv(tmp_path, NAMES.replace(",", ";"), encoding="cp1252")

    rows, _ = run_import(path)

    assert outcomes(rows) == {"W1": "created", "W2": "created"}
    assert names() == [("Siobhán", "O'Brien"), ("Zoë", "Smith-Jones")]


def test_headers_match_in_any_case_and_cells_lose_stray_spaces(organisation, tmp_path):
    text = """
    " Employee_ID ", EMAIL ,First_Name,  last_name  ,Job Title
    "  W1 ", " Siobhan@Westminster.gov.uk ", Siobhán ,  O'Brien  ,"  Team   leader "
    """

    rows, output = run_import(write_csv(tmp_path, text))

    assert outcomes(rows) == {"W1": "created"}
    assert "Ignored columns" not in output
    person = Person.objects.get()
    assert (person.employee_id, person.email) == ("W1", "siobhan@westminster.gov.uk")
    assert (person.first_name, person.last_name) == ("Siobhán", "O'Brien")
    assert person.job_title == "Team leader"


def test_blank_lines_are_not_rows(organisation, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("\nemployee_id;email\n\nW1;a@westminster.gov.uk\n;\n;;\n")

    rows, _ = run_import(path)

    assert outcomes(rows) == {"W1": "created"}
