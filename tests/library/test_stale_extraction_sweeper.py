"""A document whose extraction task was lost (its worker killed mid-task) does not stay
"Waiting to be read" forever: ``extract_text --stale MINUTES`` reads it again.

The state a killed worker leaves is written directly (status pending, asked for long ago): the
immediate task backend of the tests cannot be killed half-way.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from intranet.library.models import LibraryDocument
from tests.factories import document_in

pytestmark = pytest.mark.django_db


def left_pending(document, minutes_ago: int) -> None:
    LibraryDocument.objects.filter(pk=document.pk).update(
        extraction_status="pending",
        extracted_text="",
        extraction_requested_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def test_a_document_asked_for_long_ago_is_read_again(organisation):
    lost = document_in(organisation.library_collection, "Lost", text="parking permits")
    left_pending(lost, minutes_ago=120)
    output = StringIO()

    call_command("extract_text", "--stale", "30", stdout=output)

    lost.refresh_from_db()
    assert lost.extraction_status == "done"
    assert "parking permits" in lost.extracted_text
    assert "Read 1 documents; 0 failed." in output.getvalue()


def test_a_document_asked_for_a_moment_ago_is_left_to_its_task(organisation):
    queued = document_in(organisation.library_collection, "Queued", text="annual leave")
    left_pending(queued, minutes_ago=2)

    call_command("extract_text", "--stale", "30", stdout=StringIO())

    queued.refresh_from_db()
    assert queued.extraction_status == "pending"


def test_a_new_file_records_when_its_text_was_asked_for(organisation):
    before = timezone.now()

    document = document_in(organisation.library_collection, "New", text="rota")

    assert document.extraction_requested_at >= before
