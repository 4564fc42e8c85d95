"""What every import command shares: ``--org``, ``--dry-run`` and ``--report``, a progress bar
(tqdm) on a terminal and plain lines otherwise, a line per item that did something, the CSV
report and the closing summary — so each importer's command says only what is its own."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from .models import ImportRun, Outcome
from .reporting import ImportReport


class ImportCommand(BaseCommand):
    """Subclasses add their own arguments in ``add_source_arguments``, run their importer in
    ``run_import`` and name the exception it raises when it cannot start in ``aborted``."""

    aborted: tuple[type[Exception], ...] = ()

    def add_source_arguments(self, parser) -> None:
        raise NotImplementedError

    def run_import(self, options: dict, progress) -> tuple[ImportReport, ImportRun | None]:
        raise NotImplementedError

    def add_arguments(self, parser):
        self.add_source_arguments(parser)
        parser.add_argument("--org", required=True, help="The organisation's short code, e.g. wcc")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing"
        )
        parser.add_argument(
            "--report", type=Path, help="Write the per-item report to this CSV file"
        )

    def handle(self, *args, **options):
        self._bar: tqdm | None = None
        try:
            report, run = self.run_import(options, self.progress)
        except self.aborted as error:
            raise CommandError(str(error)) from None
        finally:
            if self._bar is not None:
                self._bar.close()
        everything = options["verbosity"] > 1
        for item in report.items:
            if item.outcome == Outcome.UNCHANGED and not item.reason and not everything:
                continue  # a re-import need not print thousands of "unchanged" lines
            line = f"{item.outcome:<9} {item.kind:<8} {item.source_id}"
            self.stdout.write(line + (f" — {item.reason}" if item.reason else ""))
        if options["report"]:
            report.write_csv(options["report"])
        summary = ", ".join(f"{count} {outcome}" for outcome, count in report.counts.items())
        where = " (dry run: nothing was written)" if run is None else f" (import run {run.pk})"
        self.stdout.write(self.style.SUCCESS(f"Import finished: {summary}{where}."))

    def progress(self, number: int, total: int, label: str) -> None:
        """A bar on a terminal; otherwise (a log, cron) a line every 5% or 100 items."""
        if sys.stderr.isatty():
            if self._bar is None:
                self._bar = tqdm(total=total, unit="item", file=sys.stderr, leave=False)
            self._bar.set_postfix_str(label[:40], refresh=False)
            self._bar.update(number - self._bar.n)
        elif number == total or number % max(100, total // 20) == 0:
            self.stderr.write(f"{number}/{total} {label[:60]}")
