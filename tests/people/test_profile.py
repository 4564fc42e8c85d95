"""Each listed person has a profile: who they are, where they work, and how to reach them
in one click (email, phone, Teams, Skype for Business / Lync, vCard)."""

import datetime

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from intranet.people.services import ensure_building, ensure_team, set_work_location
from tests.clients import signed_in
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grace(hf):
    team = ensure_team(hf, ["Children's Services", "Early Help"])
    base = ensure_building(hf, "Hammersmith Town Hall")
    base.address = "King Street\nLondon\nW6 9JU"
    base.save()
    manager = PersonFactory(organisation=hf, first_name="Amara", last_name="Obi", team=team)
    return PersonFactory(
        organisation=hf,
        first_name="Grace",
        last_name="Mensah",
        pronouns="she/her",
        job_title="Senior social worker",
        email="grace.mensah@lbhf.gov.uk",
        work_phone="020 7946 0123",
        mobile_phone="07700 900123",
        sip_address="grace.mensah@lbhf.gov.uk",
        team=team,
        manager=manager,
        base=base,
        skills=["Safeguarding"],
        languages="English, Twi",
    )


def test_a_profile_shows_who_they_are_and_where_they_sit(staff_client: Client, grace):
    content = staff_client.get("/people/grace-mensah/").content.decode()

    assert '<h1 class="govuk-heading-xl govuk-!-margin-bottom-2">Grace Mensah</h1>' in content
    assert content.count("<h1") == 1
    assert "she/her" in content
    assert "Senior social worker, Early Help" in content
    assert "Children&#x27;s Services / Early Help" in content
    assert '<a class="govuk-link" href="/people/amara-obi/">Amara Obi</a>' in content
    assert "Safeguarding" in content and "English, Twi" in content
    assert '<a class="govuk-breadcrumbs__link" href="/people/">People</a>' in content


def test_a_profile_offers_one_click_email_call_teams_and_skype(staff_client: Client, grace):
    content = staff_client.get("/people/grace-mensah/").content.decode()

    assert 'href="mailto:grace.mensah@lbhf.gov.uk"' in content
    assert 'href="tel:02079460123">Call 020 7946 0123</a> (work)' in content
    assert (
        'href="https://teams.microsoft.com/l/chat/0/0?users=grace.mensah%40lbhf.gov.uk"' in content
    )
    assert 'href="sip:grace.mensah@lbhf.gov.uk"' in content
    assert 'href="/people/grace-mensah/vcard.vcf"' in content


def test_a_mobile_number_is_shown_to_the_persons_own_organisation_only(
    staff_client: Client, grace, hf
):
    own = signed_in(UserFactory(username="hf.colleague", organisations=[hf]))

    assert "07700 900123" in own.get("/people/grace-mensah/").content.decode()
    assert "07700 900123" not in staff_client.get("/people/grace-mensah/").content.decode()


def test_where_they_work_today_is_what_they_said_or_their_usual_base(
    staff_client: Client, grace, organisation
):
    today = timezone.localdate()
    if grace.works_on(today):
        content = staff_client.get("/people/grace-mensah/").content.decode()
        assert "<strong>Today:</strong> Hammersmith Town Hall (H&amp;F)" in content

    city_hall = ensure_building(organisation, "Westminster City Hall")
    set_work_location(grace, today, building=city_hall)

    content = staff_client.get("/people/grace-mensah/").content.decode()
    assert "<strong>Today:</strong> Westminster City Hall (Westminster)" in content


def test_the_next_seven_days_show_where_they_said_they_will_be(
    staff_client: Client, grace, organisation
):
    in_three_days = timezone.localdate() + datetime.timedelta(days=3)
    set_work_location(grace, in_three_days, remote=True)

    content = staff_client.get("/people/grace-mensah/").content.decode()

    assert "The next seven days" in content
    assert content.count('<th scope="row" class="govuk-table__header">') == 7
    day = f"{in_three_days:%A} {in_three_days.day} {in_three_days:%B}"
    assert f'{day}</th><td class="govuk-table__cell">Working remotely</td>' in content


@override_settings(PEOPLE_LEAVER_GRACE_DAYS=30)
def test_a_leavers_profile_is_gone_after_the_grace_period(staff_client: Client, grace):
    grace.left_on = timezone.localdate() - datetime.timedelta(days=31)
    grace.save()

    assert staff_client.get("/people/grace-mensah/").status_code == 404


def test_an_unknown_profile_is_not_found(staff_client: Client):
    assert staff_client.get("/people/no-such-person/").status_code == 404
