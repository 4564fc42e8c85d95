"""The command refuses to start, with one clear line and nothing written, when it cannot."""

import pytest
from django.core.management import CommandError, call_command

from intranet.imports.models import ImportRun
from intranet.people.models import Person
from tests.people.people_csv import write_csv

pytestmark = pytest.mark.django_db


def refusal(path, *args: str, org: str = "wcc") -> str:
    with pytest.raises(CommandError) as error:
        call_command("import_people", str(path), "--org", org, *args)
    assert not Person.objects.exists()
    assert not ImportRun.objects.exists()
    return str(error.value)


def test_a_missing_file(organisation, tmp_path):
    path = tmp_path / "nowhere.csv"

    assert refusal(path) == f"The file {path} does not exist."


def test_an_unknown_organisation(organisation, tmp_path):
    path = write_csv(tmp_path, "employee_id,email\nW1,a@westminster.gov.uk")

    assert refusal(path, org="nope") == "There is no organisation with the short code 'nope'."


def test_an_empty_file(organisation, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n  \r\n")

    assert refusal(path) == (
        f"The file {path} is empty: it needs a header row naming its columns, "
        "e.g. employee_id,email."
    )


def test_a_file_without_a_header_row(organisation, tmp_path):
    path = write_csv(tmp_path, "W1,a@westminster.gov.uk\nW2,b@westminster.gov.uk")

    assert refusal(path) == (
        f"The file {path} has no header row: its first line must name the columns, "
        "e.g. employee_id,email."
    )


def test_a_missing_required_column(organisation, tmp_path):
    path = write_csv(tmp_path, "employee_id,first_name\nW1,Amir")

    assert refusal(path) == (
        f"The file {path} has no email column: the header row must name employee_id and email."
    )


def test_a_full_import_of_a_file_that_lists_nobody(organisation, tmp_path):
    path = write_csv(tmp_path, "employee_id,email")

    assert refusal(path, "--full") == (
        f"The file {path} lists nobody: with --full everyone in wcc would be marked as a "
        "leaver, so nothing was done."
    )
