"""The header menu leads to the people directory and marks it while it is open."""

import pytest
from django.test import Client

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_header_menu_has_a_people_link(staff_client: Client):
    content = staff_client.get("/").content.decode()

    assert '<a class="govuk-service-navigation__link" href="/people/">' in content


def test_the_people_link_is_marked_current_on_people_pages(staff_client: Client, organisation):
    PersonFactory(organisation=organisation, first_name="Ann", last_name="Young")

    content = staff_client.get("/people/ann-young/").content.decode()

    assert '<a class="govuk-service-navigation__link" href="/people/" aria-current="page">' in (
        content
    )
