"""The address book lists active members of every partner organisation, by last name."""

import pytest
from django.test import Client

from tests.clients import signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_directory_lists_members_of_every_organisation(staff_client: Client, organisation, hf):
    UserFactory(
        username="hf.social",
        first_name="Grace",
        last_name="Mensah",
        job_title="Senior social worker",
        organisations=[hf],
    )

    content = staff_client.get("/people/").content.decode()

    assert '<a class="govuk-link" href="/people/hf.social/">Grace Mensah</a>' in content
    assert "Senior social worker" in content
    assert '<span class="commons-tag commons-org--hf">H&amp;F</span>' in content
    assert '<a class="govuk-link" href="mailto:hf.social@example.gov.uk">' in content
    assert "/people/wcc.staff/" in content


def test_the_directory_leaves_out_inactive_people_and_people_without_a_membership(
    staff_client: Client, organisation
):
    UserFactory(username="left", last_name="Leaver", is_active=False, organisations=[organisation])
    UserFactory(username="nobody", last_name="Unattached")

    content = staff_client.get("/people/").content.decode()

    assert "/people/left/" not in content
    assert "/people/nobody/" not in content
    assert "1 person" in content


def test_the_directory_is_sorted_by_last_name_then_first_name(staff_client: Client, organisation):
    for username, first, last in [
        ("c", "Zoe", "Adams"),
        ("a", "Ann", "Young"),
        ("b", "Aaron", "adams"),
    ]:
        UserFactory(
            username=username, first_name=first, last_name=last, organisations=[organisation]
        )

    content = staff_client.get("/people/?q=a").content.decode()

    assert content.index("Aaron adams") < content.index("Zoe Adams") < content.index("Ann Young")


def test_a_person_in_two_organisations_is_listed_once_with_both(
    staff_client: Client, organisation, hf
):
    UserFactory(username="shared", last_name="Sharer", organisations=[organisation, hf])

    content = staff_client.get("/people/?q=sharer").content.decode()

    assert content.count('href="/people/shared/"') == 1
    assert "commons-org--hf" in content and "commons-org--wcc" in content


def test_the_directory_is_a_single_accessible_table(staff_client: Client):
    content = staff_client.get("/people/").content.decode()

    assert content.count("<h1") == 1
    assert '<caption class="govuk-table__caption' in content
    # On a phone the table scrolls in its own keyboard-focusable box, not the whole page.
    assert 'role="region" aria-labelledby="people-caption" tabindex="0"' in content
    assert '<th scope="col" class="govuk-table__header">Job title</th>' in content
    assert '<label class="govuk-label" for="people-q">' in content
    assert '<label class="govuk-label" for="people-org">' in content


def test_signed_in_people_who_belong_to_no_organisation_cannot_browse_it(organisation):
    outsider = signed_in(UserFactory(username="contractor"))

    assert outsider.get("/people/").status_code == 404
    assert outsider.get("/people/wcc.staff/").status_code == 404


def test_platform_operators_can_browse_it_without_a_membership(staff_user):
    operator = signed_in(UserFactory(username="operator", is_superuser=True))

    assert "/people/wcc.staff/" in operator.get("/people/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(staff_user):
    response = Client().get("/people/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
