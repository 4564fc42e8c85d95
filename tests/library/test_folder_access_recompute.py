"""Changing a folder's access recomputes its documents in bulk: the same queries for 5 or 20."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intranet.library.models import LibraryDocument
from intranet.library.services import folder_access_changed, refresh_documents_in
from tests.factories import document_in, restrict_folder

pytestmark = pytest.mark.django_db


def folder_of(hf, name: str, documents: int):
    folder = hf.library_collection.add_child(name=name)
    below = folder.add_child(name=f"{name} archive")
    for n in range(documents):
        document_in(folder if n % 2 else below, f"{name} note {n}")
    return folder


def recompute_queries(folder) -> int:
    with CaptureQueriesContext(connection) as queries:
        refresh_documents_in(folder)
    return len(queries)


def test_recomputing_a_folder_costs_the_same_queries_for_five_or_twenty_documents(hf):
    small, large = folder_of(hf, "Payroll", 5), folder_of(hf, "Rotas", 20)
    for folder in (small, large):
        restrict_folder(folder, audience="organisation")

    assert recompute_queries(small) == recompute_queries(large)


def test_a_folder_of_twenty_documents_is_recomputed_in_a_handful_of_queries(
    hf, django_assert_max_num_queries
):
    folder = folder_of(hf, "Rotas", 20)
    restrict_folder(folder, audience="organisation")
    LibraryDocument.objects.update(effective_audience="partnership")

    with django_assert_max_num_queries(15):
        changed = refresh_documents_in(folder)

    assert len(changed) == 20
    assert set(LibraryDocument.objects.values_list("effective_audience", flat=True)) == {
        "organisation"
    }


def test_only_documents_whose_access_changed_are_sent_to_search_again(hf):
    folder = folder_of(hf, "Rotas", 4)
    restrict_folder(folder, audience="organisation")

    assert refresh_documents_in(folder) == []

    folder_access_changed(folder)  # Nothing changed: nothing to re-index, and no error.
    assert set(LibraryDocument.objects.values_list("effective_audience", flat=True)) == {
        "organisation"
    }
