"""Load a council's HR export (CSV) into the people directory. See intranet.people.importing."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intranet.people.importing import (
    ImportAborted,
    PeopleImportOptions,
    import_people,
    iter_report_lines,
)


class Command(BaseCommand):
    help = (
        "Import people from an HR export CSV (employee_id and email required) into an "
        "organisation's directory. Safe to run again: people are matched by employee_id, "
        "and only changed rows are written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--org", required=True, help="The organisation's short code, e.g. wcc")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing"
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help="The file lists everyone: mark the organisation's people not in it as leavers",
        )
        parser.add_argument("--report", type=Path, help="Write the per-row report to this CSV file")

    def handle(self, *args, file, org, dry_run, full, report, verbosity, **options):
        options_ = PeopleImportOptions(path=file, organisation_slug=org, dry_run=dry_run, full=full)
        try:
            result = import_people(options_, progress=self._progress)
        except ImportAborted as error:
            raise CommandError(str(error)) from None
        if sys.stderr.isatty():
            self.stderr.write("")
        if result.ignored_columns:
            self.stdout.write(
                self.style.WARNING(f"Ignored columns: {', '.join(result.ignored_columns)}")
            )
        for line in iter_report_lines(result.report, everything=verbosity > 1):
            self.stdout.write(line)
        if report:
            result.report.write_csv(report)
        summary = ", ".join(f"{n} {outcome}" for outcome, n in result.report.counts.items())
        where = " (dry run: nothing was written)" if dry_run else f" (import run {result.run.pk})"
        self.stdout.write(self.style.SUCCESS(f"Import finished: {summary}{where}."))

    def _progress(self, number: int, total: int, source_id: str) -> None:
        bar = "#" * (20 * number // max(total, 1))
        line = f"[{bar:<20}] {number}/{total} {source_id[:60]}"
        if sys.stderr.isatty():
            self.stderr.write(f"\r{line:<100}", ending="")
        elif number == total or number % max(100, total // 20) == 0:
            self.stderr.write(line)
