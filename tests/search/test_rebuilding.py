"""Entries can always be rebuilt from their sources: by command, and once after migrating a
site that had content before search existed."""

from io import StringIO

import pytest
from django.core.management import call_command

from search.apps import build_missing_entries
from search.models import SearchEntry
from tests.factories import ContentPageFactory, PersonFactory

from .helpers import found, library_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(organisation):
    ContentPageFactory(parent=organisation.section_page, title="Tree preservation orders")
    library_document(organisation, "Arboricultural survey", "Mature plane trees on the square.")
    PersonFactory(organisation=organisation, first_name="Ash", last_name="Elm")


def test_rebuild_search_recreates_every_entry_from_its_source(content, staff_user):
    expected = set(SearchEntry.objects.values_list("kind", "object_id", "title"))
    SearchEntry.objects.all().delete()

    out = StringIO()
    call_command("rebuild_search", stdout=out)

    assert set(SearchEntry.objects.values_list("kind", "object_id", "title")) == expected
    assert "search entries rebuilt" in out.getvalue()
    assert found(staff_user, "plane trees") == {("document", "Arboricultural survey")}


def test_migrating_a_site_without_entries_builds_them_once(content, staff_user):
    SearchEntry.objects.all().delete()

    build_missing_entries()  # what runs after `migrate`

    assert found(staff_user, "tree preservation") == {("page", "Tree preservation orders")}
    assert found(staff_user, "ash elm") == {("person", "Ash Elm")}
