"""Import a file share into an organisation's library. See intranet.library.importing."""

from pathlib import Path

from intranet.imports.command import ImportCommand
from intranet.library.importing import ImportAborted, ImportOptions, import_documents


class Command(ImportCommand):
    help = (
        "Import every file under DIR into an organisation's library; folders become collections. "
        "Safe to run again: documents are updated by path, never duplicated."
    )
    aborted = (ImportAborted,)

    def add_source_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--metadata", type=Path, help="CSV of metadata by relative path")
        parser.add_argument(
            "--collection", default="", help="Folder inside the library, e.g. HR/Policies"
        )
        parser.add_argument(
            "--exclude", action="append", default=[], help="Glob of files to leave out (repeatable)"
        )

    def run_import(self, options, progress):
        documents = ImportOptions(
            directory=options["directory"],
            organisation_slug=options["org"],
            metadata=options["metadata"],
            collection_path=options["collection"],
            dry_run=options["dry_run"],
            exclude=tuple(options["exclude"]),
        )
        return import_documents(documents, progress=progress)
