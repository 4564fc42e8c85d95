"""Read (again) the text of library documents: those not yet done, --stale ones, or --all.

`--stale MINUTES` is the sweeper to run from cron (e.g. every 15 minutes with `--stale 30`): it
reads only documents whose extraction task was lost, e.g. to a worker killed mid-task.
"""

import datetime

from django.core.management.base import BaseCommand

from intranet.library.models import LibraryDocument
from intranet.library.reading import extract_and_store
from intranet.library.selectors import stale_pending_documents


class Command(BaseCommand):
    help = (
        "Extract the full text of library documents (pending or failed ones; --all for every one)."
    )

    def add_arguments(self, parser):
        choice = parser.add_mutually_exclusive_group()
        choice.add_argument("--all", action="store_true", help="Re-read every document.")
        choice.add_argument(
            "--stale",
            type=int,
            metavar="MINUTES",
            help="Only documents still waiting to be read this many minutes after being asked for.",
        )

    def handle(self, *args, all: bool = False, stale: int | None = None, **options):
        documents = LibraryDocument.objects.order_by("pk")
        if stale is not None:
            documents = stale_pending_documents(datetime.timedelta(minutes=stale)).order_by("pk")
        elif not all:
            documents = documents.exclude(extraction_status="done")
        outcomes = {"done": 0, "failed": 0}
        for document in documents.iterator():
            result = extract_and_store(document)
            outcomes[result.status] += 1
            if not result.ok:
                self.stdout.write(f"{document.pk} {document.title}: {result.reason}")
        self.stdout.write(
            self.style.SUCCESS(f"Read {outcomes['done']} documents; {outcomes['failed']} failed.")
        )
