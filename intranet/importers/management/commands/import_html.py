"""Import a saved static site into an organisation. See intranet.importers.html_site."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intranet.importers.html_site import HtmlOptions, ImportAborted, import_html
from intranet.imports.models import Outcome


class Command(BaseCommand):
    help = (
        "Import a saved static site (wget --mirror or HTTrack output): one page per HTML file "
        "in the organisation's section, hierarchy from the paths, main content only; office "
        "files and PDFs into its library; old addresses redirected. Safe to run again: items "
        "are updated by their path."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="The saved site's folder")
        parser.add_argument("--org", required=True, help="The organisation's short code, e.g. wcc")
        parser.add_argument(
            "--base-url",
            required=True,
            help="The address the site was saved from, e.g. https://intranet.example.gov.uk/",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing"
        )
        parser.add_argument(
            "--report", type=Path, help="Write the per-item report to this CSV file"
        )

    def handle(self, *args, folder, org, base_url, dry_run, report, **options):
        site = HtmlOptions(folder=folder, organisation_slug=org, base_url=base_url, dry_run=dry_run)
        try:
            result, run = import_html(site, progress=self._progress)
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
