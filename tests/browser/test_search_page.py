"""The search page and its type-ahead meet WCAG 2.2 AA in a real browser, and work by keyboard."""

import re

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client

from intranet.access.models import CommitmentStatement
from intranet.access.statements import accept
from intranet.demo import files
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from search.engine_indexes import refresh_entry_index
from tests.browser.axe import assert_accessible
from tests.factories import ContentPageFactory, OrganisationFactory, UserFactory, restrict

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("empty_entry_index"),
]


@pytest.fixture
def staff():
    """Westminster and H&F content about leave: pages, a PDF policy and a sensitive page."""
    wcc = OrganisationFactory(slug="wcc", name="Westminster City Council", short_name="Westminster")
    hf = OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council", short_name="H&F")
    ContentPageFactory(
        parent=wcc.section_page,
        title="Annual leave",
        body=[("paragraph", "<p>Full-time staff get 27 days of leave a year.</p>")],
    )
    ContentPageFactory(parent=wcc.section_page, title="Sick leave", summary="Reporting absence.")
    ContentPageFactory(parent=hf.section_page, title="Parental leave")
    restrict(
        ContentPageFactory(parent=wcc.section_page, title="Leave case reviews"),
        audience="organisation",
        classification="OFFICIAL-SENSITIVE",
    )
    document = LibraryDocument(
        title="Annual leave policy",
        collection=wcc.library_collection,
        document_type="policy",
        description="How much leave you get and how to book it.",
    )
    document.file.save("leave.pdf", ContentFile(files.pdf(["Annual leave policy"])), save=False)
    save_document(document)
    member = UserFactory(username="wcc.staff", organisations=[wcc])
    accept(member, CommitmentStatement.objects.create(organisation=wcc, text="Care"))
    refresh_entry_index()  # With a search engine configured: searchable now, not in a second.
    return member


def summary(page) -> str:
    """The live "N results for …" heading (the type-ahead has a status region of its own)."""
    return page.get_by_role("status").filter(has=page.get_by_role("heading")).inner_text()


def test_results_with_filters_are_accessible_and_the_filters_apply(signed_in_page, staff):
    page = signed_in_page(staff)

    page.goto("/search/?q=leave")

    assert re.match(r"\d+ results for “leave”", summary(page))
    assert page.get_by_role("link", name="Annual leave", exact=True).is_visible()
    assert page.get_by_text("OFFICIAL-SENSITIVE", exact=True).is_visible()
    assert_accessible(page)

    page.get_by_role("checkbox", name=re.compile(r"^Westminster \(\d+\)$")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Policy \(1\)$")).check()
    page.get_by_label("Sort by").select_option("newest")
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_url("**/search/?*document_type=policy*")
    assert summary(page) == "1 result for “leave”"
    assert page.get_by_role("link", name="Annual leave policy").is_visible()
    assert page.get_by_role("link", name="Clear filters").is_visible()
    assert_accessible(page)


def test_my_organisation_narrows_to_the_persons_own_organisation(signed_in_page, staff):
    page = signed_in_page(staff)
    page.goto("/search/?q=leave")

    page.get_by_role("radio", name="My organisation").check()
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_url("**scope=mine*")
    assert "Parental leave" not in page.locator(".commons-search-results").inner_text()
    assert page.get_by_role("group", name="Organisation").get_attribute("aria-describedby")
    assert_accessible(page)


def test_a_tab_is_accessible_and_marked_current(signed_in_page, staff):
    page = signed_in_page(staff)

    page.goto("/search/?q=leave&type=page")

    tabs = page.get_by_role("navigation", name="Kinds of result")
    current = tabs.locator("[aria-current=page]")
    assert re.fullmatch(r"Pages \(\d+\)", current.inner_text())
    assert "Annual leave policy" not in page.locator(".commons-search-results").inner_text()
    assert_accessible(page)


def test_no_results_is_accessible_and_leads_to_the_people_directory(signed_in_page, staff):
    page = signed_in_page(staff)

    page.goto("/search/?q=zebra")

    assert summary(page) == "No results for “zebra”"
    assert page.get_by_role("link", name="Search the people directory").is_visible()
    assert_accessible(page)


def test_the_type_ahead_is_an_accessible_combobox(signed_in_page, staff):
    page = signed_in_page(staff)
    page.goto("/search/")
    box = page.get_by_role("combobox", name="Search the intranet")

    box.press_sequentially("annu", delay=50)

    listbox = page.get_by_role("listbox", name="Search suggestions")
    listbox.wait_for()
    options = listbox.get_by_role("option")
    assert options.first.is_visible()
    assert "Annual leave" in options.first.inner_text()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    page.get_by_role("status").filter(has_text=re.compile(r"^\d+ suggestions?$")).wait_for(
        state="attached"
    )

    box.press("ArrowDown")

    active = box.get_attribute("aria-activedescendant")
    assert active == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "site-search"  # Focus stays in the box.
    background = options.first.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background == "rgb(255, 221, 0)"  # #ffdd00, GOV.UK's focus colour.
    assert_accessible(page)

    box.press("Escape")
    assert listbox.is_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == "annu"

    box.press("ArrowDown")  # Reopens the same suggestions.
    box.press("ArrowDown")
    second = options.nth(1)
    url = second.evaluate("element => element.id")
    assert box.get_attribute("aria-activedescendant") == url
    title = second.locator(".commons-suggest__title").inner_text()
    box.press("Enter")
    page.wait_for_load_state()
    page.get_by_role("heading", level=1, name=title).wait_for()


def test_a_suggestion_opens_when_clicked(signed_in_page, staff):
    page = signed_in_page(staff)
    page.goto("/")

    page.get_by_role("combobox", name="Search the intranet").press_sequentially("sick", delay=50)
    page.get_by_role("option", name=re.compile("^Sick leave")).click()

    page.wait_for_url("**/wcc/sick-leave/")


def test_the_type_ahead_works_under_the_sites_content_security_policy(browser, live_server, staff):
    """The other browser tests bypass the CSP to inject axe-core; this one keeps it."""

    client = Client()
    client.force_login(staff)
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    try:
        page.goto("/search/")
        page.get_by_role("combobox").press_sequentially("leave", delay=50)
        page.get_by_role("listbox").get_by_role("option").first.wait_for()
    finally:
        context.close()

    assert not [text for text in console if "Content Security Policy" in text], console
