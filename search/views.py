"""The site search page: a thin view over ``search.service``."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from intranet.organisations.selectors import request_organisations

from . import presentation
from .params import InvalidSearch, search_request
from .service import run_search

RESULTS_PER_PAGE = 10


class _Window:
    """Lets Django's paginator describe a page whose rows the search already fetched."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        return []


def search(request: HttpRequest) -> HttpResponse:
    context = {"query": request.GET.get("q", "").strip()}
    try:
        query = search_request(request.GET, request.user, page_size=RESULTS_PER_PAGE)
    except InvalidSearch as error:
        context["error"] = str(error)
        return render(request, "search/search.html", context, status=400)
    filters = presentation.filters(query, request.GET)
    context.update(
        scope=request.GET.get("scope", "all"),
        sort=query.sort,
        filters=filters,
    )
    if query.text:
        organisations = request_organisations(request)
        response = run_search(request.user, query, organisations=organisations)
        if query.page > response.pages:  # An old link, or results that have since gone.
            return redirect(request.path + presentation.link(request.GET, page=response.pages))
        paginator = Paginator(_Window(response.total), query.page_size)
        context.update(
            response=response,
            page_obj=paginator.get_page(query.page),
            tabs=presentation.tabs(response, request.GET),
            facets=presentation.facet_options(response, request.GET, organisations),
            spelling_url=presentation.link(request.GET, q=response.spelling)
            if response.spelling
            else "",
        )
    return render(request, "search/search.html", context)
