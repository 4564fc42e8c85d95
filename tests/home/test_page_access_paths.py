"""Every way Wagtail makes or publishes a page ends with its effective access stored: a
draft created in the admin, a copy with its subpages, an alias, a scheduled publication."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from intranet.access.models import PageAccess
from intranet.access.policy import can_view
from tests.clients import signed_in
from tests.factories import ContentPageFactory, admin_of, member_of, page_form, restrict

pytestmark = pytest.mark.django_db


def test_a_draft_created_in_the_admin_is_visible_to_its_editor_at_once(hf):
    editor = admin_of(hf)

    response = signed_in(editor).post(
        f"/admin/pages/add/home/contentpage/{hf.section_page_id}/", page_form("Rotas")
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    draft = Page.objects.child_of(hf.section_page).get(slug="rotas")
    assert not draft.live
    assert PageAccess.objects.get(page=draft).owner_organisation == hf
    assert can_view(editor, draft)


def test_a_copy_with_its_subpages_takes_the_access_of_where_it_was_copied_to(hf):
    open_topic = ContentPageFactory(parent=hf.section_page, title="Leave")
    ContentPageFactory(parent=open_topic, title="Annual leave")
    closed = restrict(
        ContentPageFactory(parent=hf.section_page, title="HR only"), audience="organisation"
    )

    response = signed_in(admin_of(hf)).post(
        f"/admin/pages/{open_topic.pk}/copy/",
        {
            "new_title": "Leave (HR)",
            "new_slug": "leave-hr",
            "new_parent_page": closed.pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    copy = Page.objects.child_of(closed).get(slug="leave-hr")
    child = Page.objects.child_of(copy).get()
    assert PageAccess.objects.get(page=copy).audience == "organisation"
    assert PageAccess.objects.get(page=child).audience == "organisation"


def test_an_alias_created_in_the_admin_has_its_access(hf):
    topic = ContentPageFactory(parent=hf.section_page, title="Parking")

    response = signed_in(admin_of(hf)).post(
        f"/admin/pages/{topic.pk}/copy/",
        {
            "new_title": "Parking",
            "new_slug": "parking-permits",
            "new_parent_page": hf.section_page_id,
            "alias": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    alias = Page.objects.child_of(hf.section_page).get(slug="parking-permits")
    assert alias.alias_of_id == topic.pk
    assert PageAccess.objects.get(page=alias).owner_organisation == hf


def test_a_scheduled_publication_recomputes_the_page_when_it_goes_live(hf):
    topic = ContentPageFactory(parent=hf.section_page, title="Restructure")
    topic.audience = "organisation"
    topic.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    topic.save_revision(approved_go_live_at=topic.go_live_at)
    partner = member_of(hf, "hf.reader")

    assert PageAccess.objects.get(page=topic).audience == "partnership"
    call_command("publish_scheduled", verbosity=0)

    assert PageAccess.objects.get(page=topic).audience == "organisation"
    assert can_view(partner, topic)
