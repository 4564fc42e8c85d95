"""What the search page shows besides results: tabs, facet options, links that keep filters."""

from dataclasses import dataclass

from django.http import QueryDict

from intranet.library.models import DocumentType
from intranet.organisations.models import Organisation

from .models import Kind
from .query import SearchResponse

UPDATED_LABELS = {"week": "Past week", "month": "Past month", "year": "Past year"}


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


def facet_options(response: SearchResponse) -> dict[str, list[Option]]:
    request, facets = response.request, response.facets
    organisations = {o.slug: o.short_name for o in Organisation.objects.all()}
    options = {
        "org": [
            Option(slug, organisations.get(slug, slug), count, slug in request.organisations)
            for slug, count in sorted(
                facets.get("organisation", {}).items(), key=lambda i: organisations.get(i[0], i[0])
            )
        ],
        "document_type": [
            Option(
                value,
                DocumentType(value).label if value in DocumentType.values else value,
                count,
                value in request.document_types,
            )
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
    # Keep a selected value visible even when nothing matches it any more.
    for name, chosen in (
        ("org", request.organisations),
        ("document_type", request.document_types),
        ("file_type", request.file_types),
    ):
        present = {option.value for option in options[name]}
        for value in chosen:
            if value not in present and value != "-":
                options[name].append(Option(value, organisations.get(value, value), 0, True))
    return options
