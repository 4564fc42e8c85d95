"""When the search engine is down: publishing still works, the page falls back to the database
search and says so, the API answers 503, and the engine catches up when it is back.

"Down" is a real refused connection: the backend is pointed at a closed port on this
machine (stopping the shared test node would take every other engine test down with it).
The catching-up half needs the real node, so it runs when OPENSEARCH_URL is set.
"""

import os

import pytest
from django.test import override_settings

from search.engine_indexes import refresh_entry_index
from search.engine_sync import push_pending
from search.models import EngineState, SearchEntry
from search.query import SearchRequest
from search.service import run_search
from tests.factories import ContentPageFactory
from tests.search.helpers import engine_down

pytestmark = pytest.mark.django_db

real_engine = pytest.mark.skipif(
    not (os.environ.get("OPENSEARCH_URL") or os.environ.get("ELASTICSEARCH_URL")),
    reason="catching up needs a real search engine (set OPENSEARCH_URL)",
)


def test_publishing_succeeds_and_the_change_waits_for_the_engine(organisation):
    with engine_down():
        page = ContentPageFactory(parent=organisation.section_page, title="Library opening hours")

    assert page.live
    entry = SearchEntry.objects.get(kind="page", object_id=page.pk)
    assert entry.engine_state == EngineState.PENDING


def test_the_search_page_falls_back_to_the_database_and_says_so(organisation, staff_client):
    with engine_down():
        ContentPageFactory(parent=organisation.section_page, title="Library opening hours")
        response = staff_client.get("/search/", {"q": "library"})

    assert response.status_code == 200
    assert response.context["response"].backend == "database"
    assert "search engine is not answering" in response.content.decode()
    assert "Library opening hours" in response.content.decode()


def test_the_api_answers_503_json(organisation, staff_client):
    with engine_down():
        search = staff_client.get("/api/search/", {"q": "library"})
        suggest = staff_client.get("/api/search/suggest/", {"q": "lib"})

    assert search.status_code == 503
    assert "unavailable" in search.json()["error"]
    assert suggest.status_code == 503


@real_engine
def test_the_engine_catches_up_when_it_returns(organisation, staff_user):
    with engine_down():
        ContentPageFactory(parent=organisation.section_page, title="Library opening hours")

    synced = push_pending()  # what the queued retry / `manage.py sync_search` does

    assert synced >= 1
    assert not SearchEntry.objects.filter(engine_state=EngineState.PENDING).exists()
    refresh_entry_index()
    response = run_search(staff_user, SearchRequest("library"), fallback=False)
    assert response.backend.startswith(("opensearch", "elasticsearch"))
    assert [hit.title for hit in response.hits] == ["Library opening hours"]


def test_failed_sends_queue_one_delayed_retry_not_one_per_write(organisation):
    """With the real database task queue (as `make run` and production use): the writes each
    queue a send; when sending fails, a single retry is queued 30 seconds on."""
    import datetime

    from django.core.cache import cache
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from search.tasks import sync_engine

    cache.delete("search:engine-retry-queued")
    queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with engine_down(), override_settings(TASKS=queue):
        ContentPageFactory(parent=organisation.section_page, title="Library opening hours")
        ContentPageFactory(parent=organisation.section_page, title="Library closures")
        for _ in range(2):  # what the worker does with the queued sends
            sync_engine.call()

    queued = DBTaskResult.objects.filter(task_path=sync_engine.module_path)
    soon = timezone.now() + datetime.timedelta(minutes=1)
    delayed = queued.filter(run_after__gt=timezone.now(), run_after__lt=soon)
    assert delayed.count() == 1  # one retry, 30 seconds on
    assert queued.count() >= 3  # …beside the sends queued by the writes themselves
    assert SearchEntry.objects.filter(engine_state=EngineState.PENDING).count() >= 2
