"""Import a WordPress export (WXR) into an organisation. See intranet.importers.wordpress."""

from pathlib import Path

from intranet.importers.wordpress import ImportAborted, WordPressOptions, import_wordpress
from intranet.imports.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import a WordPress export (Tools → Export, WXR 1.1/1.2): pages into the organisation's "
        "section (or --under), posts as news, attachments from --media-dir into its library, "
        "old URLs redirected. Safe to run again: items are updated by their WordPress id."
    )
    aborted = (ImportAborted,)

    def add_source_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The export's .xml file")
        parser.add_argument("--under", default="", help="Slugs below the section, e.g. old/site")
        parser.add_argument(
            "--media-dir", type=Path, help="The site's uploads (wp-content/uploads) folder"
        )

    def run_import(self, options, progress):
        wordpress = WordPressOptions(
            path=options["path"],
            organisation_slug=options["org"],
            under=options["under"],
            media_dir=options["media_dir"],
            dry_run=options["dry_run"],
        )
        return import_wordpress(wordpress, progress=progress)
