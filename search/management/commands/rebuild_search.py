"""Rebuild every search entry from its source, then the engine's index from the entries.

For a new installation over existing content, a restored backup, or a release that changes
what entries hold. Safe to run at any time; readers keep searching while it runs.
"""

from django.core.management.base import BaseCommand
from django.db import connection

from search.engine_indexes import reset_entry_index, uses_search_engine
from search.engine_sync import push_pending
from search.fulltext import rebuild
from search.indexing import refresh_all
from search.models import EngineState, SearchEntry


class Command(BaseCommand):
    help = "Rebuild search entries from pages, documents and people, and the engine's index."

    def handle(self, *args, **options):
        total = refresh_all()
        rebuild(connection)
        self.stdout.write(f"{total} search entries rebuilt from their sources.")
        if uses_search_engine():
            reset_entry_index()
            SearchEntry.objects.update(engine_state=EngineState.PENDING)
            synced = push_pending()
            self.stdout.write(f"{synced} entries sent to the search engine.")
