"""Add a partner organisation (section, library collection and groups) in one command."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from intranet.organisations.models import Organisation
from intranet.organisations.provisioning import ProvisioningError, provision_organisation


class Command(BaseCommand):
    help = (
        "Create (or update) a partner organisation and provision its section, library and groups."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Short code used in URLs and group names, e.g. lfb")
        parser.add_argument("--name", required=True, help="Full name, e.g. London Fire Brigade")
        parser.add_argument("--short-name", help="Short name; defaults to the full name")
        parser.add_argument("--accent", default="#1d70b8", help="Accent colour as #rrggbb")
        parser.add_argument("--domains", default="", help="Comma-separated staff email domains")

    def handle(self, *args, slug, name, short_name, accent, domains, **options):
        organisation = Organisation.objects.filter(slug=slug).first() or Organisation(slug=slug)
        organisation.name = name
        organisation.short_name = short_name or name
        organisation.accent_colour = accent
        organisation.email_domains = "\n".join(d.strip() for d in domains.split(",") if d.strip())
        try:
            organisation.full_clean()
        except ValidationError as error:
            problems = "; ".join(
                f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items()
            )
            raise CommandError(f"Cannot save organisation {slug!r}: {problems}") from None
        organisation.save()
        try:
            provision_organisation(organisation)
        except ProvisioningError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{organisation.name} is ready: section {organisation.section_page.url}, "
                f"groups {', '.join(g.identifier for g in organisation.groups.all())}"
            )
        )
