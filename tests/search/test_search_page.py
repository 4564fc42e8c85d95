"""The search page: results trimmed to what the person may open, tabs and filters that count
only those, links that keep the search, and plain answers when there is nothing to show."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from search.engine_indexes import refresh_entry_index
from search.presentation import facet_options, filters, tabs
from search.query import SearchRequest, SearchResponse
from search.service import DEGRADED
from tests.factories import ContentPageFactory, restrict

pytestmark = pytest.mark.django_db


def _get(client: Client, path: str, params=None):
    """The search page, once a search engine (if configured) has made every write searchable."""
    refresh_entry_index()
    return client.get(path, params)


def _main(response) -> str:
    content = response.content.decode()
    return content[content.index("<main") : content.index("</main>")]


def test_a_matching_page_is_listed_with_its_organisation_and_marked_snippet(
    staff_client: Client, organisation
):
    ContentPageFactory(
        parent=organisation.section_page,
        title="Annual leave",
        body=[("paragraph", "<p>Full-time staff get 27 days of leave a year.</p>")],
    )

    response = _get(staff_client, "/search/", {"q": "leave"})

    content = _main(response)
    assert response.status_code == 200
    assert '<div role="status"' in content
    assert "1 result for “leave”" in content
    assert '<a class="govuk-link govuk-!-font-weight-bold commons-search-result__title"' in content
    assert 'href="/wcc/annual-leave/">Annual leave</a>' in content
    assert "27 days of <mark>leave</mark> a year." in content
    assert '<span class="commons-tag commons-org--wcc">Westminster</span>' in content
    assert re.search(
        r"Updated <time datetime=\"\d{4}-\d\d-\d\d\">\d{1,2} \w+ \d{4}</time>", content
    )
    assert "govuk-tag--red" not in content  # OFFICIAL is not marked.


def test_a_sensitive_result_is_marked_and_shows_no_body_text(
    staff_client: Client, organisation, staff_user
):
    from intranet.access.models import CommitmentStatement
    from intranet.access.statements import accept

    accept(staff_user, CommitmentStatement.objects.create(organisation=organisation, text="Care"))
    page = ContentPageFactory(
        parent=organisation.section_page,
        title="Case leave reviews",
        summary="",
        body=[("paragraph", "<p>Named person on leave.</p>")],
    )
    restrict(page, audience="organisation", classification="OFFICIAL-SENSITIVE")

    content = _main(_get(staff_client, "/search/", {"q": "leave"}))

    assert '<strong class="govuk-tag govuk-tag--red">OFFICIAL-SENSITIVE</strong>' in content
    assert "Named person" not in content


def test_a_page_for_another_organisations_staff_is_neither_listed_nor_counted(
    staff_client: Client, organisation, hf
):
    ContentPageFactory(parent=organisation.section_page, title="Annual leave")
    ContentPageFactory(parent=hf.section_page, title="Parental leave")
    restrict(
        ContentPageFactory(parent=hf.section_page, title="Leave for H&F staff only"),
        audience="organisation",
    )

    content = _main(_get(staff_client, "/search/", {"q": "leave"}))

    assert "H&amp;F staff only" not in content
    assert "2 results for “leave”" in content
    assert 'aria-current="page">All (2)</a>' in content
    assert ">Pages (2)</a>" in content
    assert ">Documents (0)</a>" in content
    # The organisation facet counts only the visible H&F page; "updated" counts both visible.
    assert 'for="org-1">H&amp;F (1)</label>' in content
    assert 'for="org-2">Westminster (1)</label>' in content
    assert ">Past week (2)</label>" in content


def test_filters_tabs_and_pagination_links_keep_the_query_and_the_filters(
    staff_client: Client, organisation, hf
):
    for number in range(12):
        ContentPageFactory(parent=organisation.section_page, title=f"Leave rule {number}")
    ContentPageFactory(parent=hf.section_page, title="Leave at H&F")
    params = "q=leave&org=wcc&updated=year&sort=newest"

    content = _main(_get(staff_client, f"/search/?{params}"))

    kept = params.replace("&", "&amp;")
    assert "12 results for “leave”" in content
    assert "Leave at H&amp;F" not in content
    assert f'href="?{kept}&amp;page=2" rel="next"' in content
    assert f'href="?{kept}&amp;page=2" aria-label="Page 2"' in content
    assert f'href="?{kept}&amp;type=page">Pages (12)</a>' in content
    # The filter form resubmits the query and shows what is chosen, with its counts.
    assert '<input type="hidden" name="q" value="leave">' in content
    assert 'name="org" type="checkbox" value="wcc" checked>' in content
    assert 'name="org" type="checkbox" value="hf">' in content
    assert 'for="org-1">H&amp;F (1)</label>' in content  # Other organisations still count.
    assert 'name="updated" type="radio" value="year" checked>' in content
    assert '<option value="newest" selected>Newest first</option>' in content
    assert '<a class="govuk-link" href="?q=leave&amp;sort=newest">Clear filters</a>' in content

    second = _main(_get(staff_client, f"/search/?{params}&type=page&page=2"))

    assert '<input type="hidden" name="type" value="page">' in second
    assert f'href="?{kept}&amp;type=page&amp;page=1" rel="prev"' in second
    assert 'aria-current="page">Pages (12)</a>' in second
    assert second.count('class="commons-search-result"') == 2


def test_organisations_given_as_a_list_are_each_ticked(staff_client: Client, organisation, hf):
    ContentPageFactory(parent=organisation.section_page, title="Annual leave")
    ContentPageFactory(parent=hf.section_page, title="Parental leave")

    content = _main(_get(staff_client, "/search/?q=leave&org=wcc,hf"))

    assert 'value="wcc" checked>' in content
    assert 'value="hf" checked>' in content
    assert "2 results" in content


def test_my_organisation_narrows_without_ticking_the_organisation_box(
    staff_client: Client, organisation, hf
):
    ContentPageFactory(parent=organisation.section_page, title="Annual leave")
    ContentPageFactory(parent=hf.section_page, title="Parental leave")

    content = _main(_get(staff_client, "/search/?q=leave&scope=mine"))

    assert "1 result for “leave”" in content
    assert "Parental leave" not in content
    assert 'name="scope" type="radio" value="mine" checked>' in content
    # Ticking it would keep narrowing after switching back to "All partners".
    assert 'value="wcc" checked>' not in content
    assert "Used when you show results from all partners." in content
    assert "Clear filters</a>" in content


def test_an_unknown_parameter_value_is_a_400_with_an_error_summary(staff_client: Client):
    response = _get(staff_client, "/search/", {"q": "leave", "type": "spaceship"})

    content = _main(response)
    assert response.status_code == 400
    assert '<div class="govuk-error-summary" data-module="govuk-error-summary">' in content
    assert "type must be one of all, page, document, person, event" in content
    assert '<input class="govuk-input" id="site-search" name="q" type="search" value="leave"' in (
        content
    )
    assert "<title>Error: leave – Search" in response.content.decode()


def test_no_results_gives_advice_and_leads_to_the_people_directory(
    staff_client: Client, organisation
):
    content = _main(_get(staff_client, "/search/", {"q": "zebra crossing"}))

    assert "No results for “zebra crossing”" in content
    assert "checking your spelling" in content
    assert "Clear filters</a>" not in content  # No filters are on.
    assert 'href="/people/?q=zebra%20crossing">Search the people directory</a>' in content


def test_no_results_with_filters_on_offers_to_clear_them(staff_client: Client, organisation):
    ContentPageFactory(parent=organisation.section_page, title="Annual leave")

    content = _main(_get(staff_client, "/search/?q=leave&type=document&updated=week"))

    assert "No results for “leave”" in content
    assert ">Pages (1)</a>" in content  # The other tab says where the results are.
    assert '<a class="govuk-link" href="?q=leave&amp;type=document">clear all filters</a>' in (
        content
    )
    assert 'href="?q=leave&amp;updated=week">all kinds of result</a>' in content


def test_a_page_past_the_last_goes_to_the_last_page(staff_client: Client, organisation):
    ContentPageFactory(parent=organisation.section_page, title="Annual leave")

    response = _get(staff_client, "/search/?q=leave&org=wcc&page=7")

    assert response.status_code == 302
    assert response["Location"] == "/search/?q=leave&org=wcc&page=1"


def test_an_empty_search_shows_just_the_box(staff_client: Client):
    content = _main(_get(staff_client, "/search/"))

    assert '<h1 class="govuk-heading-xl">Search</h1>' in content
    assert 'role="status"' not in content
    assert "Filter results" not in content


def test_when_the_search_engine_does_not_answer_the_page_says_so(
    staff_client: Client, organisation, settings
):
    """A real engine backend pointed at a closed port: ``run_search`` falls back to the
    database and sets ``degraded``, as it would in an outage (no mock)."""
    ContentPageFactory(parent=organisation.section_page, title="Annual leave")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": ["http://127.0.0.1:9"],
            "INDEX_PREFIX": "commons_unreachable_",
            "TIMEOUT": 1,
        }
    }

    response = staff_client.get("/search/", {"q": "leave"})

    content = _main(response)
    assert response.status_code == 200
    assert '<div class="govuk-notification-banner" role="region"' in content
    assert ">Important</h2>" in content
    assert DEGRADED in content
    assert "1 result for “leave”" in content


def test_best_bets_and_a_spelling_suggestion_are_shown_above_the_results(staff_user, organisation):
    """Only the engine suggests spellings, so this renders the page template with a real
    ``SearchResponse`` carrying both (no mock of the search; best bets end to end are in
    test_best_bets.py)."""
    from search.promotions import Promotion

    request = RequestFactory().get("/search/", {"q": "anual leave"})
    request.user = staff_user
    search = SearchResponse(
        request=SearchRequest("anual leave"),
        total=0,
        hits=[],
        facets={},
        backend="opensearch",
        spelling="annual leave",
        promotions=[
            Promotion(
                title="Book annual leave",
                url="/wcc/annual-leave/",
                description="How to book leave in the HR system.",
                organisation=organisation,
                kind="page",
            )
        ],
    )
    state = filters(search.request, request.GET)
    content = render_to_string(
        "search/search.html",
        {
            "query": "anual leave",
            "response": search,
            "tabs": tabs(search, request.GET),
            "facets": facet_options(search, request.GET),
            "filters": state,
            "spelling_url": "?q=annual+leave",
        },
        request=request,
    )

    assert (
        'Did you mean <a class="govuk-link govuk-!-font-weight-bold" href="?q=annual+leave">'
        in (content)
    )
    assert '<section class="commons-best-bets" aria-labelledby="best-bets-title">' in content
    assert 'href="/wcc/annual-leave/">Book annual leave</a>' in content
    assert '<span class="commons-tag commons-org--wcc">Westminster</span>' in content
    assert "How to book leave in the HR system." in content
    assert content.index("Best bets") < content.index("There are no matching results")


def test_pagination_links_keep_every_parameter_of_the_current_address():
    from django.core.paginator import Paginator

    page_obj = Paginator(range(30), 10).get_page(2)
    request = RequestFactory().get("/documents/", {"q": "a b", "org": "hf", "page": "2"})

    html = render_to_string("includes/pagination.html", {"page_obj": page_obj}, request=request)

    assert 'href="?q=a+b&amp;org=hf&amp;page=3" rel="next"' in html


def test_the_search_box_is_ready_for_type_ahead(staff_client: Client):
    content = _get(staff_client, "/search/").content.decode()

    assert 'data-suggest-url="/api/search/suggest/"' in content
    assert '<div class="commons-search__field">' in content
    assert "<script src" in content and "<script>" not in content  # CSP: no inline script.
