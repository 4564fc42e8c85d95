"""An organisation's admins keep their own staff's profiles, teams and buildings in the admin —
never another organisation's — and every change is in the audit trail."""

import pytest

from intranet.access.models import AuditEvent
from intranet.people.models import Person, Team
from intranet.people.services import ensure_team
from search.models import SearchEntry
from tests.clients import refusal, signed_in
from tests.factories import PersonFactory, admin_of

pytestmark = pytest.mark.django_db

PEOPLE = "/admin/snippets/people/person/"


def person_form(organisation, **fields) -> dict:
    return {
        "organisation": organisation.pk,
        "employee_id": "",
        "first_name": "Kwame",
        "last_name": "Asante",
        "email": "kwame.asante@lbhf.gov.uk",
        "job_title": "Housing officer",
        "skills": "Housing law, Twi",
        "audience": "partnership",
        **fields,
    }


def test_an_admin_adds_one_of_their_staff_who_is_then_searchable_and_audited(councils):
    hf, _ = councils
    client = signed_in(admin_of(hf))

    response = client.post(f"{PEOPLE}add/", person_form(hf))

    assert response.status_code == 302
    person = Person.objects.get(email="kwame.asante@lbhf.gov.uk")
    assert sorted(tag.name for tag in person.skills.all()) == ["Housing law", "Twi"]
    assert SearchEntry.objects.get(kind="person", object_id=person.pk).title == "Kwame Asante"
    assert AuditEvent.objects.filter(
        organisation=hf, object_type="people.Person", object_id=str(person.pk)
    ).exists()


def test_an_admin_cannot_add_staff_to_another_organisation(councils):
    hf, rbkc = councils
    client = signed_in(admin_of(hf))

    response = client.post(f"{PEOPLE}add/", person_form(rbkc))

    assert response.status_code == 200
    assert not Person.objects.filter(email="kwame.asante@lbhf.gov.uk").exists()


def test_an_admin_cannot_give_their_staff_another_organisations_team(councils):
    hf, rbkc = councils
    client = signed_in(admin_of(hf))
    their_team = ensure_team(rbkc, ["Housing"])

    response = client.post(f"{PEOPLE}add/", person_form(hf, team=their_team.pk))

    assert response.status_code == 200
    assert not Person.objects.filter(email="kwame.asante@lbhf.gov.uk").exists()


def test_an_admin_neither_lists_nor_opens_another_organisations_staff(councils):
    hf, rbkc = councils
    client = signed_in(admin_of(hf))
    ours = PersonFactory(organisation=hf, last_name="Ours")
    theirs = PersonFactory(organisation=rbkc, last_name="Theirs")

    listing = client.get(PEOPLE).content.decode()

    assert "Ours" in listing and "Theirs" not in listing
    assert refusal(client.get(f"{PEOPLE}edit/{theirs.pk}/")) == "302 /admin/"
    assert client.get(f"{PEOPLE}edit/{ours.pk}/").status_code == 200


def test_staff_profiles_are_never_deleted_in_the_admin(councils):
    hf, _ = councils
    client = signed_in(admin_of(hf))
    person = PersonFactory(organisation=hf)

    assert refusal(client.post(f"{PEOPLE}delete/{person.pk}/")) == "302 /admin/"
    assert Person.objects.filter(pk=person.pk).exists()


def test_an_admin_adds_a_team_by_its_path_with_its_parents(councils):
    hf, _ = councils
    client = signed_in(admin_of(hf))

    response = client.post(
        "/admin/snippets/people/team/add/",
        {"organisation": hf.pk, "team_path": "Housing / Allocations", "head": ""},
    )

    assert response.status_code == 302
    team = Team.objects.get(organisation=hf, path="Housing / Allocations")
    assert team.parent.path == "Housing"
