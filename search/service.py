"""Federated search: one trimmed, ranked list over every kind of item, on any backend.

Views and the API call ``run_search`` and ``suggest``; they never query an index directly.
The access policy narrows the entries *inside* the query (``visible_to`` on the database,
the same solved rule as an engine filter), so totals, facets, snippets and suggestions only
ever concern items the person may open. If the search engine does not answer, the database
search answers instead and the response says so.
"""

import logging
from collections.abc import Iterable

from django.conf import settings

from intranet.access.policy import viewer_for, visible_to
from intranet.access.rules import visible_set
from intranet.organisations.models import Organisation

from .analytics import record_search
from .backends.database import DatabaseSearch
from .backends.engine import EngineSearch, EngineUnavailable
from .engine_indexes import uses_search_engine
from .models import EngineState, SearchEntry
from .promotions import promotions_for
from .query import Hit, Matches, SearchRequest, SearchResponse, Suggestion
from .snippets import snippet

logger = logging.getLogger(__name__)

# More entries than this waiting for the engine (an outage's backlog): use the database.
MAX_HIDDEN = 1000
DEGRADED = (
    "The search engine is not answering, so these results come from a simpler search. "
    "They may be ordered differently and spelling suggestions are unavailable."
)


def _engine() -> EngineSearch:
    """One client per configuration: building Wagtail's backend opens a new connection pool."""
    config = repr(settings.WAGTAILSEARCH_BACKENDS["default"])
    engine = _ENGINES.get(config)
    if engine is None:
        engine = _ENGINES[config] = EngineSearch()
    return engine


_ENGINES: dict[str, EngineSearch] = {}


def _visible_entries(user):
    return visible_to(user, SearchEntry.objects.filter(removed=False))


def _engine_matches(user, request: SearchRequest, slugs) -> Matches | None:
    """The engine's answer, or None when it is behind by more than a moment."""
    pending = SearchEntry.objects.filter(engine_state=EngineState.PENDING)
    hidden = list(pending.values_list("pk", flat=True)[: MAX_HIDDEN + 1])
    if len(hidden) > MAX_HIDDEN:
        return None
    return _engine().search(visible_set(viewer_for(user)), request, slugs, hidden)


def run_search(
    user,
    request: SearchRequest,
    *,
    fallback: bool = True,
    organisations: Iterable[Organisation] | None = None,
) -> SearchResponse:
    """Search as ``user``. ``fallback=False`` raises ``EngineUnavailable`` instead of degrading;
    ``organisations``: all of them, when the caller has already read them."""
    if organisations is None:
        organisations = Organisation.objects.all()
    slugs = {organisation.pk: organisation.slug for organisation in organisations}
    visible = _visible_entries(user)
    backend, degraded, matches = "database", "", None
    if uses_search_engine():
        try:
            matches = _engine_matches(user, request, slugs)
            backend = _engine().name if matches is not None else "database"
        except EngineUnavailable as error:
            logger.warning("Search engine unavailable, searching the database: %s", error)
            if not fallback:
                raise
            degraded = DEGRADED
    if matches is None:
        matches = DatabaseSearch().search(visible, request, slugs)
    # Best bets and the anonymous query counts concern a query's first page only.
    first_page = bool(request.text) and request.page == 1
    if first_page:
        record_search(user, request.text, matches.total)
    return SearchResponse(
        request=request,
        total=matches.total,
        hits=_hits(visible, matches.entry_ids, request.text),
        facets=matches.facets,
        backend=backend,
        degraded=degraded,
        spelling=matches.spelling if matches.spelling != request.text.lower() else "",
        promotions=promotions_for(user, request.text) if first_page else [],
    )


def _hits(visible, entry_ids: list[int], text: str) -> list[Hit]:
    # Re-read through the policy: an engine hit whose entry changed since is simply not shown.
    entries = visible.filter(pk__in=entry_ids).select_related("organisation").in_bulk()
    hits = []
    for entry_id in entry_ids:
        entry = entries.get(entry_id)
        if entry is None:
            logger.info("Search hit %s is no longer visible; skipped", entry_id)
            continue
        hits.append(
            Hit(
                kind=entry.kind,
                entry_id=entry.pk,
                object_id=entry.object_id,
                title=entry.title,
                url=entry.url,
                organisation=entry.organisation,
                classification=entry.classification,
                snippet=snippet(
                    text,
                    body=entry.body,
                    summary=entry.summary,
                    classification=entry.classification,
                ),
                label=entry.label,
                updated_at=entry.updated_at,
            )
        )
    return hits


def suggest(user, prefix: str, limit: int = 8, *, fallback: bool = True) -> list[Suggestion]:
    """Type-ahead over titles and people's names, trimmed like the search."""
    visible = _visible_entries(user)
    entry_ids = None
    if uses_search_engine():
        try:
            entry_ids = _engine().suggest(visible_set(viewer_for(user)), prefix, limit)
        except EngineUnavailable:
            if not fallback:
                raise
    if entry_ids is None:
        entry_ids = DatabaseSearch().suggest(visible, prefix, limit)
    entries = visible.filter(pk__in=entry_ids).select_related("organisation").in_bulk()
    return [
        Suggestion(
            kind=entry.kind,
            title=entry.title,
            url=entry.url,
            organisation=entry.organisation.slug if entry.organisation else "",
            label=entry.label,
            organisation_name=entry.organisation.short_name if entry.organisation else "",
        )
        for entry in (entries.get(pk) for pk in entry_ids)
        if entry is not None
    ]
