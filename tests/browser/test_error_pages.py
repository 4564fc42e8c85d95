"""The problem (500) and unavailable (503) pages meet WCAG 2.2 AA and give the reference."""

import pytest

from tests.browser.axe import assert_accessible
from tests.factories import OrganisationFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("tests.operations.urls"),
]


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/broken/", "Sorry, there is a problem with the service"),
        ("/database-gone/", "Sorry, the service is unavailable"),
    ],
)
def test_an_error_page_is_accessible_and_shows_the_reference(signed_in_page, path, heading):
    staff = UserFactory(username="wcc.staff", organisations=[OrganisationFactory(slug="wcc")])
    page = signed_in_page(staff)

    response = page.goto(path)

    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.locator(".commons-request-id").inner_text() == response.headers["x-request-id"]
    assert_accessible(page)
