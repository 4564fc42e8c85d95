"""Import a saved static site into an organisation. See intranet.importers.html_site."""

from pathlib import Path

from intranet.importers.html_site import HtmlOptions, ImportAborted, import_html
from intranet.imports.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import a saved static site (wget --mirror or HTTrack output): one page per HTML file "
        "in the organisation's section, hierarchy from the paths, main content only; office "
        "files and PDFs into its library; old addresses redirected. Safe to run again: items "
        "are updated by their path."
    )
    aborted = (ImportAborted,)

    def add_source_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="The saved site's folder")
        parser.add_argument(
            "--base-url",
            required=True,
            help="The address the site was saved from, e.g. https://intranet.example.gov.uk/",
        )

    def run_import(self, options, progress):
        site = HtmlOptions(
            folder=options["folder"],
            organisation_slug=options["org"],
            base_url=options["base_url"],
            dry_run=options["dry_run"],
        )
        return import_html(site, progress=progress)
