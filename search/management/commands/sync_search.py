"""Send entries waiting for the search engine (after an outage) — the queued retry, by hand."""

from django.core.management.base import BaseCommand

from search.engine_indexes import uses_search_engine
from search.engine_sync import push_pending
from search.models import EngineState, SearchEntry


class Command(BaseCommand):
    help = "Send search entries that are waiting for the search engine."

    def handle(self, *args, **options):
        if not uses_search_engine():
            self.stdout.write("Database search is configured: nothing to send.")
            return
        synced = push_pending()
        waiting = SearchEntry.objects.filter(engine_state=EngineState.PENDING).count()
        self.stdout.write(f"Sent {synced} entries; {waiting} still waiting.")
        if waiting:
            raise SystemExit(1)
