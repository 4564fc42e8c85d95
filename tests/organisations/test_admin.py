"""Adding an organisation in Wagtail's admin is the one action that sets a partner up."""

import pytest
from django.test import Client

from intranet.organisations.models import Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_superuser_adding_an_organisation_in_the_admin_provisions_it(client: Client):
    client.force_login(UserFactory(username="operator", is_superuser=True, is_staff=True))

    response = client.post(
        "/admin/snippets/organisations/organisation/add/",
        {
            "name": "London Fire Brigade",
            "short_name": "LFB",
            "slug": "lfb",
            "accent_colour": "#d4351c",
            "email_domains": "london-fire.gov.uk",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = Organisation.objects.get(slug="lfb")
    assert organisation.section_page.url == "/lfb/"
    assert organisation.groups.count() == 3
    assert client.get("/lfb/").status_code == 200


def test_the_admin_form_explains_a_bad_accent_colour(client: Client):
    client.force_login(UserFactory(username="operator", is_superuser=True, is_staff=True))

    response = client.post(
        "/admin/snippets/organisations/organisation/add/",
        {"name": "Pale", "short_name": "Pale", "slug": "pale", "accent_colour": "#ffff99"},
    )

    assert response.status_code == 200
    assert "too pale" in response.content.decode()
    assert not Organisation.objects.filter(slug="pale").exists()
