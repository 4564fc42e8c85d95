"""Delete the anonymous search query counts older than the retention period."""

from django.core.management.base import BaseCommand, CommandError

from search.analytics import RETENTION_DAYS, purge_older_than


class Command(BaseCommand):
    help = f"Delete search query counts older than --days days (default {RETENTION_DAYS})."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=RETENTION_DAYS)

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        deleted = purge_older_than(days)
        self.stdout.write(f"Deleted {deleted} search query counts older than {days} days.")
