"""An HR export becomes people in the directory, with their teams, bases, skills and days."""

import pytest

from intranet.people.models import Building, Person, Team
from tests.factories import OrganisationFactory, UserFactory
from tests.people.people_csv import outcomes, run_import, write_csv

pytestmark = pytest.mark.django_db

EXPORT = """
employee_id,email,first_name,last_name,preferred_name,pronouns,job_title,team,phone,mobile,base,skills,languages,working_days
W100,Jane.Smith@westminster.gov.uk,Jane,Smith,,she/her,Early help worker,Children's Services / Early Help,020 7641 0001,07700 900001,City Hall,safeguarding; BSL,English;Polish,mon;Tue;thursday
W101,amir.khan@westminster.gov.uk,Amir,Khan,Am,,Head of early help,Children's Services,020 7641 0002,,City Hall,,,
"""  # noqa: E501 (rows of a CSV file)


def test_each_row_becomes_a_person_of_the_organisation(organisation, tmp_path):
    rows, _ = run_import(write_csv(tmp_path, EXPORT))

    assert outcomes(rows) == {"W100": "created", "W101": "created"}
    jane = Person.objects.get(employee_id="W100")
    assert jane.organisation == organisation
    assert (jane.first_name, jane.last_name, jane.pronouns) == ("Jane", "Smith", "she/her")
    assert jane.job_title == "Early help worker"
    assert jane.email == "jane.smith@westminster.gov.uk"
    assert (jane.work_phone, jane.mobile_phone) == ("020 7641 0001", "07700 900001")
    assert jane.languages == "English, Polish"
    assert Person.objects.get(employee_id="W101").preferred_name == "Am"


def test_the_report_links_each_person_to_their_profile(organisation, tmp_path):
    rows, _ = run_import(write_csv(tmp_path, EXPORT))

    jane = Person.objects.get(employee_id="W100")
    assert rows[0]["target_url"] == f"/people/{jane.slug}/"
    assert rows[0]["kind"] == "person"


def test_team_paths_become_a_tree_of_teams_shared_by_their_members(organisation, tmp_path):
    run_import(write_csv(tmp_path, EXPORT))

    early_help = Team.objects.get(
        organisation=organisation, path="Children's Services / Early Help"
    )
    assert early_help.name == "Early Help"
    assert early_help.parent.path == "Children's Services"
    assert Person.objects.get(employee_id="W100").team == early_help
    assert Person.objects.get(employee_id="W101").team == early_help.parent
    assert Team.objects.count() == 2


def test_a_base_becomes_one_building_of_the_organisation(organisation, tmp_path):
    run_import(write_csv(tmp_path, EXPORT))

    building = Building.objects.get()
    assert (building.organisation, building.name) == (organisation, "City Hall")
    assert set(Person.objects.values_list("base", flat=True)) == {building.pk}


def test_skills_are_separated_by_semicolons(organisation, tmp_path):
    run_import(write_csv(tmp_path, EXPORT))

    assert set(Person.objects.get(employee_id="W100").skills.names()) == {"safeguarding", "BSL"}


def test_working_days_are_stored_as_weekday_codes_whatever_their_spelling(organisation, tmp_path):
    run_import(write_csv(tmp_path, EXPORT))

    assert Person.objects.get(employee_id="W100").working_days == "mon,tue,thu"
    assert Person.objects.get(employee_id="W101").working_days == ""


def test_an_account_with_the_same_email_becomes_the_persons_account(organisation, tmp_path):
    account = UserFactory(username="jsmith", email="JANE.SMITH@westminster.gov.uk")

    run_import(write_csv(tmp_path, EXPORT))

    assert Person.objects.get(employee_id="W100").user == account


def test_the_same_employee_id_in_two_organisations_is_two_people(organisation, tmp_path):
    OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council")
    run_import(write_csv(tmp_path, "employee_id,email\nE1,a@westminster.gov.uk"))

    rows, _ = run_import(write_csv(tmp_path, "employee_id,email\nE1,a@lbhf.gov.uk"), org="hf")

    assert outcomes(rows) == {"E1": "created"}
    assert Person.objects.filter(employee_id="E1").count() == 2


def test_columns_it_does_not_know_are_named_once_and_ignored(organisation, tmp_path):
    path = write_csv(
        tmp_path, "employee_id,email,Shoe size,cost centre\nE1,a@westminster.gov.uk,9,"
    )

    rows, output = run_import(path)

    assert outcomes(rows) == {"E1": "created"}
    assert output.count("Ignored columns: Shoe size, cost centre") == 1


def test_people_with_the_same_name_get_their_own_profile_addresses(organisation, tmp_path):
    path = write_csv(
        tmp_path,
        """
        employee_id,email,first_name,last_name
        W1,jane.smith@westminster.gov.uk,Jane,Smith
        W2,jane.smith2@westminster.gov.uk,Jane,Smith
        W3,jane.smithson@westminster.gov.uk,Jane,Smithson
        """,
    )

    run_import(path)

    slugs = Person.objects.order_by("employee_id").values_list("slug", flat=True)
    assert list(slugs) == ["jane-smith", "jane-smith-2", "jane-smithson"]
