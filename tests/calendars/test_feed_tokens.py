"""A person gets, renews and turns off their feed address from their own profile."""

import pytest

from intranet.access.models import AuditEvent
from intranet.calendars.models import CalendarFeed
from tests.clients import signed_in
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(hf, hf_staff):
    person = PersonFactory(organisation=hf, email=hf_staff.email)
    person.refresh_from_db()
    assert person.user == hf_staff
    return person.get_absolute_url()


def post(client, action: str, profile: str):
    return client.post(f"/events/subscribe/{action}/", {"next": profile}, follow=True)


def test_a_person_gets_a_feed_address_from_their_profile_and_sees_it_there(hf_staff, profile):
    client = signed_in(hf_staff)
    assert "Get a calendar feed address" in client.get(profile).content.decode()

    response = post(client, "new-address", profile)

    feed = CalendarFeed.objects.active().get(user=hf_staff)
    assert response.redirect_chain[-1][0] == profile
    assert "Your calendar feed address has been created." in response.content.decode()
    assert f"/events/feed/{feed.token}.ics" in response.content.decode()
    assert AuditEvent.objects.filter(ground="Calendar feed address created").count() == 1


def test_a_new_address_replaces_the_old_one(hf_staff, profile):
    client = signed_in(hf_staff)
    post(client, "new-address", profile)
    old = CalendarFeed.objects.active().get(user=hf_staff)

    response = post(client, "new-address", profile)

    new = CalendarFeed.objects.active().get(user=hf_staff)
    assert new.token != old.token
    assert "The old address no longer works." in response.content.decode()
    assert client.get(f"/events/feed/{old.token}.ics").status_code == 404


def test_turning_the_feed_off_revokes_its_address(hf_staff, profile):
    client = signed_in(hf_staff)
    post(client, "new-address", profile)
    feed = CalendarFeed.objects.active().get(user=hf_staff)

    response = post(client, "turn-off", profile)

    assert "Your calendar feed address has been turned off." in response.content.decode()
    assert not CalendarFeed.objects.active().exists()
    assert client.get(f"/events/feed/{feed.token}.ics").status_code == 404
    assert AuditEvent.objects.filter(ground="Calendar feed address revoked").count() == 1


def test_the_feed_buttons_need_a_post_with_a_csrf_token(hf_staff):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(hf_staff)

    assert client.get("/events/subscribe/new-address/").status_code == 405
    assert client.post("/events/subscribe/new-address/").status_code == 403
    assert not CalendarFeed.objects.exists()


def test_someone_elses_profile_has_no_feed_panel(hf, hf_staff):
    other = PersonFactory(organisation=hf)

    content = signed_in(hf_staff).get(other.get_absolute_url()).content.decode()

    assert "Your calendar feed" not in content
