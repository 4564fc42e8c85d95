"""The site search page.

For now it searches live pages with Wagtail's configured backend, limited *inside the query*
to the pages the access policy lets this user open (so counts never include others). The
federated search (documents, people, events, facets, denormalised access fields in the index)
replaces this query with ``search.service``.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Page

from intranet.access.policy import visible_to

RESULTS_PER_PAGE = 10


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    results = None
    if query:
        visible = visible_to(request.user, Page.objects.live()).values("pk")
        matches = Page.objects.live().filter(pk__in=visible).specific().search(query)
        results = Paginator(matches, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": results})
