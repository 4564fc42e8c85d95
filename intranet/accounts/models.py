"""Each organisation's identity provider (single sign-on) and its claim → group map.

A provider is data, not settings: platform operators register one per organisation, and
allauth is handed it at run time (``adapters.SocialAccountAdapter.list_apps``), so there is
no second copy in allauth's own ``SocialApp`` table to drift. The client secret is never
stored: the record names the environment variable that holds it.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models

from intranet.organisations.models import Organisation, OrganisationGroup
from intranet.organisations.validators import split_domains, validate_email_domains

ENV_VAR_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")


def validate_env_var_name(value: str) -> None:
    if not ENV_VAR_NAME.match(value):
        raise ValidationError(
            "Enter the name of an environment variable, in capitals, e.g. COMMONS_SSO_HF_SECRET."
        )


class IdentityProvider(models.Model):
    """The identity provider that vouches for one organisation's staff (OpenID Connect)."""

    class Protocol(models.TextChoices):
        OIDC = "oidc", "OpenID Connect"

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="identity_provider"
    )
    protocol = models.CharField(max_length=10, choices=Protocol.choices, default=Protocol.OIDC)
    issuer = models.URLField(
        max_length=500,
        help_text="The issuer URL; its /.well-known/openid-configuration is read, e.g. "
        "https://login.microsoftonline.com/<tenant-id>/v2.0",
    )
    client_id = models.CharField(max_length=255, help_text="Commons' client (application) id.")
    client_secret_env = models.CharField(
        "client secret environment variable",
        max_length=100,
        validators=[validate_env_var_name],
        help_text="The name of the environment variable that holds the client secret. "
        "The secret itself is never stored in the database.",
    )
    email_domains = models.TextField(
        blank=True,
        validators=[validate_email_domains],
        help_text="Email domains this provider may vouch for, one per line; each must be one of "
        "the organisation's. Empty: all of the organisation's domains.",
    )
    scopes = models.CharField(max_length=255, default="openid email profile")
    groups_claim = models.CharField(
        max_length=100, default="groups", help_text="The claim that lists the person's groups."
    )
    job_title_claim = models.CharField(
        max_length=100, default="job_title", help_text="The claim that carries the job title."
    )
    enabled = models.BooleanField(
        default=True, help_text="Switched off, nobody can sign in through this provider."
    )
    password_sign_in = models.BooleanField(
        "password sign-in allowed",
        default=True,
        help_text="Switched off, the organisation's staff can only sign in through this "
        "provider (platform operators still can).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation__slug"]

    def __str__(self) -> str:
        return f"{self.organisation.short_name} identity provider"

    def clean(self) -> None:
        if self.organisation_id is None:
            return
        allowed = set(self.organisation.email_domain_list)
        foreign = [d for d in split_domains(self.email_domains) if d not in allowed]
        if foreign:
            raise ValidationError(
                {
                    "email_domains": f"{', '.join(foreign)} is not one of "
                    f"{self.organisation.short_name}'s email domains."
                }
            )

    @property
    def slug(self) -> str:
        """The provider's id in allauth and in its URLs: the organisation's slug."""
        return self.organisation.slug

    @property
    def vouched_domains(self) -> list[str]:
        """The domains this provider may vouch for: its own list, always within its
        organisation's (so one council's provider can never vouch for another's staff)."""
        organisation_domains = self.organisation.email_domain_list
        own = split_domains(self.email_domains)
        return [d for d in own if d in organisation_domains] if own else organisation_domains

    @property
    def scope_list(self) -> list[str]:
        return [s for s in re.split(r"[\s,]+", self.scopes) if s]


class ClaimGroupMapping(models.Model):
    """One entry of an organisation's claim → group map: people whose provider asserts
    ``claim_value`` in its groups claim are put in ``group`` (one of the organisation's own
    groups) at sign-in, and taken out when it no longer does."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="claim_group_mappings"
    )
    claim_value = models.CharField(
        max_length=255, help_text="The value in the groups claim, e.g. SG-SocialCare."
    )
    group = models.ForeignKey(
        OrganisationGroup,
        on_delete=models.CASCADE,
        related_name="claim_mappings",
        help_text="One of the organisation's own groups.",
    )

    class Meta:
        ordering = ["organisation__slug", "claim_value"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "claim_value", "group"], name="unique_claim_group"
            )
        ]
        verbose_name = "claim → group mapping"

    def __str__(self) -> str:
        return f"{self.claim_value} → {self.group}"

    def clean(self) -> None:
        if (
            self.organisation_id is not None
            and self.group_id is not None
            and self.group.organisation_id != self.organisation_id
        ):
            raise ValidationError(
                {
                    "group": "Choose one of the organisation's own groups: sign-in never grants "
                    "another organisation's groups."
                }
            )
