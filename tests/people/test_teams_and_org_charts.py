"""Each organisation's teams form a tree from HR's paths; a team page lists its head, members
and sub-teams; org charts nest reports under managers as plain lists (no JavaScript needed)."""

import pytest
from django.test import Client

from intranet.access.choices import Audience
from intranet.people.selectors import org_chart
from intranet.people.services import ensure_team
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def housing(hf):
    allocations = ensure_team(hf, ["Housing", "Allocations"])
    director = PersonFactory(organisation=hf, first_name="Dee", last_name="Director")
    head = PersonFactory(
        organisation=hf,
        first_name="Hal",
        last_name="Head",
        team=allocations,
        manager=director,
    )
    PersonFactory(
        organisation=hf, first_name="Olu", last_name="Officer", team=allocations, manager=head
    )
    PersonFactory(
        organisation=hf,
        first_name="Priv",
        last_name="Ate",
        team=allocations,
        manager=head,
        audience=Audience.ORGANISATION,
    )
    return allocations


def test_a_team_path_makes_every_level_once(hf, housing):
    again = ensure_team(hf, ["Housing", "Allocations"])

    assert again == housing
    assert housing.parent.path == "Housing" and housing.parent.parent is None
    assert housing.get_absolute_url() == "/people/teams/hf/housing-allocations/"


def test_a_team_page_shows_its_head_and_the_members_the_viewer_may_see(
    staff_client: Client, housing
):
    content = staff_client.get(housing.get_absolute_url()).content.decode()

    assert 'Led by <a class="govuk-link" href="/people/hal-head/">Hal Head</a>' in content
    assert "Olu Officer" in content
    assert "Priv Ate" not in content


def test_a_parent_team_lists_its_sub_teams_with_their_counts(staff_client: Client, housing):
    content = staff_client.get(housing.parent.get_absolute_url()).content.decode()

    assert "Teams in Housing" in content
    assert 'href="/people/teams/hf/housing-allocations/"' in content


def test_the_org_chart_nests_reports_under_their_manager(staff_client: Client, hf, housing):
    content = staff_client.get("/people/org-chart/hf/").content.decode()

    director = content.index("Dee Director")
    nested_head = content.index('aria-label="Reports to Dee Director"')
    nested_officer = content.index('aria-label="Reports to Hal Head"')
    assert director < nested_head < content.index("Hal Head") < nested_officer
    assert nested_officer < content.index("Olu Officer")
    assert "Priv Ate" not in content


def test_a_reporting_loop_in_bad_hr_data_is_shown_once_not_followed_for_ever(hf):
    first = PersonFactory(organisation=hf, last_name="First")
    second = PersonFactory(organisation=hf, last_name="Second", manager=first)
    first.manager = second
    first.save()

    chart = org_chart([first, second])

    assert len(chart) == 1
    assert [node.person for node in chart[0].reports] != []
    assert chart[0].reports[0].reports == []


def test_an_unknown_organisation_or_team_is_not_found(staff_client: Client, hf):
    assert staff_client.get("/people/org-chart/nowhere/").status_code == 404
    assert staff_client.get("/people/teams/hf/no-such-team/").status_code == 404
