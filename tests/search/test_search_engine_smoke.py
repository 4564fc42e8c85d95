"""With a real OpenSearch/Elasticsearch node configured, Wagtail indexes and finds a page there.

Runs only when OPENSEARCH_URL or ELASTICSEARCH_URL is set (`.ci/run` starts a node for it).
"""

import os

import pytest
from wagtail.search.backends import get_search_backend

from home.models import ContentPage
from tests.factories import ContentPageFactory

pytestmark = [
    pytest.mark.opensearch,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (os.environ.get("OPENSEARCH_URL") or os.environ.get("ELASTICSEARCH_URL")),
        reason="no search engine configured (set OPENSEARCH_URL; `scripts/opensearch start`)",
    ),
]


def test_the_configured_backend_is_the_real_search_engine():
    backend = get_search_backend()

    assert type(backend).__module__.startswith("modelsearch.backends.")
    assert "opensearch" in type(backend).__module__ or "elasticsearch" in type(backend).__module__
    # Cluster health, not ping(): Elasticsearch's integ-test node has no root endpoint.
    assert backend.es.cluster.health()["status"] in {"green", "yellow"}


def test_a_published_page_is_indexed_and_found(organisation, fresh_search_index):
    page = ContentPageFactory(
        parent=organisation.section_page,
        title="Salamander habitat survey",
        summary="Newts in the council's ponds.",
    )
    fresh_search_index.refresh()

    results = list(ContentPage.objects.live().search("salamander"))

    assert [result.pk for result in results] == [page.pk]


def test_an_unpublished_page_is_not_found(organisation, fresh_search_index):
    ContentPageFactory(parent=organisation.section_page, title="Draft newt report", live=False)
    fresh_search_index.refresh()

    assert list(ContentPage.objects.live().search("newt")) == []
