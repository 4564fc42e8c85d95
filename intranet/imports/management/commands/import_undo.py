"""Undo one import run: remove what it created, restore what it updated."""

from django.core.management.base import BaseCommand, CommandError

from intranet.imports.models import ImportRun
from intranet.imports.services import UndoRefused, undo_run


class Command(BaseCommand):
    help = (
        "Undo import run RUN_ID (see import_runs): what it created is removed and what it "
        "updated is put back. Refused, changing nothing, when later edits would be lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("run_id", type=int)

    def handle(self, *args, run_id, **options):
        run = ImportRun.objects.filter(pk=run_id).first()
        if run is None:
            raise CommandError(f"There is no import run {run_id}; `import_runs` lists them.")
        try:
            result = undo_run(run)
        except UndoRefused as error:
            raise CommandError(str(error)) from None
        note = f", {result.already_gone} already gone" if result.already_gone else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Undid import run {run.pk}: {result.deleted} removed, "
                f"{result.restored} restored{note}."
            )
        )
