"""Every page type meets WCAG 2.2 AA in a real browser (axe-core in headless Chromium)."""

import pytest
from django.test import override_settings

from tests.browser.axe import assert_accessible
from tests.factories import (
    TEST_PASSWORD,
    ContentPageFactory,
    ImageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    shared_home,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def council():
    organisation = OrganisationFactory(
        slug="wcc", name="Westminster City Council", short_name="Westminster"
    )
    topic = ContentPageFactory(parent=organisation.section_page, title="HR and pay")
    chart = ImageFactory(title="Leave chart", collection=organisation.library_collection)
    ContentPageFactory(
        parent=topic,
        title="Annual leave",
        author=PersonFactory(organisation=organisation, first_name="Asha", last_name="Patel"),
        body=[
            ("heading", "How much leave you get"),
            (
                "paragraph",
                "<p>Full-time staff get 27 days a year.</p>"
                f'<embed embedtype="image" id="{chart.pk}" format="fullwidth" '
                'alt="Leave by grade"/>',
            ),
            ("inset_text", "<p>Bank holidays are extra.</p>"),
            ("warning", "Book leave at least 2 weeks ahead."),
        ],
    )
    news = NewsIndexPageFactory(parent=organisation.section_page, slug="news")
    NewsArticlePageFactory(parent=news, title="Staff survey results", byline="Old Intranet Team")
    shared = NewsIndexPageFactory(parent=shared_home(), slug="news", title="Partnership news")
    NewsArticlePageFactory(parent=shared, title="Shared services annual report")
    return organisation


@pytest.fixture
def staff(council):
    return UserFactory(username="wcc.staff", organisations=[council])


def test_the_sign_in_page_is_accessible_and_signs_a_person_in(anonymous_page, staff):
    page = anonymous_page
    page.goto("/")
    assert "/accounts/login/" in page.url
    assert_accessible(page)

    page.get_by_label("Username").fill("wcc.staff")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url("**/")
    assert page.get_by_role("heading", level=1).inner_text() == "Commons"


def test_a_failed_sign_in_is_accessible_and_says_what_went_wrong(anonymous_page, staff):
    page = anonymous_page
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("wcc.staff")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()

    assert page.get_by_role("alert").inner_text().startswith("There is a problem")
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/wcc/",
        "/wcc/hr-and-pay/annual-leave/",
        "/wcc/news/",
        "/wcc/news/staff-survey-results/",
        "/search/?q=leave",
        "/no-such-page/",
    ],
    ids=[
        "shared home",
        "section home",
        "content page",
        "news index",
        "news article",
        "search",
        "not found",
    ],
)
def test_page_type_has_no_accessibility_violations(signed_in_page, staff, path):
    page = signed_in_page(staff)
    response = page.goto(path)

    assert response.status == (404 if path == "/no-such-page/" else 200)
    assert_accessible(page)


def test_the_organisation_accent_colour_reaches_the_section_banner(signed_in_page, staff):
    page = signed_in_page(staff)
    page.goto("/wcc/")

    border = page.locator(".commons-org-banner").evaluate(
        "element => getComputedStyle(element).borderLeftColor"
    )
    assert border == "rgb(0, 112, 60)"  # #00703c


def test_the_menu_works_on_a_phone_sized_screen(signed_in_page, staff):
    page = signed_in_page(staff)
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto("/")

    menu_link = page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Westminster", exact=True
    )
    assert not menu_link.is_visible()  # GOV.UK Frontend's JavaScript collapsed the menu.

    page.get_by_role("button", name="Menu").click()

    assert menu_link.is_visible()
    assert_accessible(page)


@override_settings(AXES_FAILURE_LIMIT=2)
def test_the_sign_in_paused_page_is_accessible_and_says_how_long(anonymous_page, staff):
    page = anonymous_page
    for _ in range(3):
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill("wcc.staff")
        page.get_by_label("Password").fill("not-the-password")
        page.get_by_role("button", name="Sign in").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Sign-in paused for this account"
    assert_accessible(page)
