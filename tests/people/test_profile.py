"""Each listed person has a profile: who they are, where they work, how to reach them."""

import pytest
from django.test import Client

from tests.factories import OrganisationFactory, UserFactory, add_to_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def grace(organisation):
    hf = OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council", short_name="H&F")
    person = UserFactory(
        username="hf.socialcare",
        first_name="Grace",
        last_name="Mensah",
        job_title="Senior social worker",
        email="grace.mensah@lbhf.gov.uk",
        organisations=[hf, organisation],
    )
    add_to_group(person, hf, "social-care")
    return person


def test_a_profile_shows_name_job_title_organisations_and_email(staff_client: Client, grace):
    content = staff_client.get("/people/hf.socialcare/").content.decode()

    assert '<h1 class="govuk-heading-xl">Grace Mensah</h1>' in content
    assert content.count("<h1") == 1
    assert "Senior social worker" in content
    assert '<span class="commons-tag commons-org--hf">H&amp;F</span>' in content
    assert '<span class="commons-tag commons-org--wcc">Westminster</span>' in content
    assert (
        '<a class="govuk-link" href="mailto:grace.mensah@lbhf.gov.uk">grace.mensah@lbhf.gov.uk</a>'
        in content
    )
    assert 'class="govuk-summary-list"' in content


def test_a_profile_lists_the_organisation_groups_a_person_is_in(staff_client: Client, grace):
    content = staff_client.get("/people/hf.socialcare/").content.decode()

    assert "hf/social-care" in content


def test_plain_django_groups_are_not_listed_as_organisation_groups(staff_client: Client, grace):
    from django.contrib.auth.models import Group

    grace.groups.add(Group.objects.create(name="Legacy mailing list"))

    assert "Legacy mailing list" not in staff_client.get("/people/hf.socialcare/").content.decode()


def test_a_profile_leads_back_to_the_directory(staff_client: Client, grace):
    content = staff_client.get("/people/hf.socialcare/").content.decode()

    assert '<a class="govuk-breadcrumbs__link" href="/people/">People</a>' in content


def test_an_inactive_persons_profile_is_not_found(staff_client: Client, grace):
    grace.is_active = False
    grace.save()

    assert staff_client.get("/people/hf.socialcare/").status_code == 404


def test_the_profile_of_someone_with_no_membership_is_not_found(staff_client: Client, organisation):
    UserFactory(username="contractor")

    assert staff_client.get("/people/contractor/").status_code == 404
    assert staff_client.get("/people/no-such-person/").status_code == 404
