"""Which search backend this site is configured with: a leaf every search module may import."""

from django.conf import settings


def uses_search_engine(alias: str = "default") -> bool:
    """True when the backend is OpenSearch/Elasticsearch rather than the database."""
    backend = settings.WAGTAILSEARCH_BACKENDS[alias]["BACKEND"]
    return "opensearch" in backend or "elasticsearch" in backend
