"""Register (or update) an organisation's identity provider: what scripts, CI and operators
use; the admin does the same. Idempotent."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from intranet.accounts.services import configure_provider
from intranet.organisations.models import Organisation


def on_off(value: str) -> bool:
    if value not in ("on", "off"):
        raise ValueError(value)
    return value == "on"


class Command(BaseCommand):
    help = (
        "Register or update ORG's OpenID Connect identity provider. Running it again with the "
        "same arguments changes nothing. --map, when given, becomes the whole claim → group map."
    )

    def add_arguments(self, parser):
        parser.add_argument("organisation", metavar="ORG", help="The organisation's slug, e.g. hf")
        parser.add_argument("--issuer", required=True, help="Issuer URL (OpenID discovery)")
        parser.add_argument("--client-id", required=True)
        parser.add_argument(
            "--client-secret-env",
            required=True,
            metavar="VAR",
            help="Name of the environment variable that holds the client secret",
        )
        parser.add_argument("--domains", help="Comma-separated email domains it may vouch for")
        parser.add_argument("--groups-claim", help="The claim listing groups (default: groups)")
        parser.add_argument(
            "--scopes", help='Space-separated scopes (default "openid email profile")'
        )
        parser.add_argument(
            "--map",
            action="append",
            dest="mappings",
            metavar="CLAIM=ORG/GROUP",
            help="A claim value and the organisation's group it grants; repeat for more",
        )
        parser.add_argument(
            "--password-login",
            type=on_off,
            metavar="on|off",
            help="Whether the organisation's staff may still sign in with a password",
        )
        state = parser.add_mutually_exclusive_group()
        state.add_argument("--disable", action="store_true", help="Switch the provider off")
        state.add_argument("--enable", action="store_true", help="Switch it back on")

    def handle(self, *args, organisation, **options):
        org = Organisation.objects.filter(slug=organisation).first()
        if org is None:
            raise CommandError(f"No organisation {organisation!r}")
        enabled = False if options["disable"] else (True if options["enable"] else None)
        try:
            result = configure_provider(
                org,
                issuer=options["issuer"],
                client_id=options["client_id"],
                client_secret_env=options["client_secret_env"],
                domains=options["domains"].split(",") if options["domains"] is not None else None,
                groups_claim=options["groups_claim"],
                scopes=options["scopes"],
                password_sign_in=options["password_login"],
                enabled=enabled,
                mappings=options["mappings"],
            )
        except ValidationError as error:
            raise CommandError(
                f"Cannot configure {organisation}: {'; '.join(error.messages)}"
            ) from None
        provider = result.provider
        if not result.changes:
            self.stdout.write(f"{organisation}: unchanged")
        else:
            for change in result.changes:
                self.stdout.write(f"{organisation}: {change}")
        self.stdout.write(
            f"{organisation}: {'enabled' if provider.enabled else 'DISABLED'}, password sign-in "
            f"{'on' if provider.password_sign_in else 'off'}, redirect URI "
            f"<site>/sso/oidc/{organisation}/login/callback/"
        )
