"""Saving a draft revision recomputes nothing: the live page and its access are unchanged."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intranet.access.models import PageAccess
from tests.factories import ContentPageFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic():
    hf = OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council", short_name="H&F")
    topic = ContentPageFactory(parent=hf.section_page, title="Leave")
    for n in range(20):
        ContentPageFactory(parent=topic, title=f"Leave {n}")
    return topic


def test_a_draft_revision_reads_no_access_record_and_writes_no_search_entry(topic):
    topic.title = "Leave (draft)"

    with CaptureQueriesContext(connection) as queries:
        topic.save_revision()

    derived = [
        query["sql"]
        for query in queries
        if "access_pageaccess" in query["sql"] or "search_searchentry" in query["sql"]
    ]
    assert derived == []


def test_publishing_the_draft_still_recomputes_the_page(topic):
    topic.audience = "organisation"
    revision = topic.save_revision()

    assert PageAccess.objects.get(page=topic).audience == "partnership"
    revision.publish()
    assert PageAccess.objects.get(page=topic).audience == "organisation"
