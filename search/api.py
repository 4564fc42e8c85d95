"""JSON search API: ``/api/search/`` and ``/api/search/suggest/`` (session authentication).

Anonymous callers get 401 JSON; unknown parameter values 400 JSON; a search engine that does
not answer 503 JSON (the page degrades to the database search, the API says so plainly).
"""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from .backends.engine import EngineUnavailable
from .params import InvalidSearch, search_request
from .query import FACETS, SearchResponse
from .service import run_search, suggest


def _error(status: int, message: str) -> JsonResponse:
    response = JsonResponse({"error": message}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Session realm="commons"'
    return response


def _signed_in(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.is_active


def as_json(response: SearchResponse) -> dict:
    request = response.request
    return {
        "query": request.text,
        "total": response.total,
        "page": request.page,
        "page_size": request.page_size,
        "backend": response.backend,
        "results": [
            {
                "type": hit.kind,
                "id": hit.object_id,
                "title": hit.title,
                "url": hit.url,
                "organisation": hit.organisation.slug if hit.organisation else None,
                "organisation_name": hit.organisation.short_name if hit.organisation else None,
                "classification": hit.classification,
                "snippet": str(hit.snippet),
                "label": hit.label,
                "updated_at": hit.updated_at.isoformat(),
            }
            for hit in response.hits
        ],
        "facets": {name: response.facets.get(name, {}) for name in FACETS},
        "promotions": [promotion.as_json() for promotion in response.promotions],
        "spelling": response.spelling or None,
    }


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    if not _signed_in(request):
        return _error(401, "Sign in to search.")
    try:
        query = search_request(request.GET, request.user, page_size=20)
        response = run_search(request.user, query, fallback=False)
    except InvalidSearch as error:
        return _error(400, str(error))
    except EngineUnavailable:
        return _error(503, "Search is unavailable just now. Try again in a few minutes.")
    return JsonResponse(as_json(response))


@require_GET
def suggestions(request: HttpRequest) -> JsonResponse:
    if not _signed_in(request):
        return _error(401, "Sign in to search.")
    prefix = request.GET.get("q", "").strip()[:100]
    try:
        found = suggest(request.user, prefix, fallback=False) if prefix else []
    except EngineUnavailable:
        return _error(503, "Search is unavailable just now. Try again in a few minutes.")
    return JsonResponse(
        {
            "suggestions": [
                {
                    "type": s.kind,
                    "title": s.title,
                    "url": s.url,
                    "organisation": s.organisation or None,
                    "organisation_name": s.organisation_name or None,
                    "label": s.label,
                }
                for s in found
            ]
        }
    )
