"""Read (again) the text of library documents: those not yet done, or --all."""

from django.core.management.base import BaseCommand

from intranet.library.models import LibraryDocument
from intranet.library.services import extract_and_store


class Command(BaseCommand):
    help = (
        "Extract the full text of library documents (pending or failed ones; --all for every one)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Re-read every document.")

    def handle(self, *args, all: bool = False, **options):
        documents = LibraryDocument.objects.order_by("pk")
        if not all:
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
