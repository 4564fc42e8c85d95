"""The site search page.

For now it searches live pages with Wagtail's configured backend. The federated,
security-trimmed search (documents, people, events, facets) replaces this query with
``search.service`` once the access policy exists; every page is visible to every signed-in
member of staff until then.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Page

RESULTS_PER_PAGE = 10


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    results = None
    if query:
        matches = Page.objects.live().specific().search(query)
        results = Paginator(matches, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": results})
