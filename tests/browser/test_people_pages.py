"""The address book's pages meet WCAG 2.2 AA in a real browser, and a colleague in another
council is found as you type and reached in one click."""

import pytest
from django.utils import timezone

from intranet.people.services import ensure_building, ensure_team, set_work_location
from tests.browser.axe import assert_accessible
from tests.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def directory():
    wcc = OrganisationFactory(slug="wcc", name="Westminster City Council", short_name="Westminster")
    hf = OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council", short_name="H&F")
    team = ensure_team(hf, ["Adult Social Care", "Reablement"])
    hall = ensure_building(hf, "Hammersmith Town Hall")
    city_hall = ensure_building(wcc, "Westminster City Hall")
    head = PersonFactory(
        organisation=hf, first_name="Amara", last_name="Obi", job_title="Director", team=team.parent
    )
    lead = PersonFactory(
        organisation=hf,
        first_name="Tomasz",
        last_name="Nowak",
        job_title="Head of reablement",
        team=team,
        manager=head,
    )
    siobhan = PersonFactory(
        organisation=hf,
        first_name="Siobhán",
        last_name="Kelly",
        pronouns="she/her",
        job_title="Occupational therapist",
        email="siobhan.kelly@lbhf.gov.uk",
        work_phone="020 7946 0321",
        team=team,
        manager=lead,
        base=hall,
        skills=["British Sign Language"],
    )
    set_work_location(siobhan, timezone.localdate(), building=city_hall)
    return UserFactory(username="wcc.staff", organisations=[wcc]), team


def test_a_colleague_is_found_as_you_type_and_reached_in_one_click(signed_in_page, directory):
    staff, _ = directory
    page = signed_in_page(staff)
    page.goto("/people/")

    page.get_by_label("Name, job title, team or skill").press_sequentially("siob")
    suggestion = page.get_by_role("option", name="Siobhán Kelly")
    suggestion.wait_for()
    assert_accessible(page)
    suggestion.click()

    page.wait_for_url("**/people/siobhan-kelly/")
    assert page.get_by_text("Today: Westminster City Hall (Westminster)").is_visible()
    email = page.get_by_role("link", name="Email siobhan.kelly@lbhf.gov.uk")
    assert email.get_attribute("href") == "mailto:siobhan.kelly@lbhf.gov.uk"
    teams = page.get_by_role("link", name="Chat in Microsoft Teams with Siobhán Kelly")
    assert teams.get_attribute("href").startswith("https://teams.microsoft.com/l/chat/0/0?users=")


@pytest.mark.parametrize(
    "path",
    [
        "/people/?q=therapist&org=hf",
        "/people/?skill=british-sign-language",
        "/people/siobhan-kelly/",
        "/people/teams/hf/",
        "/people/org-chart/hf/",
    ],
    ids=["directory with filters", "skill filter", "profile", "teams", "org chart"],
)
def test_people_page_type_has_no_accessibility_violations(signed_in_page, directory, path):
    staff, _ = directory
    page = signed_in_page(staff)

    assert page.goto(path).status == 200
    assert_accessible(page)


def test_a_team_page_and_its_org_chart_are_accessible(signed_in_page, directory):
    staff, team = directory
    page = signed_in_page(staff)

    assert page.goto(team.get_absolute_url()).status == 200
    assert page.get_by_text("Led by Tomasz Nowak").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="See this team’s org chart").click()
    chart = page.get_by_role("list", name="Reports to Tomasz Nowak")
    assert chart.get_by_role("link", name="Siobhán Kelly").is_visible()
    assert_accessible(page)
