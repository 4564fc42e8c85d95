"""What the search page shows besides results: tabs, facet options, links that keep filters."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.http import QueryDict

from intranet.library.models import DocumentType
from intranet.organisations.models import Organisation

from .models import Kind
from .params import listed
from .query import UPDATED_LABELS, SearchRequest, SearchResponse

SCOPE_LABELS = {"all": "All partners", "mine": "My organisation"}
SORT_LABELS = {"relevance": "Most relevant", "newest": "Newest first"}
# Parameters that narrow the results (``q``, ``type``, ``sort`` and ``page`` do not).
FILTERS = ("org", "document_type", "file_type", "updated", "scope")


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Tab:
    label: str
    count: int
    url: str
    current: bool


def link(params: QueryDict, **changes) -> str:
    """This search's query string with some parameters changed (page reset unless given)."""
    query = params.copy()
    query.pop("page", None)
    for name, value in changes.items():
        if value in (None, ""):
            query.pop(name, None)
        else:
            query[name] = value
    return "?" + query.urlencode()


@dataclass
class Filters:
    """The state of the filter form and the links that keep or drop it."""

    scope: list[Option]
    mine: bool  # "My organisation": the organisation boxes are set aside
    sort: list[Option]
    active: bool  # some filter narrows the results
    clear_url: str  # this search (query, tab and order) without any filter


def filters(query: SearchRequest, params: QueryDict) -> Filters:
    """From the search as read (``query``); ``params`` only to build the links."""
    mine = params.get("scope") == "mine"
    narrowed = query.document_types or query.file_types or query.updated
    return Filters(
        scope=[
            Option(key, label, 0, key == ("mine" if mine else "all"))
            for key, label in SCOPE_LABELS.items()
        ],
        mine=mine,
        sort=[Option(key, label, 0, key == query.sort) for key, label in SORT_LABELS.items()],
        active=bool(mine or narrowed or query.organisations),
        clear_url=link(params, **dict.fromkeys(FILTERS)),
    )


def tabs(response: SearchResponse, params: QueryDict) -> list[Tab]:
    counts = response.facets.get("type", {})
    current = response.request.kind
    result = [Tab("All", sum(counts.values()), link(params, type=None), current == "all")]
    for kind in Kind:
        result.append(
            Tab(
                kind.label,
                counts.get(kind.value, 0),
                link(params, type=kind.value),
                current == kind.value,
            )
        )
    return result


def facet_options(
    response: SearchResponse,
    params: QueryDict | None = None,
    organisations: Iterable[Organisation] | None = None,
) -> dict[str, list[Option]]:
    """Each facet's values with their counts, marking the ones chosen.

    Organisations count as chosen only when ticked: with ``scope=mine`` the request is
    narrowed to the person's own organisations, which they did not tick (and would otherwise
    find still ticked, and still narrowing, after switching back to all partners).
    """
    request, facets = response.request, response.facets
    ticked = listed(params, "org") if params is not None else request.organisations
    if organisations is None:
        organisations = Organisation.objects.all()
    organisations = {o.slug: o.short_name for o in organisations}
    options = {
        "org": [
            Option(slug, organisations.get(slug, slug), count, slug in ticked)
            for slug, count in sorted(
                facets.get("organisation", {}).items(), key=lambda i: organisations.get(i[0], i[0])
            )
        ],
        "document_type": [
            Option(value, _document_type_label(value), count, value in request.document_types)
            for value, count in sorted(facets.get("document_type", {}).items())
        ],
        "file_type": [
            Option(value, value.upper(), count, value in request.file_types)
            for value, count in sorted(facets.get("file_type", {}).items())
        ],
        "updated": [
            Option(key, label, facets.get("updated", {}).get(key, 0), request.updated == key)
            for key, label in UPDATED_LABELS.items()
        ],
    }
    # Keep a selected value visible (to untick) even when nothing matches it any more.
    for name, values, label in (
        ("org", ticked, lambda v: organisations.get(v, v)),
        ("document_type", request.document_types, _document_type_label),
        ("file_type", request.file_types, str.upper),
    ):
        present = {option.value for option in options[name]}
        for value in values:
            if value not in present and value != "-":
                options[name].append(Option(value, label(value), 0, True))
    return options


def _document_type_label(value: str) -> str:
    return DocumentType(value).label if value in DocumentType.values else value
