"""The address book lists the staff of every partner organisation (people, not accounts)."""

import datetime

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from intranet.access.choices import Audience
from tests.clients import signed_in
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_directory_lists_people_of_every_organisation_whether_or_not_they_signed_in(
    staff_client: Client, organisation, hf
):
    PersonFactory(
        organisation=hf,
        first_name="Grace",
        last_name="Mensah",
        job_title="Senior social worker",
        email="grace.mensah@lbhf.gov.uk",
        work_phone="020 7946 0123",
    )

    content = staff_client.get("/people/").content.decode()

    assert '<a class="govuk-link" href="/people/grace-mensah/">Grace Mensah</a>' in content
    assert "Senior social worker" in content
    assert '<span class="commons-tag commons-org--hf">H&amp;F</span>' in content
    assert '<a class="govuk-link" href="mailto:grace.mensah@lbhf.gov.uk">' in content
    assert '<a class="govuk-link" href="tel:02079460123">020 7946 0123</a>' in content


def test_the_directory_shows_preferred_names_and_pronouns(staff_client: Client, organisation):
    PersonFactory(
        organisation=organisation,
        first_name="Elizabeth",
        preferred_name="Liz",
        last_name="Okafor",
        pronouns="she/her",
    )

    content = staff_client.get("/people/").content.decode()

    assert '<a class="govuk-link" href="/people/elizabeth-okafor/">Liz Okafor</a>' in content
    assert "(she/her)" in content


@override_settings(PEOPLE_LEAVER_GRACE_DAYS=30)
def test_leavers_are_listed_during_the_grace_period_and_hidden_after_it(
    staff_client: Client, organisation
):
    today = timezone.localdate()
    PersonFactory(organisation=organisation, last_name="Recent", left_on=today)
    PersonFactory(
        organisation=organisation,
        last_name="Longgone",
        left_on=today - datetime.timedelta(days=31),
    )

    content = staff_client.get("/people/").content.decode()

    assert "Recent" in content and "Left</strong>" in content
    assert "Longgone" not in content
    assert "1 person" in content


def test_people_listed_to_their_own_organisation_only_are_hidden_from_partners(
    staff_client: Client, organisation, hf
):
    PersonFactory(organisation=hf, last_name="Confidential", audience=Audience.ORGANISATION)
    PersonFactory(organisation=organisation, last_name="Colleague", audience=Audience.ORGANISATION)

    content = staff_client.get("/people/").content.decode()

    assert "Confidential" not in content
    assert "Colleague" in content


def test_the_directory_is_sorted_by_last_name_then_first_name(staff_client: Client, organisation):
    for first, last in [("Zoe", "Adams"), ("Ann", "Young"), ("Aaron", "adams")]:
        PersonFactory(organisation=organisation, first_name=first, last_name=last)

    content = staff_client.get("/people/?q=a").content.decode()

    assert content.index("Aaron adams") < content.index("Zoe Adams") < content.index("Ann Young")


def test_the_directory_has_one_heading_and_labelled_filters(staff_client: Client):
    content = staff_client.get("/people/").content.decode()

    assert content.count("<h1") == 1
    for field in ("people-q", "people-org", "people-team", "people-skill", "people-building"):
        assert f'for="{field}"' in content
    assert '<label class="govuk-label govuk-label--s" for="people-working">Working today at' in (
        content
    )


def test_signed_in_people_who_belong_to_no_organisation_cannot_browse_it(organisation):
    PersonFactory(organisation=organisation, first_name="Ann", last_name="Young")
    outsider = signed_in(UserFactory(username="contractor"))

    assert outsider.get("/people/").status_code == 404
    assert outsider.get("/people/ann-young/").status_code == 404


def test_platform_operators_can_browse_it_without_a_membership(organisation):
    PersonFactory(organisation=organisation, first_name="Ann", last_name="Young")
    operator = signed_in(UserFactory(username="operator", is_superuser=True))

    assert "/people/ann-young/" in operator.get("/people/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(organisation):
    response = Client().get("/people/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
