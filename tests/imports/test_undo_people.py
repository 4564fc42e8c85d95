"""`import_undo` takes back an HR import: people it added are removed, people it changed
(a new job title, a manager linked in the second pass, a leaver marked by --full) are put
back as they were."""

from io import StringIO

import pytest
from django.core.management import call_command

from intranet.imports.models import ImportRun
from intranet.people.models import Person
from tests.people.people_csv import run_import, write_csv

pytestmark = pytest.mark.django_db

FIRST = """
employee_id,email,first_name,last_name,job_title,manager_email
W1,boss@westminster.gov.uk,Amir,Khan,Director,
W2,jane@westminster.gov.uk,Jane,Smith,Social worker,
W3,leaver@westminster.gov.uk,Lee,Vaughan,Clerk,
"""
SECOND = """
employee_id,email,first_name,last_name,job_title,manager_email
W1,boss@westminster.gov.uk,Amir,Khan,Director,
W2,jane@westminster.gov.uk,Jane,Smith,Senior social worker,boss@westminster.gov.uk
W4,new@westminster.gov.uk,Nia,Okafor,Apprentice,
"""


def undo_latest() -> str:
    out = StringIO()
    call_command("import_undo", str(ImportRun.objects.order_by("-pk").first().pk), stdout=out)
    return out.getvalue().strip()


def test_undoing_a_first_import_removes_everyone_it_added(organisation, tmp_path):
    run_import(write_csv(tmp_path, FIRST))

    assert undo_latest().endswith(": 3 removed, 0 restored.")

    assert not Person.objects.exists()


def test_undoing_a_second_import_restores_titles_managers_and_leavers(organisation, tmp_path):
    run_import(write_csv(tmp_path, FIRST))
    run_import(write_csv(tmp_path, SECOND, name="second.csv"), "--full")
    jane = Person.objects.get(employee_id="W2")
    assert (jane.job_title, jane.manager.employee_id) == ("Senior social worker", "W1")
    assert Person.objects.get(employee_id="W3").left_on is not None

    assert undo_latest().endswith(": 1 removed, 2 restored.")

    jane.refresh_from_db()
    assert (jane.job_title, jane.manager_id) == ("Social worker", None)
    assert Person.objects.get(employee_id="W3").left_on is None
    assert not Person.objects.filter(employee_id="W4").exists()
