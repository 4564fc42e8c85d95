"""Helpers for the search engine's indexes, used by commands and tests."""

from django.conf import settings
from wagtail.search.backends import get_search_backend


def uses_search_engine(alias: str = "default") -> bool:
    """True when the backend is OpenSearch/Elasticsearch rather than the database."""
    backend = settings.WAGTAILSEARCH_BACKENDS[alias]["BACKEND"]
    return "opensearch" in backend or "elasticsearch" in backend


def delete_all_indexes(alias: str = "default") -> None:
    """Drop every index under this site's prefix (test runs clean up after themselves)."""
    if uses_search_engine(alias):
        backend = get_search_backend(alias)
        backend.es.indices.delete(index=f"{backend.index_prefix}*", ignore_unavailable=True)
