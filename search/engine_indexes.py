"""The search engine's indexes: reset, drop and refresh them (tests and maintenance commands).

Not to be confused with `search.indexing`, which keeps the search entries themselves current."""

from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from .config import uses_search_engine
from .models import SearchEntry

__all__ = ["uses_search_engine"]  # Re-exported: where callers have always found it.


def reset_indexes(alias: str = "default") -> None:
    """Recreate every index empty, with the mappings of all its models.

    Without the mappings the engine would invent its own on the first document, and
    Wagtail's full-text fields (``_all_text``) would never be filled.
    """
    if not uses_search_engine(alias):
        return
    backend = get_search_backend(alias)
    reset = set()
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        if index.name not in reset:
            index.reset()
            reset.add(index.name)
        index.add_model(model)


def delete_all_indexes(alias: str = "default") -> None:
    """Drop every index under this site's prefix (test runs clean up after themselves).

    By name, not by wildcard: Elasticsearch refuses wildcard deletes by default
    (``action.destructive_requires_name``), OpenSearch allows them.
    """
    if uses_search_engine(alias):
        backend = get_search_backend(alias)
        names = sorted(backend.es.indices.get(index=f"{backend.index_prefix}*"))
        if names:
            backend.es.indices.delete(index=",".join(names), ignore_unavailable=True)


def reset_entry_index(alias: str = "default") -> None:
    """Empty the search entries' index (tests: rolled-back rows must not linger in the engine)."""
    if uses_search_engine(alias):
        backend = get_search_backend(alias)
        index = backend.get_index_for_model(SearchEntry)
        index.reset()
        index.add_model(SearchEntry)


def refresh_entry_index(alias: str = "default") -> None:
    """Make everything sent so far searchable now (the engine otherwise refreshes each second)."""
    if uses_search_engine(alias):
        get_search_backend(alias).get_index_for_model(SearchEntry).refresh()


def refresh_all_indexes(alias: str = "default") -> None:
    """Make everything sent to every index searchable now (tests; no-op on database search)."""
    if uses_search_engine(alias):
        backend = get_search_backend(alias)
        backend.es.indices.refresh(index=f"{backend.index_prefix}*")
