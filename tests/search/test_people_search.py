"""People in federated search and type-ahead: by name (accents folded both ways), preferred
name, job title, team, skill and building — and only people the searcher may see."""

import pytest

from intranet.access.choices import Audience
from intranet.people.services import ensure_building, ensure_team
from search.engine_indexes import refresh_entry_index
from search.service import suggest
from tests.factories import PersonFactory, UserFactory

from .helpers import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(hf, organisation, empty_entry_index):
    PersonFactory(
        organisation=hf,
        first_name="Siobhán",
        last_name="Kelly",
        job_title="Occupational therapist",
        team=ensure_team(hf, ["Adult Social Care", "Reablement"]),
        base=ensure_building(hf, "Hammersmith Town Hall"),
        skills=["British Sign Language"],
    )
    PersonFactory(
        organisation=organisation,
        first_name="Zoë",
        last_name="Clarke",
        preferred_name="Zoë",
        job_title="GIS analyst",
    )
    PersonFactory(
        organisation=hf,
        first_name="Siobhan",
        last_name="Hidden",
        audience=Audience.ORGANISATION,
    )
    refresh_entry_index()


def people(user, text: str) -> set[str]:
    return {title for kind, title in found(user, text) if kind == "person"}


@pytest.mark.parametrize(
    "text",
    [
        "Siobhan",
        "siobhán",
        "Siobhan Kelly",
        "occupational therapist",
        "reablement",
        "sign language",
    ],
)
def test_a_partners_staff_are_found_by_name_job_team_and_skill(staff_user, staff, text):
    assert people(staff_user, text) == {"Siobhán Kelly"}


def test_zoe_finds_zoe_with_a_diaeresis(staff_user, staff):
    assert people(staff_user, "Zoe") == {"Zoë Clarke"}


def test_a_person_listed_to_their_own_organisation_is_found_by_its_staff_only(
    staff_user, staff, hf
):
    colleague = UserFactory(username="hf.colleague", organisations=[hf])

    assert people(colleague, "Siobhan") == {"Siobhán Kelly", "Siobhan Hidden"}
    assert people(staff_user, "Siobhan") == {"Siobhán Kelly"}


@pytest.mark.parametrize("typed", ["sio", "Siobh", "siobhán", "kel"])
def test_type_ahead_finds_a_colleague_by_part_of_their_name(staff_user, staff, typed):
    titles = [s.title for s in suggest(staff_user, typed) if s.kind == "person"]

    assert titles == ["Siobhán Kelly"]


def test_type_ahead_folds_what_is_typed(staff_user, staff):
    assert [s.title for s in suggest(staff_user, "zoe")] == ["Zoë Clarke"]
