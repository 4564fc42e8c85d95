"""Facet counts from grouped rows, for backends that cannot aggregate per facet themselves.

Each facet counts the visible matches with every *other* filter applied, so choosing an
organisation still shows how many results each other organisation has.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..query import FACETS, UPDATED_WITHIN, SearchRequest

# Buckets of the "updated" facet, each including the narrower ones before it.
AGE_ORDER = (*UPDATED_WITHIN, "older")


@dataclass(frozen=True)
class Group:
    """Visible matches sharing every facet value."""

    type: str
    organisation: str
    document_type: str
    file_type: str
    updated: str  # the narrowest AGE_ORDER bucket the item falls in
    count: int


def _holds(group: Group, facet: str, request: SearchRequest) -> bool:
    if facet == "type":
        return request.kind == "all" or group.type == request.kind
    if facet == "organisation":
        return not request.organisations or group.organisation in request.organisations
    if facet == "document_type":
        return not request.document_types or group.document_type in request.document_types
    if facet == "file_type":
        return not request.file_types or group.file_type in request.file_types
    if facet == "updated":
        if not request.updated:
            return True
        return AGE_ORDER.index(group.updated) <= AGE_ORDER.index(request.updated)
    raise ValueError(facet)


def total_and_facets(
    groups: Iterable[Group], request: SearchRequest
) -> tuple[int, dict[str, dict[str, int]]]:
    groups = list(groups)
    total = sum(g.count for g in groups if all(_holds(g, f, request) for f in FACETS))
    facets: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        counts: Counter[str] = Counter()
        for group in groups:
            if not all(_holds(group, other, request) for other in FACETS if other != facet):
                continue
            if facet == "updated":
                for bucket in AGE_ORDER[AGE_ORDER.index(group.updated) : 3]:
                    counts[bucket] += group.count
            else:
                value = getattr(group, facet)
                if value:
                    counts[value] += group.count
        facets[facet] = dict(counts.most_common())
    return total, facets
