"""The address book shows 20 people a page, with GOV.UK pagination that keeps the filters."""

import pytest
from django.test import Client

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_people(organisation):
    for number in range(24):
        PersonFactory(
            organisation=organisation,
            first_name="Officer",
            last_name=f"{chr(ord('A') + number)}-surname",
            job_title="Officer",
        )


def test_the_first_page_holds_twenty_people(staff_client: Client, many_people):
    content = staff_client.get("/people/?q=officer").content.decode()

    assert content.count('<a class="govuk-link" href="/people/officer-') == 20
    assert "24 people" in content
    assert 'aria-label="Pagination"' in content
    assert "Officer A-surname" in content and "Officer U-surname" not in content


def test_the_next_page_holds_the_rest_and_links_keep_the_filters(staff_client: Client, many_people):
    first = staff_client.get("/people/?q=officer&org=wcc").content.decode()
    assert 'href="?q=officer&amp;org=wcc&amp;page=2" rel="next"' in first

    second = staff_client.get("/people/?q=officer&org=wcc&page=2").content.decode()

    assert second.count('<a class="govuk-link" href="/people/officer-') == 4
    assert "Officer U-surname" in second and "Officer X-surname" in second
    assert 'href="?q=officer&amp;org=wcc&amp;page=1" rel="prev"' in second
    assert 'aria-label="Page 2" aria-current="page"' in second


def test_one_page_of_people_has_no_pagination(staff_client: Client, organisation):
    PersonFactory(organisation=organisation)

    assert 'aria-label="Pagination"' not in staff_client.get("/people/").content.decode()
