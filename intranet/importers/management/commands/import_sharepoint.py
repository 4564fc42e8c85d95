"""Import a SharePoint site's PnP export into an organisation. See intranet.importers.sharepoint."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intranet.importers.sharepoint import ImportAborted, SharePointOptions, import_sharepoint
from intranet.imports.models import Outcome


class Command(BaseCommand):
    help = (
        "Import a SharePoint site exported with PnP (Get-PnPSiteTemplate -Out template.xml "
        "-PersistBrandingFiles, or a .pnp package): pages into the organisation's section, news "
        "into its news, files and lists into its library, old addresses redirected. Safe to run "
        "again: items are updated by their path in the site."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="The export folder (template and files)")
        parser.add_argument("--org", required=True, help="The organisation's short code, e.g. wcc")
        parser.add_argument(
            "--site-url",
            default="",
            help="The old site's address, e.g. https://tenant.sharepoint.com/sites/hr "
            "(for redirects from its full paths and rewriting absolute links)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing"
        )
        parser.add_argument(
            "--report", type=Path, help="Write the per-item report to this CSV file"
        )

    def handle(self, *args, folder, org, site_url, dry_run, report, **options):
        sharepoint = SharePointOptions(
            folder=folder, organisation_slug=org, site_url=site_url, dry_run=dry_run
        )
        try:
            result, run = import_sharepoint(sharepoint, progress=self._progress)
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
