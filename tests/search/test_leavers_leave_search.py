"""A leaver stays findable through the grace period and leaves search when it ends — with
no write to tell search: the first search of each day queues the check."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from search.housekeeping import hide_past_leavers
from search.models import SearchQueryDay
from tests.factories import PersonFactory

from .helpers import found

pytestmark = pytest.mark.django_db


@override_settings(PEOPLE_LEAVER_GRACE_DAYS=30)
def test_a_leaver_leaves_search_once_the_grace_period_is_over(organisation, staff_user):
    person = PersonFactory(
        organisation=organisation,
        first_name="Priya",
        last_name="Raman",
        left_on=timezone.localdate() - datetime.timedelta(days=29),
    )
    assert found(staff_user, "priya") == {("person", "Priya Raman")}

    type(person).objects.filter(pk=person.pk).update(
        left_on=timezone.localdate() - datetime.timedelta(days=31)
    )  # Two days on: nothing was saved through the services.
    hide_past_leavers.call()

    assert found(staff_user, "priya") == set()


@override_settings(PEOPLE_LEAVER_GRACE_DAYS=30)
def test_the_first_search_of_a_day_hides_past_leavers(
    organisation, staff_user, staff_client, django_capture_on_commit_callbacks
):
    PersonFactory(organisation=organisation, first_name="Priya", last_name="Raman")
    person = PersonFactory(organisation=organisation, first_name="Gone", last_name="Longago")
    type(person).objects.filter(pk=person.pk).update(
        left_on=timezone.localdate() - datetime.timedelta(days=40)
    )
    SearchQueryDay.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.get("/search/", {"q": "priya"})  # Its tasks run at once in tests.

    assert found(staff_user, "longago") == set()
