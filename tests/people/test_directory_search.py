"""Staff narrow the address book by a search term and by organisation."""

import pytest
from django.test import Client

from intranet.people.selectors import directory_people
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(organisation):
    hf = OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council", short_name="H&F")
    UserFactory(
        username="gm042",
        first_name="Grace",
        last_name="Mensah",
        job_title="Senior social worker",
        email="grace.mensah@lbhf.gov.uk",
        organisations=[hf],
    )
    UserFactory(
        username="daniel",
        first_name="Daniel",
        last_name="Clarke",
        job_title="Parking services officer",
        email="daniel.clarke@westminster.gov.uk",
        organisations=[organisation],
    )
    return hf


def usernames(q="", organisation_slug="") -> set[str]:
    return set(directory_people(q, organisation_slug).values_list("username", flat=True))


@pytest.mark.parametrize(
    "q",
    ["grace", "MENSAH", "social WORKER", "lbhf.gov", "Grace Mensah", "grac"],
    ids=["first name", "last name", "job title", "email", "full name", "part of a name"],
)
def test_the_search_matches_names_job_titles_and_emails_in_any_case(people, q):
    assert usernames(q) == {"gm042"}


def test_the_search_matches_usernames(people):
    assert usernames("GM04") == {"gm042"}


def test_every_word_of_the_search_must_match(people):
    assert usernames("grace parking") == set()


def test_the_organisation_filter_keeps_that_organisations_members(people):
    assert usernames(organisation_slug="hf") == {"gm042"}
    assert usernames(organisation_slug="wcc") == {"daniel"}


def test_the_page_combines_search_and_organisation(staff_client: Client, people):
    content = staff_client.get("/people/?q=officer&org=wcc").content.decode()

    assert "Daniel Clarke" in content
    assert "Grace Mensah" not in content
    assert '<option value="wcc" selected>Westminster City Council</option>' in content
    assert 'value="officer"' in content
    assert "1 person matching “officer” in Westminster City Council" in content


def test_an_unknown_organisation_is_ignored(staff_client: Client, people):
    content = staff_client.get("/people/?org=nowhere").content.decode()

    assert "Daniel Clarke" in content and "Grace Mensah" in content


def test_a_search_that_finds_no_one_says_so(staff_client: Client, people):
    content = staff_client.get("/people/?q=zzzz").content.decode()

    assert "0 people matching “zzzz”" in content
    assert "No one matches" in content
    assert "<table" not in content
