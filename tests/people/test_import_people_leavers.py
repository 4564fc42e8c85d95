"""``--full``: the export lists everyone, so whoever it leaves out has left; a leaver who comes
back in a later export is current staff again. Nobody is ever deleted."""

import pytest
from django.utils import timezone

from intranet.people.models import Person
from tests.factories import PersonFactory
from tests.people.people_csv import outcomes, reasons, run_import, write_csv

pytestmark = pytest.mark.django_db

EVERYONE = """
employee_id,email,first_name,last_name
W1,amir@westminster.gov.uk,Amir,Khan
W2,jane@westminster.gov.uk,Jane,Smith
W3,li@westminster.gov.uk,Li,Wei
"""
WITHOUT_JANE = """
employee_id,email,first_name,last_name
W1,amir@westminster.gov.uk,Amir,Khan
W3,li@westminster.gov.uk,Li,Wei
"""


def test_people_missing_from_a_full_export_are_marked_as_leavers(organisation, tmp_path):
    run_import(write_csv(tmp_path, EVERYONE))

    rows, _ = run_import(write_csv(tmp_path, WITHOUT_JANE), "--full")

    assert outcomes(rows) == {"W1": "unchanged", "W3": "unchanged", "W2": "updated"}
    assert reasons(rows)["W2"] == "left: not in the export"
    jane = Person.objects.get(employee_id="W2")
    assert jane.left_on == timezone.localdate()
    assert rows[-1]["target_url"] == f"/people/{jane.slug}/"
    assert Person.objects.count() == 3


def test_without_full_nobody_is_marked_as_a_leaver(organisation, tmp_path):
    run_import(write_csv(tmp_path, EVERYONE))

    rows, _ = run_import(write_csv(tmp_path, WITHOUT_JANE))

    assert "W2" not in outcomes(rows)
    assert not Person.objects.filter(left_on__isnull=False).exists()


def test_a_leaver_is_reported_once_and_not_again(organisation, tmp_path):
    run_import(write_csv(tmp_path, EVERYONE))
    run_import(write_csv(tmp_path, WITHOUT_JANE), "--full")

    rows, _ = run_import(write_csv(tmp_path, WITHOUT_JANE), "--full")

    assert outcomes(rows) == {"W1": "unchanged", "W3": "unchanged"}


def test_a_leaver_back_in_the_export_is_current_staff_again(organisation, tmp_path):
    run_import(write_csv(tmp_path, EVERYONE))
    run_import(write_csv(tmp_path, WITHOUT_JANE), "--full")

    rows, _ = run_import(write_csv(tmp_path, EVERYONE), "--full")

    assert outcomes(rows)["W2"] == "updated"
    assert reasons(rows)["W2"] == "back in the export: no longer a leaver"
    assert Person.objects.get(employee_id="W2").left_on is None


def test_a_skipped_row_still_counts_as_in_the_export(organisation, tmp_path):
    run_import(write_csv(tmp_path, EVERYONE))

    rows, _ = run_import(write_csv(tmp_path, EVERYONE.replace("jane@", "jane at ")), "--full")

    assert outcomes(rows)["W2"] == "skipped"
    assert Person.objects.get(employee_id="W2").left_on is None


def test_other_organisations_and_people_without_an_employee_id_are_left_alone(
    organisation, hf, tmp_path
):
    partner = PersonFactory(organisation=hf, employee_id="H1")
    by_hand = PersonFactory(organisation=organisation, employee_id="")

    run_import(write_csv(tmp_path, WITHOUT_JANE), "--full")

    partner.refresh_from_db()
    by_hand.refresh_from_db()
    assert partner.left_on is None
    assert by_hand.left_on is None
