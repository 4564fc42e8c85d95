"""What the access rule reads: declared settings, effective records, agreements, statements,
and the audit trail of sensitive access."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import classproperty
from modelcluster.fields import ParentalManyToManyField

from intranet.organisations.models import Organisation, OrganisationGroup

from .choices import Audience, Classification
from .rules import AccessFacts, AccessPaths


class DeclaredAccess(models.Model):
    """Access settings an editor may set on an item; blank means "inherit".

    Pages inherit from their nearest ancestor that sets a value, documents from their
    collection; the top of each chain is the owning organisation's policy default.
    """

    audience = models.CharField(
        max_length=20,
        choices=Audience.choices,
        blank=True,
        help_text="Who may see this. Leave blank to inherit. It can only narrow its parent's.",
    )
    classification = models.CharField(
        max_length=20,
        choices=Classification.choices,
        blank=True,
        help_text="Leave blank to inherit. OFFICIAL-SENSITIVE needs the commitment statement.",
    )
    handling_caveat = models.CharField(
        max_length=40, blank=True, help_text="Optional caveat for sensitive items, e.g. PERSONAL."
    )

    class Meta:
        abstract = True


class DeclaredPageAccess(DeclaredAccess):
    """Declared access for page types; groups are revisioned with the page."""

    access_groups = ParentalManyToManyField(
        OrganisationGroup,
        blank=True,
        related_name="+",
        verbose_name="groups",
        help_text="When the audience is “members of chosen groups”.",
    )

    class Meta:
        abstract = True


class EffectiveAccess(models.Model):
    """Effective access kept on the item's own row (library documents, images).

    A content model with these columns declares, through them, what the access policy needs:
    ``access_paths`` (for filtering listings) and ``access_facts()`` (for judging one item).
    The policy knows no content model; it reads these declarations and refuses what has none.
    """

    owner_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    effective_audience = models.CharField(
        max_length=20, choices=Audience.choices, blank=True, editable=False
    )
    effective_classification = models.CharField(
        max_length=20, choices=Classification.choices, blank=True, editable=False
    )
    effective_caveat = models.CharField(max_length=40, blank=True, editable=False)
    effective_groups = models.ManyToManyField(
        OrganisationGroup, blank=True, related_name="+", editable=False
    )

    class Meta:
        abstract = True

    @classproperty
    def access_paths(cls) -> AccessPaths:
        # Groups as ``pk__in`` rather than ``Exists``: Wagtail's admin searches (index,
        # chooser) run the trimmed queryset through the search backend, which can filter on
        # fields, not on Exists.
        through = cls.effective_groups.through
        item_column = f"{cls._meta.model_name}_id"
        return AccessPaths(
            owner="owner_organisation",
            audience="effective_audience",
            classification="effective_classification",
            has_group=lambda ids: Q(
                pk__in=through.objects.filter(organisationgroup_id__in=ids).values(item_column)
            ),
        )

    def access_facts(self) -> AccessFacts | None:
        """The stored facts; None (refused) until they have been worked out."""
        if not self.effective_audience:
            return None
        return AccessFacts(
            owner_id=self.owner_organisation_id,
            audience=self.effective_audience,
            classification=self.effective_classification,
            group_ids=frozenset(group.pk for group in self.effective_groups.all()),
            handling_caveat=self.effective_caveat,
        )


class PageAccess(models.Model):
    """The effective access of a live page, recomputed whenever it or an ancestor changes.

    Kept in its own table so a query over any page type (or plain ``Page``) can filter on it.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="access_record"
    )
    owner_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    audience = models.CharField(max_length=20, choices=Audience.choices)
    classification = models.CharField(max_length=20, choices=Classification.choices)
    handling_caveat = models.CharField(max_length=40, blank=True)
    groups = models.ManyToManyField(OrganisationGroup, blank=True, related_name="+")
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "effective page access"

    def __str__(self) -> str:
        return f"{self.audience}/{self.classification} for page {self.page_id}"

    def access_facts(self) -> AccessFacts:
        """The page's effective facts (groups from a prefetch, when the caller made one)."""
        return AccessFacts(
            owner_id=self.owner_organisation_id,
            audience=self.audience,
            classification=self.classification,
            group_ids=frozenset(group.pk for group in self.groups.all()),
            handling_caveat=self.handling_caveat,
        )


class CollectionAccess(models.Model):
    """Declared access of a library collection; its documents and sub-collections inherit it."""

    collection = models.OneToOneField(
        "wagtailcore.Collection",
        on_delete=models.CASCADE,
        related_name="access_settings",
        verbose_name="folder",
    )
    # Whose library the folder is in; kept so each organisation's admins see only theirs. Set
    # by whatever writes the setting (the admin form, ``set_folder_access``).
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
    )
    audience = models.CharField(max_length=20, choices=Audience.choices, blank=True)
    classification = models.CharField(max_length=20, choices=Classification.choices, blank=True)
    handling_caveat = models.CharField(max_length=40, blank=True)
    groups = models.ManyToManyField(OrganisationGroup, blank=True, related_name="+")

    class Meta:
        verbose_name = "folder access"
        verbose_name_plural = "folder access"

    def __str__(self) -> str:
        return f"Access of {self.collection}"


class WideningRule(models.TextChoices):
    ADMINS = "admins", "Only the organisation's admins"
    EDITORS = "editors", "Any editor who may see the item"


class OrganisationPolicy(models.Model):
    """An organisation's own rules, edited by its admins."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="policy"
    )
    default_audience = models.CharField(
        max_length=20,
        choices=[(a.value, a.label) for a in (Audience.PARTNERSHIP, Audience.ORGANISATION)],
        default=Audience.PARTNERSHIP,
        help_text="Audience of content in your section and library that does not set its own.",
    )
    default_classification = models.CharField(
        max_length=20, choices=Classification.choices, default=Classification.OFFICIAL
    )
    requires_approval = models.BooleanField(
        default=False,
        help_text="Editors submit pages for approval by your moderators instead of publishing.",
    )
    review_period_months = models.PositiveSmallIntegerField(
        default=12, help_text="How often content owners should review their pages and documents."
    )
    widening_by = models.CharField(
        max_length=20,
        choices=WideningRule.choices,
        default=WideningRule.ADMINS,
        verbose_name="who may widen access",
        help_text=(
            "Moving a page, document or image, or changing its declared access, so that more "
            "people could see it. Anyone who may edit an item may always narrow its access."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "organisation policy"
        verbose_name_plural = "organisation policies"

    def __str__(self) -> str:
        return f"Policy of {self.organisation}"


class CommitmentStatement(models.Model):
    """One version of an organisation's confidentiality commitment statement.

    Versions are never edited or deleted; publishing a new one asks everyone to accept again.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="statements"
    )
    version = models.PositiveIntegerField(editable=False)
    text = models.TextField(help_text="What staff commit to before seeing sensitive material.")
    published_at = models.DateTimeField(default=timezone.now, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "version"], name="unique_version")
        ]
        ordering = ["organisation", "-version"]

    def __str__(self) -> str:
        return f"{self.organisation.short_name} commitment statement v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk is None and not self.version:
            latest = CommitmentStatement.objects.filter(organisation=self.organisation).aggregate(
                models.Max("version")
            )["version__max"]
            self.version = (latest or 0) + 1
        super().save(*args, **kwargs)


class StatementAcceptance(models.Model):
    """A person's acceptance of one statement version; kept for ever as evidence."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="statement_acceptances"
    )
    statement = models.ForeignKey(
        CommitmentStatement, on_delete=models.PROTECT, related_name="acceptances"
    )
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "statement"], name="accept_once_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.user} accepted {self.statement}"


class AgreementQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None) -> "AgreementQuerySet":
        on = on or timezone.localdate()
        return self.filter(revoked_at__isnull=True, starts_on__lte=on, ends_on__gte=on)


class InformationSharingAgreement(models.Model):
    """Lets staff of the grantee see the grantor's content of the classifications it covers."""

    grantor = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="agreements_granted"
    )
    grantee = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="agreements_received"
    )
    covers_official_sensitive = models.BooleanField(
        "covers OFFICIAL-SENSITIVE",
        default=True,
        help_text="OFFICIAL content needs no agreement; this agreement shares sensitive content.",
    )
    grantee_groups = models.ManyToManyField(
        OrganisationGroup,
        blank=True,
        related_name="+",
        help_text="Limit the agreement to these groups; leave empty for all grantee staff.",
    )
    reference = models.CharField(max_length=60, help_text="e.g. ISA-2026-014")
    purpose = models.TextField()
    starts_on = models.DateField()
    ends_on = models.DateField()
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = "information-sharing agreement"
        ordering = ["grantor", "reference"]

    def __str__(self) -> str:
        return f"{self.reference}: {self.grantor.short_name} → {self.grantee.short_name}"

    def clean(self):
        errors = {}
        if self.grantor_id and self.grantor_id == self.grantee_id:
            errors["grantee"] = "An organisation cannot grant an agreement to itself."
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "The end date must be on or after the start date."
        if errors:
            raise ValidationError(errors)


class AuditEvent(models.Model):
    """Who did what to sensitive material or to the rules that protect it, and on what ground."""

    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        DOWNLOAD = "download", "Downloaded"
        ACCEPT_STATEMENT = "accept-statement", "Accepted statement"
        CHANGE = "change", "Changed settings"
        WIDEN = "widen", "Widened access"
        SIGN_IN_LOCKED = "sign-in-locked", "Sign-in locked"

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150)
    user_organisations = models.CharField(max_length=255, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
        help_text="The organisation that owns what was accessed or changed.",
    )
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    object_title = models.CharField(max_length=255)
    classification = models.CharField(max_length=20, blank=True)
    ground = models.CharField(max_length=255, blank=True)
    agreement = models.ForeignKey(
        InformationSharingAgreement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.username} {self.action} {self.object_title}"
