"""Search follows every change that matters: publish, unpublish, move, delete, access change,
document replacement and text extraction, people joining and leaving."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page

from home.models import EventPage
from intranet.library.services import save_document
from intranet.people.services import mark_leavers
from search.models import SearchEntry
from tests.factories import (
    ContentPageFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    restrict,
    restrict_folder,
)

from .helpers import eventually_found, found, library_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    return OrganisationFactory(slug="hf", short_name="H&F")


@pytest.fixture
def partner_user(partner):
    return UserFactory(username="hf.staff", organisations=[partner])


def test_a_published_page_is_findable_within_five_seconds(organisation, staff_user):
    ContentPageFactory(parent=organisation.section_page, title="Allotment waiting list")

    assert ("page", "Allotment waiting list") in eventually_found(staff_user, "allotment", 5.0)


def test_a_draft_is_not_findable_and_unpublishing_removes_a_page(organisation, staff_user):
    ContentPageFactory(parent=organisation.section_page, title="Draft gritting routes", live=False)
    page = ContentPageFactory(parent=organisation.section_page, title="Gritting routes")
    assert found(staff_user, "gritting") == {("page", "Gritting routes")}

    page.unpublish()

    assert found(staff_user, "gritting") == set()


def test_unpublishing_a_section_hides_the_pages_below_it(organisation, staff_user):
    parent = ContentPageFactory(parent=organisation.section_page, title="Waste services")
    ContentPageFactory(parent=parent, title="Bulky waste collection")

    operator = UserFactory(username="operator", is_superuser=True)
    UnpublishPageAction(parent, user=operator, include_descendants=True).execute()

    assert found(staff_user, "waste") == set()


def test_a_deleted_page_is_gone(organisation, staff_user):
    page = ContentPageFactory(parent=organisation.section_page, title="Pothole reporting")

    page.delete()

    assert found(staff_user, "pothole") == set()
    assert not SearchEntry.objects.filter(title="Pothole reporting", removed=False).exists()


def test_narrowing_the_audience_hides_a_page_from_other_organisations_at_once(
    organisation, staff_user, partner_user
):
    page = ContentPageFactory(parent=organisation.section_page, title="Recycling rota")
    assert found(partner_user, "recycling") == {("page", "Recycling rota")}

    restrict(page, audience="organisation")

    assert found(partner_user, "recycling") == set()
    assert found(staff_user, "recycling") == {("page", "Recycling rota")}


def test_restricting_a_folder_hides_its_documents_from_other_organisations_at_once(
    organisation, staff_user, partner_user
):
    folder = organisation.library_collection.add_child(name="Rotas")
    library_document(organisation, "Bin rota", "Bin collection rota.", collection=folder)
    library_document(organisation, "Bin map", "Bin collection map.")
    assert found(partner_user, "bin") == {("document", "Bin rota"), ("document", "Bin map")}

    restrict_folder(folder, audience="organisation")

    assert found(partner_user, "bin") == {("document", "Bin map")}
    assert found(staff_user, "bin") == {("document", "Bin rota"), ("document", "Bin map")}
    entry = SearchEntry.objects.get(kind="document", title="Bin rota")
    assert (entry.organisation_id, entry.audience) == (organisation.pk, "organisation")


def test_moving_a_page_under_a_restricted_page_takes_its_access_and_address(
    organisation, staff_user, partner_user
):
    private = restrict(
        ContentPageFactory(parent=organisation.section_page, title="Team area"),
        audience="organisation",
    )
    page = ContentPageFactory(parent=organisation.section_page, title="Rota for libraries")
    child = ContentPageFactory(parent=page, title="Rota for libraries at weekends")

    page.move(private, pos="last-child")

    assert found(partner_user, "rota") == set()
    entry = SearchEntry.objects.get(kind="page", object_id=child.pk)
    assert entry.url == Page.objects.get(pk=child.pk).url
    assert "/team-area/" in entry.url
    assert entry.audience == "organisation"


def test_a_documents_full_text_is_findable(organisation, staff_user):
    library_document(organisation, "Annual report", "The lido refurbishment finished early.")

    assert found(staff_user, "refurbishment") == {("document", "Annual report")}


def test_replacing_a_documents_file_replaces_its_searchable_text(organisation, staff_user):
    document = library_document(organisation, "Leave policy", "Carry over five days of leave.")

    document.file.save("leave-v2.txt", ContentFile(b"Sabbaticals are now available."), save=False)
    save_document(document)

    assert found(staff_user, "sabbaticals") == {("document", "Leave policy")}
    assert found(staff_user, "carry") == set()


def test_a_deleted_document_is_gone(organisation, staff_user):
    document = library_document(organisation, "Old form", "Obsolete claim form.")

    document.delete()

    assert found(staff_user, "obsolete") == set()


def test_people_are_findable_across_organisations_and_leave_when_they_leave(
    organisation, staff_user, partner, partner_user
):
    person = PersonFactory(
        organisation=partner, first_name="Priya", last_name="Raman", job_title="Social worker"
    )

    assert found(staff_user, "priya") == {("person", "Priya Raman")}
    assert found(staff_user, "social worker") == {("person", "Priya Raman")}

    with override_settings(PEOPLE_LEAVER_GRACE_DAYS=0):
        mark_leavers([person.pk])

        assert found(staff_user, "priya") == set()


def test_events_are_their_own_kind_with_when_and_where(organisation, staff_user):

    start = timezone.make_aware(datetime.datetime(2026, 12, 3, 10, 0))
    event = EventPage(title="Social care practice forum", start_at=start, location="City Hall")
    organisation.section_page.add_child(instance=event)
    event.save_revision().publish()

    assert found(staff_user, "practice forum") == {("event", "Social care practice forum")}
    entry = SearchEntry.objects.get(object_id=event.pk)
    assert entry.kind == "event"
    assert entry.label == "Event, Thursday 3 December 2026, 10am · City Hall"


def test_renaming_a_pages_slug_gives_the_pages_below_it_their_new_address(organisation, staff_user):
    parent = ContentPageFactory(parent=organisation.section_page, title="Benefits")
    child = ContentPageFactory(parent=parent, title="Housing benefit claims")

    parent.slug = "money-and-benefits"
    parent.save_revision().publish()

    entry = SearchEntry.objects.get(kind="page", object_id=child.pk)
    assert entry.url == "/wcc/money-and-benefits/housing-benefit-claims/"
