"""Import a SharePoint site's PnP export into an organisation. See intranet.importers.sharepoint."""

from pathlib import Path

from intranet.importers.sharepoint import ImportAborted, SharePointOptions, import_sharepoint
from intranet.imports.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import a SharePoint site exported with PnP (Get-PnPSiteTemplate -Out template.xml "
        "-PersistBrandingFiles, or a .pnp package): pages into the organisation's section, news "
        "into its news, files and lists into its library, old addresses redirected. Safe to run "
        "again: items are updated by their path in the site."
    )
    aborted = (ImportAborted,)

    def add_source_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="The export folder (template and files)")
        parser.add_argument(
            "--site-url",
            default="",
            help="The old site's address, e.g. https://tenant.sharepoint.com/sites/hr "
            "(for redirects from its full paths and rewriting absolute links)",
        )

    def run_import(self, options, progress):
        sharepoint = SharePointOptions(
            folder=options["folder"],
            organisation_slug=options["org"],
            site_url=options["site_url"],
            dry_run=options["dry_run"],
        )
        return import_sharepoint(sharepoint, progress=progress)
