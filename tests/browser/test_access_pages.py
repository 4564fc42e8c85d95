"""The access policy's own pages are accessible: the statement prompt and a sensitive page."""

import pytest

from intranet.access.models import CommitmentStatement
from tests.browser.axe import assert_accessible
from tests.factories import ContentPageFactory, OrganisationFactory, UserFactory, restrict

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def sensitive_page():
    hf = OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council", short_name="H&F")
    CommitmentStatement.objects.create(
        organisation=hf, text="I will use this information only for the purpose it was shared for."
    )
    page = ContentPageFactory(parent=hf.section_page, title="Case reviews")
    return restrict(page, classification="OFFICIAL-SENSITIVE", caveat="PERSONAL"), hf


def test_following_a_link_to_sensitive_content_asks_for_the_statement_then_shows_it(
    signed_in_page, sensitive_page
):
    page_obj, hf = sensitive_page
    page = signed_in_page(UserFactory(username="hf.staff", organisations=[hf]))

    page.goto(page_obj.url)
    assert "/statements/hf/" in page.url
    assert_accessible(page)

    page.get_by_role("button", name="Accept and continue").click()
    assert page.get_by_role("alert").inner_text().startswith("There is a problem")
    assert_accessible(page)

    page.get_by_label("I have read this statement").check()
    page.get_by_role("button", name="Accept and continue").click()

    page.wait_for_url(f"**{page_obj.url}")
    assert "OFFICIAL-SENSITIVE – PERSONAL" in page.get_by_role("note").inner_text()
    assert_accessible(page)
