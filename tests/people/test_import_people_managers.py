"""Managers are linked by email: to someone earlier or later in the file, or already in the
directory. A manager nobody has is reported; the person is imported all the same."""

import pytest

from intranet.people.models import Person
from tests.factories import PersonFactory
from tests.people.people_csv import outcomes, reasons, run_import, write_csv

pytestmark = pytest.mark.django_db


def manager_of(employee_id: str) -> str | None:
    manager = Person.objects.get(employee_id=employee_id).manager
    return manager.employee_id if manager else None


def test_a_manager_later_in_the_file_is_linked_in_a_second_pass(organisation, tmp_path):
    path = write_csv(
        tmp_path,
        """
        employee_id,email,manager_email
        W2,jane@westminster.gov.uk,Amir@westminster.gov.uk
        W1,amir@westminster.gov.uk,
        """,
    )

    rows, _ = run_import(path)

    assert outcomes(rows) == {"W2": "created", "W1": "created"}
    assert reasons(rows) == {"W2": "", "W1": ""}
    assert manager_of("W2") == "W1"


def test_a_manager_earlier_in_the_file_is_linked(organisation, tmp_path):
    path = write_csv(
        tmp_path,
        """
        employee_id,email,manager_email
        W1,amir@westminster.gov.uk,
        W2,jane@westminster.gov.uk,amir@westminster.gov.uk
        """,
    )

    run_import(path)

    assert manager_of("W2") == "W1"


def test_a_manager_already_in_the_directory_is_linked(organisation, hf, tmp_path):
    PersonFactory(organisation=hf, employee_id="H9", email="shared.head@lbhf.gov.uk")
    path = write_csv(
        tmp_path, "employee_id,email,manager_email\nW2,j@westminster.gov.uk,shared.head@lbhf.gov.uk"
    )

    run_import(path)

    assert manager_of("W2") == "H9"


def test_a_manager_nobody_has_is_reported_and_the_person_imported(organisation, tmp_path):
    path = write_csv(
        tmp_path,
        "employee_id,email,manager_email\nW2,j@westminster.gov.uk,ghost@westminster.gov.uk",
    )

    rows, _ = run_import(path)

    assert outcomes(rows) == {"W2": "created"}
    assert reasons(rows) == {"W2": "manager ghost@westminster.gov.uk not found"}
    assert manager_of("W2") is None


def test_re_importing_with_a_manager_found_later_changes_nothing(organisation, tmp_path):
    path = write_csv(
        tmp_path,
        """
        employee_id,email,manager_email
        W2,jane@westminster.gov.uk,amir@westminster.gov.uk
        W1,amir@westminster.gov.uk,
        """,
    )
    run_import(path)

    rows, _ = run_import(path)

    assert outcomes(rows) == {"W2": "unchanged", "W1": "unchanged"}


def test_a_new_manager_later_in_the_file_updates_the_person(organisation, tmp_path):
    run_import(
        write_csv(
            tmp_path,
            """
            employee_id,email,manager_email
            W2,jane@westminster.gov.uk,amir@westminster.gov.uk
            W1,amir@westminster.gov.uk,
            """,
        )
    )

    rows, _ = run_import(
        write_csv(
            tmp_path,
            """
            employee_id,email,manager_email
            W2,jane@westminster.gov.uk,li@westminster.gov.uk
            W1,amir@westminster.gov.uk,
            W3,li@westminster.gov.uk,
            """,
        )
    )

    assert outcomes(rows) == {"W2": "updated", "W1": "unchanged", "W3": "created"}
    assert reasons(rows)["W2"] == "changed: manager"
    assert manager_of("W2") == "W3"


def test_a_loop_of_managers_is_stored_as_the_export_says(organisation, tmp_path):
    path = write_csv(
        tmp_path,
        """
        employee_id,email,manager_email
        W1,amir@westminster.gov.uk,jane@westminster.gov.uk
        W2,jane@westminster.gov.uk,amir@westminster.gov.uk
        """,
    )

    run_import(path)

    assert (manager_of("W1"), manager_of("W2")) == ("W2", "W1")
