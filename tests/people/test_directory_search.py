"""Staff find colleagues by part of a name, job, team, skill or building, accents folded,
and narrow the list by organisation, team, skill, usual base and where people work today."""

import datetime

import pytest
from django.test import Client

from intranet.people.selectors import DirectoryFilters, directory_people
from intranet.people.services import ensure_building, ensure_team, set_work_location
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(organisation, hf):
    early_help = ensure_team(hf, ["Children's Services", "Early Help"])
    town_hall = ensure_building(hf, "Hammersmith Town Hall")
    grace = PersonFactory(
        organisation=hf,
        first_name="Grace",
        last_name="Mensah",
        job_title="Senior social worker",
        email="grace.mensah@lbhf.gov.uk",
        team=early_help,
        base=town_hall,
        skills=["Safeguarding", "BSL"],
    )
    siobhan = PersonFactory(
        organisation=organisation,
        first_name="Siobhán",
        last_name="O’Brien",
        preferred_name="Zoë",
        job_title="Parking services officer",
        email="siobhan.obrien@westminster.gov.uk",
    )
    return {"grace": grace, "siobhan": siobhan, "early_help": early_help, "hall": town_hall}


def found(user, **filters) -> set[str]:
    return {person.last_name for person in directory_people(user, DirectoryFilters(**filters))}


@pytest.mark.parametrize(
    "q",
    ["grace", "MENSAH", "social WORKER", "lbhf.gov", "Grace Mensah", "grac", "early help", "bsl"],
    ids=[
        "first name",
        "last name",
        "job title",
        "email",
        "full name",
        "part of a name",
        "team",
        "skill",
    ],
)
def test_the_search_matches_names_job_titles_emails_teams_and_skills_in_any_case(
    staff_user, people, q
):
    assert found(staff_user, q=q) == {"Mensah"}


@pytest.mark.parametrize("q", ["Siobhan", "siobhán", "zoe", "obrien", "o'brien", "sio"])
def test_accents_and_apostrophes_are_folded_both_ways(staff_user, people, q):
    assert found(staff_user, q=q) == {"O’Brien"}


def test_the_search_matches_the_usual_base(staff_user, people):
    assert found(staff_user, q="hammersmith town") == {"Mensah"}


def test_every_word_of_the_search_must_match(staff_user, people):
    assert found(staff_user, q="grace parking") == set()


def test_the_filters_keep_an_organisation_a_team_and_below_a_skill_and_a_base(
    staff_user, people, hf, organisation
):
    parent = people["early_help"].parent

    assert found(staff_user, organisation=hf) == {"Mensah"}
    assert found(staff_user, organisation=organisation) == {"O’Brien"}
    assert found(staff_user, team=parent) == {"Mensah"}
    assert found(staff_user, skill="safeguarding") == {"Mensah"}
    assert found(staff_user, building=people["hall"]) == {"Mensah"}


def test_working_today_at_counts_who_said_so_and_who_is_there_as_usual(staff_user, people):
    monday = datetime.date(2026, 12, 7)
    hall = people["hall"]
    set_work_location(people["siobhan"], monday, building=hall)

    assert found(staff_user, working_at=hall, day=monday) == {"Mensah", "O’Brien"}

    set_work_location(people["grace"], monday, remote=True)
    assert found(staff_user, working_at=hall, day=monday) == {"O’Brien"}
    # Saturday is not one of Grace's (default) working days.
    assert found(staff_user, working_at=hall, day=datetime.date(2026, 12, 12)) == set()


def test_the_page_combines_search_and_organisation(staff_client: Client, people):
    content = staff_client.get("/people/?q=officer&org=wcc").content.decode()

    assert "Zoë O’Brien" in content
    assert "Grace Mensah" not in content
    assert '<option value="wcc" selected>Westminster City Council</option>' in content
    assert 'value="officer"' in content
    assert "1 person matching “officer” in Westminster City Council" in content


def test_unknown_filter_values_are_ignored(staff_client: Client, people):
    content = staff_client.get("/people/?org=nowhere&team=x&building=999999").content.decode()

    assert "Zoë O’Brien" in content and "Grace Mensah" in content


def test_a_search_that_finds_no_one_says_so(staff_client: Client, people):
    content = staff_client.get("/people/?q=zzzz").content.decode()

    assert "0 people matching “zzzz”" in content
    assert "No one matches" in content


def test_someone_outside_every_partner_organisation_finds_no_one(people):
    assert found(UserFactory(username="contractor"), q="grace") == set()
