"""What a search asks and what it answers — the same contract on every backend."""

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone

from .models import Kind

KINDS = tuple(Kind.values)
SORTS = ("relevance", "newest")
# "Updated" facet: value → how far back, narrowest first (every backend and the page use these).
UPDATED_WITHIN = {
    "week": timedelta(days=7),
    "month": timedelta(days=31),
    "year": timedelta(days=366),
}
UPDATED_LABELS = {"week": "Past week", "month": "Past month", "year": "Past year"}
FACETS = ("type", "organisation", "document_type", "file_type", "updated")
MAX_PAGE_SIZE = 50
# Engines page at most 10,000 hits deep (OpenSearch's max_result_window), and a page number
# far beyond that overflowed the database's OFFSET (a 500). Nobody reads page 201 of a search.
MAX_PAGE = 10_000 // MAX_PAGE_SIZE
WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@dataclass(frozen=True)
class SearchRequest:
    text: str
    kind: str = "all"
    organisations: tuple[str, ...] = ()  # slugs
    document_types: tuple[str, ...] = ()
    file_types: tuple[str, ...] = ()
    updated: str = ""  # a key of UPDATED_WITHIN, or "" for any time
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def updated_since(self, now: datetime | None = None) -> datetime | None:
        within = UPDATED_WITHIN.get(self.updated)
        return (now or timezone.now()) - within if within else None


@dataclass
class Matches:
    """A backend's answer: the visible matches' ids for the requested page, and the counts."""

    total: int
    entry_ids: list[int]
    # facet → value → count of visible matches with every *other* filter applied.
    facets: dict[str, dict[str, int]]
    spelling: str = ""


@dataclass
class Suggestion:
    kind: str
    title: str
    url: str
    organisation: str  # slug, "" for the shared area
    label: str = ""
    organisation_name: str = ""  # short name, for display


@dataclass
class Hit:
    kind: str
    entry_id: int
    object_id: int
    title: str
    url: str
    organisation: object  # Organisation | None
    classification: str
    snippet: str  # HTML: escaped text with <mark> around matched words
    label: str
    updated_at: datetime


@dataclass
class SearchResponse:
    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    backend: str
    # Set when the search engine could not answer and the database did instead.
    degraded: str = ""
    spelling: str = ""
    promotions: list = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.page_size))
