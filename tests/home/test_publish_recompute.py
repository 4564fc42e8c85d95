"""Publishing a page that narrows its subtree rewrites the subtree's access records and search
entries in bulk: the same number of queries for 5 children or 20."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intranet.access.models import PageAccess
from search.models import SearchEntry
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def topic_with(hf, title: str, children: int):
    topic = ContentPageFactory(parent=hf.section_page, title=title)
    for n in range(children):
        ContentPageFactory(parent=topic, title=f"{title} {n}")
    return topic


def queries_to_narrow(topic) -> int:
    topic.audience = "organisation"
    revision = topic.save_revision()
    with CaptureQueriesContext(connection) as queries:
        revision.publish()
    return len(queries)


def test_narrowing_a_page_costs_the_same_queries_for_five_or_twenty_children(hf):
    small, large = topic_with(hf, "Leave", 5), topic_with(hf, "Rotas", 20)

    assert queries_to_narrow(small) == queries_to_narrow(large)


def test_the_children_and_their_search_entries_take_the_narrower_access(hf):
    topic = topic_with(hf, "Rotas", 3)

    queries_to_narrow(topic)

    below = PageAccess.objects.filter(page__path__startswith=topic.path)
    assert set(below.values_list("audience", flat=True)) == {"organisation"}
    assert below.count() == 4
    entries = SearchEntry.objects.filter(object_id__in=below.values("page_id"))
    assert entries.count() == 4
    assert set(entries.values_list("audience", flat=True)) == {"organisation"}
