"""Load a council's HR export (CSV) into the people directory. See intranet.people.importing."""

from pathlib import Path

from intranet.imports.command import ImportCommand
from intranet.people.importing import ImportAborted, PeopleImportOptions, import_people


class Command(ImportCommand):
    help = (
        "Import people from an HR export CSV (employee_id and email required) into an "
        "organisation's directory. Safe to run again: people are matched by employee_id, "
        "and only changed rows are written."
    )
    aborted = (ImportAborted,)

    def add_source_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--full",
            action="store_true",
            help="The file lists everyone: mark the organisation's people not in it as leavers",
        )

    def run_import(self, options, progress):
        people = PeopleImportOptions(
            path=options["file"],
            organisation_slug=options["org"],
            dry_run=options["dry_run"],
            full=options["full"],
        )
        result = import_people(people, progress=progress)
        if result.ignored_columns:
            self.stdout.write(
                self.style.WARNING(f"Ignored columns: {', '.join(result.ignored_columns)}")
            )
        return result.report, result.run
