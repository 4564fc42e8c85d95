"""Reading a search from query-string parameters (the page's form and the JSON API share it)."""

from django.http import QueryDict

from intranet.organisations.models import Organisation

from .query import KINDS, MAX_PAGE, MAX_PAGE_SIZE, SORTS, UPDATED_WITHIN, SearchRequest


class InvalidSearch(ValueError):
    """A parameter has a value the search does not know; the message says which."""


def listed(params: QueryDict, name: str) -> tuple[str, ...]:
    """The values of a list parameter, given comma-separated or repeated (``org=a,b&org=c``)."""
    values = []
    for raw in params.getlist(name):
        values.extend(v.strip() for v in raw.split(",") if v.strip())
    return tuple(dict.fromkeys(values))


def _positive(params: QueryDict, name: str, default: int) -> int:
    raw = params.get(name, "")
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidSearch(f"{name} must be a whole number") from None
    if value < 1:
        raise InvalidSearch(f"{name} must be 1 or more")
    return value


def _page(params: QueryDict) -> int:
    page = _positive(params, "page", 1)
    if page > MAX_PAGE:
        raise InvalidSearch(f"page must be {MAX_PAGE} or less; narrow the search instead")
    return page


def search_request(params: QueryDict, user, *, page_size: int = 10) -> SearchRequest:
    kind = params.get("type", "all") or "all"
    if kind not in ("all", *KINDS):
        raise InvalidSearch(f"type must be one of all, {', '.join(KINDS)}")
    sort = params.get("sort", "relevance") or "relevance"
    if sort not in SORTS:
        raise InvalidSearch(f"sort must be one of {', '.join(SORTS)}")
    updated = params.get("updated", "")
    if updated and updated not in UPDATED_WITHIN:
        raise InvalidSearch(f"updated must be one of {', '.join(UPDATED_WITHIN)}")
    organisations = listed(params, "org")
    if params.get("scope") == "mine":
        organisations = tuple(
            Organisation.objects.filter(memberships__user=user).values_list("slug", flat=True)
        ) or ("-",)  # Someone in no organisation has no "own" results.
    return SearchRequest(
        text=params.get("q", "").strip()[:200],
        kind=kind,
        organisations=organisations,
        document_types=listed(params, "document_type"),
        file_types=listed(params, "file_type"),
        updated=updated,
        sort=sort,
        page=_page(params),
        page_size=min(_positive(params, "page_size", page_size), MAX_PAGE_SIZE),
    )
