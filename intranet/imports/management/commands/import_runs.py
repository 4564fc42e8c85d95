"""List recent import runs with their counts (the ids ``import_undo`` takes)."""

from django.core.management.base import BaseCommand

from intranet.imports.selectors import recent_runs


class Command(BaseCommand):
    help = "List recent import runs, newest first, with what each did."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=50, help="How many runs (default 50)")

    def handle(self, *args, limit, **options):
        runs = list(recent_runs(limit))
        if not runs:
            self.stdout.write("No import runs yet.")
            return
        for run in runs:
            state = f"undone {run.undone_at:%Y-%m-%d %H:%M}" if run.undone_at else ""
            if not run.finished_at and not state:
                state = "unfinished"
            self.stdout.write(
                f"{run.pk:>6}  {run.started_at:%Y-%m-%d %H:%M}  {run.importer:<12} "
                f"{run.organisation.slug:<6} {run.summary or 'nothing'}"
                f"{'  [' + state + ']' if state else ''}  {run.source}"
            )
