"""`seed_demo` builds the three-council partnership, and running it twice changes nothing."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from home.models import ContentPage, EventIndexPage, EventPage, NewsArticlePage
from intranet.common.text import fold
from intranet.demo import people as demo_people
from intranet.demo.content import PEOPLE
from intranet.demo.seeding import DEMO_PASSWORD, seed_demo
from intranet.organisations.models import Organisation
from intranet.people.models import Building, Person, Team, WorkLocation
from tests.clients import signed_in_with_password

SLUGS = ["hf", "rbkc", "wcc"]
User = get_user_model()


class TheDemoPartnership(TestCase):
    """Seeded once for the class (seeding publishes ~80 pages), rolled back afterwards."""

    @classmethod
    def setUpTestData(cls):
        seed_demo()

    def test_it_has_three_councils_with_their_own_sections_and_colours(self):
        organisations = Organisation.objects.order_by("slug")

        assert [o.slug for o in organisations] == SLUGS
        assert [o.section_page.url for o in organisations] == ["/hf/", "/rbkc/", "/wcc/"]
        assert len({o.accent_colour for o in organisations}) == 3

    def test_each_council_has_at_least_ten_pages_and_five_news_articles(self):
        for organisation in Organisation.objects.all():
            section = organisation.section_page
            with self.subTest(organisation.slug):
                assert ContentPage.objects.live().descendant_of(section).count() >= 10
                assert NewsArticlePage.objects.live().descendant_of(section).count() >= 5

    def test_each_council_has_an_events_index_with_upcoming_events(self):
        for organisation in Organisation.objects.all():
            index = EventIndexPage.objects.child_of(organisation.section_page).get(slug="events")
            with self.subTest(organisation.slug):
                assert index.url == f"/{organisation.slug}/events/"
                assert EventPage.objects.live().child_of(index).upcoming().count() >= 2

    def test_a_councils_staff_only_event_is_not_listed_for_partner_staff(self):
        client = signed_in_with_password("rbkc.staff", DEMO_PASSWORD)

        content = client.get("/hf/events/").content.decode()

        assert "Social care practice forum" in content
        assert "Budget consultation drop-in" not in content

    def test_the_shared_home_has_news_of_its_own(self):
        assert NewsArticlePage.objects.live().filter(url_path__startswith="/home/news/").exists()

    def test_each_council_has_staff_editor_admin_and_social_care_accounts(self):
        for slug in SLUGS:
            organisation = Organisation.objects.get(slug=slug)
            with self.subTest(slug):
                for role in ["staff", "editor", "admin", "socialcare"]:
                    user = User.objects.get(username=f"{slug}.{role}")
                    assert user.check_password(DEMO_PASSWORD)
                    assert user.memberships.filter(organisation=organisation).exists()
                assert self.group_names(f"{slug}.staff") == []
                assert self.group_names(f"{slug}.editor") == [f"{slug}/editors"]
                assert self.group_names(f"{slug}.admin") == [f"{slug}/admins"]
                assert self.group_names(f"{slug}.socialcare") == [f"{slug}/social-care"]

    def test_the_admin_account_is_a_superuser(self):
        admin = User.objects.get(username="admin")

        assert admin.is_superuser
        assert admin.check_password(DEMO_PASSWORD)

    def test_seeding_again_creates_nothing_new(self):
        before = self.counts()

        counts = seed_demo()

        assert counts == {
            "organisations": 0,
            "pages": 0,
            "users": 0,
            "people": 0,
            "documents": 0,
            "images": 0,
        }
        assert self.counts() == before

    @staticmethod
    def counts() -> tuple[int, ...]:
        return tuple(
            model.objects.count()
            for model in [Page, User, Organisation, Person, Team, Building, WorkLocation]
        )

    def test_a_staff_account_sees_the_shared_home_naming_all_three_councils(self):
        client = signed_in_with_password("wcc.staff", DEMO_PASSWORD)

        content = client.get("/").content.decode()

        assert "Hammersmith &amp; Fulham Council" in content
        assert "Royal Borough of Kensington and Chelsea" in content
        assert "Westminster City Council" in content
        for slug in SLUGS:
            assert f"commons-tag commons-org--{slug}" in content

    def test_each_section_renders_with_its_own_name_and_colour(self):
        client = signed_in_with_password("wcc.staff", DEMO_PASSWORD)

        for organisation in Organisation.objects.all():
            with self.subTest(organisation.slug):
                content = client.get(f"/{organisation.slug}/").content.decode()
                assert f"commons-org-banner commons-org--{organisation.slug}" in content
                assert (
                    f'<h1 class="govuk-heading-xl">{organisation.name}</h1>'.replace("&", "&amp;")
                    in content
                )

    def test_each_library_has_documents_of_several_formats_with_sensitive_procedures(self):
        from intranet.library.models import LibraryDocument

        for organisation in Organisation.objects.all():
            documents = LibraryDocument.objects.filter(owner_organisation=organisation)
            with self.subTest(organisation.slug):
                assert documents.count() >= 8
                assert {"pdf", "docx", "xlsx", "pptx", "odt", "rtf"} <= set(
                    documents.values_list("file_type", flat=True)
                )
                assert not documents.exclude(extraction_status="done").exists()
                procedure = documents.get(title="Adult safeguarding procedure")
                assert procedure.effective_classification == "OFFICIAL-SENSITIVE"
                assert procedure.effective_audience == "groups"

    def test_each_council_lists_at_least_forty_people_in_its_address_book(self):
        for organisation in Organisation.objects.all():
            with self.subTest(organisation.slug):
                people = Person.objects.listed().filter(organisation=organisation)
                assert people.count() >= 40
                domain = organisation.email_domain_list[0]
                assert not people.exclude(email__endswith=f"@{domain}").exists()
                assert not people.filter(employee_id="").exists()
                assert people.exclude(base__organisation=organisation).count() == 0

    def test_every_demo_account_is_a_person_with_its_name_and_job_title(self):
        for slug, accounts in PEOPLE.items():
            for suffix, first, last, job_title, _groups in accounts:
                user = User.objects.get(username=f"{slug}.{suffix}")
                with self.subTest(user.username):
                    person = Person.objects.get(user=user)
                    assert (person.first_name, person.last_name) == (first, last)
                    assert person.email == user.email
                    assert person.job_title == job_title
                    assert person.organisation.slug == slug
                    assert person.team is not None and person.manager is not None

    def test_each_councils_org_chart_runs_from_the_chief_executive_down_three_levels(self):
        for organisation in Organisation.objects.all():
            managers = dict(
                Person.objects.filter(organisation=organisation).values_list("pk", "manager_id")
            )
            with self.subTest(organisation.slug):
                tops = Person.objects.filter(organisation=organisation, manager__isnull=True)
                assert [person.job_title for person in tops] == ["Chief Executive"]
                # Chief executive → director → head of service → officer, at least.
                assert max(self.chain_length(managers, pk) for pk in managers) >= 4

    @staticmethod
    def chain_length(managers: dict[int, int | None], pk: int) -> int:
        """How many people from ``pk`` up to the top (a loop ends it)."""
        seen = {pk}
        while managers.get(pk) is not None and managers[pk] not in seen:
            pk = managers[pk]
            seen.add(pk)
        return len(seen)

    def test_every_team_with_members_has_one_head(self):
        from intranet.people.selectors import team_head

        for team in Team.objects.all():
            members = list(team.members.all())
            if members:
                with self.subTest(team.path):
                    assert team_head(team, members) is not None

    def test_teams_nest_under_their_departments(self):
        hf = Organisation.objects.get(slug="hf")

        family_support = Team.objects.get(
            organisation=hf, path="Children's Services / Early Help / Family Support"
        )

        assert family_support.parent.parent.name == "Children's Services"
        assert Team.objects.filter(organisation=hf, path="Digital & IT / Service Desk").exists()

    def test_buildings_have_their_public_addresses(self):
        town_hall = Building.objects.get(organisation__slug="hf", name="Hammersmith Town Hall")
        city_hall = Building.objects.get(organisation__slug="wcc", name="Westminster City Hall")

        assert "W6 9JU" in town_hall.address
        assert "64 Victoria Street" in city_hall.address
        for organisation in Organisation.objects.all():
            with self.subTest(organisation.slug):
                assert organisation.buildings.count() >= 2

    def test_someone_works_at_another_councils_building_today_and_someone_remotely(self):
        today = WorkLocation.objects.filter(day=timezone.localdate())

        visiting = today.exclude(building__organisation=F("person__organisation")).exclude(
            building=None
        )
        assert {location.person.organisation.slug for location in visiting} == set(SLUGS)
        assert today.filter(remote=True).exists()
        assert WorkLocation.objects.filter(day__gt=timezone.localdate()).exists()

    def test_seeding_on_another_day_says_where_people_work_that_day(self):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        before = Person.objects.count()

        added = demo_people.seed_work_locations(today=tomorrow)

        assert added > 0
        assert demo_people.seed_work_locations(today=tomorrow) == 0
        assert Person.objects.count() == before
        assert (
            WorkLocation.objects.filter(day=tomorrow)
            .exclude(building__organisation=F("person__organisation"))
            .exclude(building=None)
            .exists()
        )

    def test_names_keep_their_accents_and_are_found_without_them(self):
        siobhan = Person.objects.filter(first_name="Siobhán").first()
        zoe = Person.objects.filter(first_name="Zoë").first()

        assert siobhan is not None and zoe is not None
        assert " siobhan " in siobhan.search_text
        assert Person.objects.filter(search_text__contains=fold("Zoe")).exists()
        assert Person.objects.filter(last_name="O'Neill", email="sean.oneill@lbhf.gov.uk").exists()
        assert Person.objects.filter(last_name="Ní Bhriain").exists()

    def test_contact_details_use_the_ofcom_drama_ranges(self):
        people = Person.objects.all()

        assert not people.exclude(work_phone__startswith="020 7946 0").exists()
        assert (
            not people.exclude(mobile_phone="")
            .exclude(mobile_phone__startswith="07700 900")
            .exists()
        )
        assert len({person.email.lower() for person in people}) == people.count()
        assert people.exclude(sip_address="").exists()
        assert people.exclude(pronouns="").exists()
        assert people.exclude(working_days=demo_people.FULL_TIME).exists()
        assert people.filter(skills__name="safeguarding").exists()

    def test_a_second_run_of_the_address_book_only_reads(self):
        for organisation in Organisation.objects.all():
            with self.subTest(organisation.slug), CaptureQueriesContext(connection) as queries:
                assert demo_people.seed_people(organisation) == 0
            writes = [q["sql"] for q in queries if not q["sql"].startswith("SELECT")]
            assert writes == [] and len(queries) < 20, len(queries)

    @staticmethod
    def group_names(username: str) -> list[str]:
        return sorted(User.objects.get(username=username).groups.values_list("name", flat=True))


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_the_command_refuses_to_run_without_debug_unless_forced():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")

    call_command("seed_demo", "--force")
    assert Organisation.objects.count() == 3


class TheDemoAccessRules(TestCase):
    """What the README promises about who sees what in the demo."""

    @classmethod
    def setUpTestData(cls):
        seed_demo()

    def status_for(self, username: str, path: str) -> int:
        client = signed_in_with_password(username, DEMO_PASSWORD)
        return client.get(path).status_code

    def test_hf_shares_sensitive_findings_with_rbkc_social_care_under_its_agreement(self):
        path = "/hf/adult-social-care/joint-review-findings/"
        assert self.status_for("rbkc.socialcare", path) == 200
        assert self.status_for("hf.socialcare", path) == 200
        assert self.status_for("rbkc.staff", path) == 404
        assert self.status_for("wcc.socialcare", path) == 404
        # hf.staff could see it once they accept H&F's statement.
        assert self.status_for("hf.staff", path) == 302

    def test_staff_only_and_group_only_pages_stay_inside_their_council(self):
        assert self.status_for("wcc.staff", "/wcc/facilities/evacuation-plan/") == 200
        assert self.status_for("hf.staff", "/wcc/facilities/evacuation-plan/") == 404
        assert self.status_for("wcc.socialcare", "/wcc/adult-social-care/team-rota/") == 200
        assert self.status_for("wcc.staff", "/wcc/adult-social-care/team-rota/") == 404

    def test_hf_has_an_image_for_everyone_and_one_for_its_social_care_staff_only(self):
        from intranet.images.models import IntranetImage

        photo = IntranetImage.objects.get(title="Hammersmith Town Hall at dusk").file.url
        flowchart = IntranetImage.objects.get(title="Safeguarding referral flowchart").file.url
        assert flowchart.startswith("/images/files/original_images/")
        assert self.status_for("rbkc.staff", photo) == 200
        assert self.status_for("hf.socialcare", flowchart) == 200
        assert self.status_for("hf.staff", flowchart) == 404
        assert self.status_for("rbkc.staff", flowchart) == 404

    def test_the_councils_publishing_rules_differ(self):
        from wagtail.models import WorkflowPage

        with_workflow = set(
            WorkflowPage.objects.filter(page__depth=3).values_list("page__slug", flat=True)
        )
        assert with_workflow == {"rbkc"}


class TheDemoSearch(TestCase):
    """One search box over the seeded partnership, trimmed for the person searching."""

    @classmethod
    def setUpTestData(cls):
        from search.engine_indexes import reset_entry_index

        reset_entry_index()
        seed_demo()

    def search(self, username: str, text: str):
        from search.engine_indexes import refresh_entry_index
        from search.query import SearchRequest
        from search.service import run_search

        refresh_entry_index()
        return run_search(User.objects.get(username=username), SearchRequest(text, page_size=50))

    def test_a_member_of_one_council_finds_people_events_and_pages_of_all_three(self):
        response = self.search("hf.staff", "social care")

        kinds = {hit.kind for hit in response.hits}
        councils = {hit.organisation.slug for hit in response.hits if hit.organisation}
        assert {"person", "event"} <= kinds, kinds
        assert councils == set(SLUGS), councils
        assert {hit.classification for hit in response.hits} == {"OFFICIAL"}

    def test_documents_are_found_by_their_full_text(self):
        response = self.search("hf.staff", "two weeks ahead")

        assert "document" in {hit.kind for hit in response.hits}

    def test_sensitive_social_care_documents_reach_only_those_allowed(self):
        staff = self.search("hf.staff", "procedure")
        social_worker = self.search("hf.socialcare", "procedure")

        assert "OFFICIAL-SENSITIVE" not in {hit.classification for hit in staff.hits}
        assert "OFFICIAL-SENSITIVE" in {hit.classification for hit in social_worker.hits}
        assert social_worker.total > staff.total
