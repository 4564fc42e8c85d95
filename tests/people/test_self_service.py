"""A person keeps their own profile: what HR owns is shown read-only and says so; what they
change is audited and kept from the next HR import; they say where they work today."""

import pytest
from django.test import Client
from django.utils import timezone

from intranet.access.models import AuditEvent
from intranet.people.models import WorkLocation
from intranet.people.services import ensure_building
from tests.clients import signed_in
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def me(organisation):
    user = UserFactory(
        username="ann", email="ann.young@westminster.gov.uk", organisations=[organisation]
    )
    person = PersonFactory(
        organisation=organisation,
        first_name="Ann",
        last_name="Young",
        email="ann.young@westminster.gov.uk",
        job_title="Planning officer",
    )
    return signed_in(user), person


def test_my_profile_prompts_me_to_complete_it(me):
    client, _ = me

    content = client.get("/people/ann-young/").content.decode()

    assert "Your profile is 0% complete." in content
    assert '<a class="govuk-link" href="/people/me/edit/">Edit your profile</a>' in content


def test_the_edit_form_shows_hr_facts_read_only_and_says_who_owns_them(me):
    client, _ = me

    content = client.get("/people/me/edit/").content.decode()

    assert "Planning officer" in content
    assert 'name="job_title"' not in content
    assert "HR" in content


def test_my_changes_are_saved_searchable_remembered_and_audited(me):
    client, person = me

    response = client.post(
        "/people/me/edit/",
        {
            "preferred_name": "Annie",
            "pronouns": "she/her",
            "teams_address": "",
            "sip_address": "",
            "languages": "English, Welsh",
            "ask_me_about": "Planning appeals",
            "working_days": ["mon", "tue", "wed"],
            "skills": "Planning law, GIS",
        },
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.display_name == "Annie Young"
    assert person.working_day_codes == ["mon", "tue", "wed"]
    assert sorted(tag.name for tag in person.skills.all()) == ["GIS", "Planning law"]
    assert {"preferred_name", "pronouns", "skills"} <= set(person.edited_by_person)
    assert " annie " in person.search_text
    assert AuditEvent.objects.filter(object_type="people.Person", object_id=str(person.pk)).exists()


def test_i_say_where_i_work_today_and_colleagues_see_it(me, hf, staff_client: Client):
    client, person = me
    town_hall = ensure_building(hf, "Hammersmith Town Hall")
    today = timezone.localdate()

    response = client.post("/people/me/where/", {"day": today.isoformat(), "place": town_hall.pk})

    assert response.status_code == 302
    assert WorkLocation.objects.get(person=person, day=today).building == town_hall
    content = staff_client.get("/people/ann-young/").content.decode()
    assert "<strong>Today:</strong> Hammersmith Town Hall (H&amp;F)" in content


def test_someone_without_a_profile_is_told_so(organisation):
    client = signed_in(UserFactory(username="new", organisations=[organisation]))

    response = client.get("/people/me/")

    assert response.status_code == 404
    assert "no profile" in response.content.decode().lower()
