"""Unknown addresses get the styled 404 page, which hints at access rather than confirming it."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_unknown_address_shows_the_styled_not_found_page(staff_client: Client):
    response = staff_client.get("/no-such-page/")

    assert response.status_code == 404
    content = response.content.decode()
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in content
    assert "ask them to check you have access" in content
    assert 'id="main-content"' in content
