"""Import a file share into an organisation's library. See intranet.library.importing."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intranet.library.importing import (
    ImportAborted,
    ImportOptions,
    import_documents,
    iter_report_lines,
)


class Command(BaseCommand):
    help = (
        "Import every file under DIR into an organisation's library; folders become collections. "
        "Safe to run again: documents are updated by path, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--org", required=True, help="The organisation's short code, e.g. wcc")
        parser.add_argument("--metadata", type=Path, help="CSV of metadata by relative path")
        parser.add_argument(
            "--collection", default="", help="Folder inside the library, e.g. HR/Policies"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing"
        )
        parser.add_argument(
            "--report", type=Path, help="Write the per-item report to this CSV file"
        )
        parser.add_argument(
            "--exclude", action="append", default=[], help="Glob of files to leave out (repeatable)"
        )

    def handle(
        self, *args, directory, org, metadata, collection, dry_run, report, exclude, **options
    ):
        options_ = ImportOptions(
            directory=directory,
            organisation_slug=org,
            metadata=metadata,
            collection_path=collection,
            dry_run=dry_run,
            exclude=tuple(exclude),
        )
        try:
            result, run = import_documents(options_, progress=self._progress)
        except ImportAborted as error:
            raise CommandError(str(error)) from None
        if sys.stderr.isatty():
            self.stderr.write("")
        for line in iter_report_lines(result):
            self.stdout.write(line)
        if report:
            result.write_csv(report)
        summary = ", ".join(f"{n} {outcome}" for outcome, n in result.counts.items())
        where = " (dry run: nothing was written)" if dry_run else f" (import run {run.pk})"
        self.stdout.write(self.style.SUCCESS(f"Import finished: {summary}{where}."))

    def _progress(self, number: int, total: int, source_id: str) -> None:
        bar = "#" * (20 * number // max(total, 1))
        line = f"[{bar:<20}] {number}/{total} {source_id[:60]}"
        if sys.stderr.isatty():
            self.stderr.write(f"\r{line:<100}", ending="")
        elif number == total or number % 100 == 0:
            self.stderr.write(line)
