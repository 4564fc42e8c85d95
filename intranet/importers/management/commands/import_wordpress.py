"""Import a WordPress export (WXR) into an organisation. See intranet.importers.wordpress."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intranet.importers.wordpress import ImportAborted, WordPressOptions, import_wordpress
from intranet.imports.models import Outcome


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools → Export, WXR 1.1/1.2): pages into the organisation's "
        "section (or --under), posts as news, attachments from --media-dir into its library, "
        "old URLs redirected. Safe to run again: items are updated by their WordPress id."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The export's .xml file")
        parser.add_argument("--org", required=True, help="The organisation's short code, e.g. wcc")
        parser.add_argument("--under", default="", help="Slugs below the section, e.g. old/site")
        parser.add_argument(
            "--media-dir", type=Path, help="The site's uploads (wp-content/uploads) folder"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing"
        )
        parser.add_argument(
            "--report", type=Path, help="Write the per-item report to this CSV file"
        )

    def handle(self, *args, path, org, under, media_dir, dry_run, report, **options):
        wordpress = WordPressOptions(
            path=path, organisation_slug=org, under=under, media_dir=media_dir, dry_run=dry_run
        )
        try:
            result, run = import_wordpress(wordpress, progress=self._progress)
        except ImportAborted as error:
            raise CommandError(str(error)) from None
        if sys.stderr.isatty():
            self.stderr.write("")
        for item in result.items:
            if item.outcome == Outcome.UNCHANGED and not item.reason:
                continue
            line = f"{item.outcome:<9} {item.kind:<8} {item.source_id}"
            self.stdout.write(line + (f" — {item.reason}" if item.reason else ""))
        if report:
            result.write_csv(report)
        summary = ", ".join(f"{n} {outcome}" for outcome, n in result.counts.items())
        where = " (dry run: nothing was written)" if dry_run else f" (import run {run.pk})"
        self.stdout.write(self.style.SUCCESS(f"Import finished: {summary}{where}."))

    def _progress(self, number: int, total: int, label: str) -> None:
        bar = "#" * (20 * number // max(total, 1))
        line = f"[{bar:<20}] {number}/{total} {label[:60]}"
        if sys.stderr.isatty():
            self.stderr.write(f"\r{line:<100}", ending="")
        elif number == total or number % 100 == 0:
            self.stderr.write(line)
