"""Small helpers shared by the search tests."""

import time

from django.conf import settings
from django.test import override_settings
from wagtail.models import Collection

from search.engine_indexes import refresh_entry_index
from search.query import SearchRequest
from search.service import run_search
from tests.factories import LibraryDocumentFactory


def found(user, text: str, **request) -> set[tuple[str, str]]:
    """(kind, title) of everything ``user`` finds for ``text`` on the configured backend."""
    refresh_entry_index()
    response = run_search(user, SearchRequest(text, page_size=50, **request))
    return {(hit.kind, hit.title) for hit in response.hits}


def eventually_found(user, text: str, timeout: float = 5.0) -> set[tuple[str, str]]:
    """Like ``found`` but without forcing the engine's refresh: waits as a reader would."""
    deadline = time.monotonic() + timeout
    while True:
        response = run_search(user, SearchRequest(text, page_size=50))
        hits = {(hit.kind, hit.title) for hit in response.hits}
        if hits or time.monotonic() > deadline:
            return hits
        time.sleep(0.2)


def library_document(organisation, title: str, text: str, collection=None, **fields):
    """A plain-text document in ``organisation``'s library (or ``collection``)."""
    return LibraryDocumentFactory(
        title=title,
        text=text,
        collection=collection
        or organisation.library_collection
        or Collection.get_first_root_node(),
        **fields,
    )


def engine_down():
    """Settings pointing search at a closed port: a real refused connection, no mock."""
    configured = settings.WAGTAILSEARCH_BACKENDS["default"]
    backend = (
        configured["BACKEND"] if "URLS" in configured else ("wagtail.search.backends.opensearch3")
    )
    return override_settings(
        WAGTAILSEARCH_BACKENDS={
            "default": {
                "BACKEND": backend,
                "URLS": ["http://127.0.0.1:9"],  # discard port: nothing listens
                "INDEX_PREFIX": configured.get("INDEX_PREFIX", "commons_test_"),
                "TIMEOUT": 1,
                "OPTIONS": {"max_retries": 0},
            }
        }
    )
