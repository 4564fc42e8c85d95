"""Load the demo partnership (three councils, content and accounts). Safe to run twice."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from intranet.demo.seeding import DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Create demo organisations, content and accounts (password: commons-demo)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off. The demo accounts share a published password.",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts whose password is published, so it runs only with "
                "DEBUG on. Use --force if you really mean to load demo data here."
            )
        counts = seed_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {counts['organisations']} organisations, {counts['pages']} pages, "
                f"{counts['documents']} documents, {counts['images']} images and "
                f"{counts['users']} accounts created "
                f"(password for every account: {DEMO_PASSWORD})."
            )
        )
