"""Partner organisations, their members and the groups each one owns."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .validators import (
    split_domains,
    validate_accent_colour,
    validate_email_domains,
    validate_organisation_slug,
)


class Organisation(index.Indexed, models.Model):
    """A sovereign partner (a council, a fire service…) with its own section and library.

    Creating one provisions its section page, library collection and groups
    (see ``intranet.organisations.provisioning``).
    """

    slug = models.SlugField(
        max_length=30,
        unique=True,
        validators=[validate_organisation_slug],
        help_text="Short code used in web addresses and group names, e.g. “wcc” → /wcc/.",
    )
    name = models.CharField(max_length=200, unique=True, help_text="e.g. Westminster City Council")
    short_name = models.CharField(max_length=60, help_text="e.g. Westminster")
    email_domains = models.TextField(
        blank=True,
        validators=[validate_email_domains],
        help_text="Staff email domains, one per line, e.g. westminster.gov.uk.",
    )
    accent_colour = models.CharField(
        max_length=7,
        default="#1d70b8",
        validators=[validate_accent_colour],
        help_text="Hex colour marking this organisation's pages, e.g. #00703c.",
    )
    section_page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    library_collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug")],
            heading="Identity",
        ),
        FieldPanel("accent_colour"),
        FieldPanel("email_domains"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def email_domain_list(self) -> list[str]:
        return split_domains(self.email_domains)

    def group(self, slug: str) -> Group | None:
        """The Django group for one of this organisation's groups, e.g. ``group("editors")``."""
        found = self.groups.filter(slug=slug).select_related("group").first()
        return found.group if found else None


class OrganisationGroup(models.Model):
    """A group owned by an organisation, known everywhere as ``<org-slug>/<group-slug>``.

    It wraps a Django ``Group`` so Wagtail's page and collection permissions apply to it;
    members may come from partner organisations too.
    """

    class Role(models.TextChoices):
        EDITORS = "editors", "Editors"
        MODERATORS = "moderators", "Moderators"
        ADMINS = "admins", "Administrators"
        OTHER = "other", "Other"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="groups")
    slug = models.SlugField(max_length=60)
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.OTHER)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="organisation_group")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="unique_group_per_org")
        ]
        ordering = ["organisation__slug", "slug"]

    def __str__(self) -> str:
        return self.identifier

    @property
    def identifier(self) -> str:
        return f"{self.organisation.slug}/{self.slug}"


class Membership(models.Model):
    """A user's membership of an organisation; a person may belong to several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation.slug}"
