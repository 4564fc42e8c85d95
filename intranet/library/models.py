"""The document model of every organisation's library (Wagtail's custom document model).

Defined from day one so that library metadata, versions and extracted text can be added
as fields later without swapping the document model under existing data.
"""

from django.conf import settings
from django.db import models
from wagtail.documents.models import AbstractDocument, Document

from intranet.access.models import DeclaredAccess, EffectiveAccess
from intranet.organisations.models import OrganisationGroup

from .storage import document_upload_to, library_storage, version_upload_to


class DocumentType(models.TextChoices):
    POLICY = "policy", "Policy"
    PROCEDURE = "procedure", "Procedure"
    GUIDANCE = "guidance", "Guidance"
    FORM = "form", "Form"
    TEMPLATE = "template", "Template"
    MINUTES = "minutes", "Minutes"
    REPORT = "report", "Report"
    OTHER = "other", "Other"


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be read"
    DONE = "done", "Text extracted"
    FAILED = "failed", "Could not be read"


EXTRACTION_FIELDS = frozenset(
    {
        "extracted_text",
        "extraction_status",
        "extraction_reason",
        "extracted_at",
        "extraction_requested_at",
        "page_count",
    }
)


class LibraryDocument(DeclaredAccess, EffectiveAccess, AbstractDocument):
    # Each organisation's files under its own prefix (and bucket, if it has one).
    file = models.FileField(
        upload_to=document_upload_to, storage=library_storage, verbose_name="file"
    )
    description = models.TextField(blank=True)
    document_type = models.CharField(
        max_length=20, choices=DocumentType.choices, default=DocumentType.OTHER
    )
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The person responsible for keeping this document up to date.",
    )
    review_by = models.DateField(null=True, blank=True)

    # Facts about the current file, worked out when it is saved and read.
    file_type = models.CharField(max_length=10, blank=True, editable=False)
    page_count = models.PositiveIntegerField(null=True, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    extracted_text = models.TextField(blank=True, editable=False)
    extraction_status = models.CharField(
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_reason = models.CharField(max_length=255, blank=True, editable=False)
    extracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the current file's text was asked for: a document still pending long after it (its
    # worker died mid-task) is read again by `extract_text --stale`.
    extraction_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    access_groups = models.ManyToManyField(
        OrganisationGroup,
        blank=True,
        related_name="+",
        verbose_name="groups",
        help_text="When the audience is “members of chosen groups”.",
    )

    admin_form_fields = (
        *Document.admin_form_fields,
        "description",
        "document_type",
        "content_owner",
        "review_by",
        "audience",
        "access_groups",
        "classification",
        "handling_caveat",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_file_name = instance.file.name if "file" in field_names else None
        return instance

    @property
    def file_changed(self) -> bool:
        return bool(self.file) and self.file.name != getattr(self, "_saved_file_name", None)

    def save(self, *args, **kwargs):
        """Writes this row only: what derives from a document is written by
        ``intranet.library.services`` (``save_document``, ``document_saved``)."""
        if not self._state.adding and not self.file_changed and kwargs.get("update_fields") is None:
            # The extraction task writes these behind this instance's back; an ordinary save
            # of a stale copy must not put the old values back.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in EXTRACTION_FIELDS
            ]
        super().save(*args, **kwargs)
        self._saved_file_name = self.file.name


class DocumentVersion(models.Model):
    """An earlier file of a document, kept when the file was replaced."""

    document = models.ForeignKey(LibraryDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to=version_upload_to, storage=library_storage)
    file_size = models.PositiveBigIntegerField(null=True)
    sha256 = models.CharField(max_length=64, blank=True)
    archived_at = models.DateTimeField(auto_now_add=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.document} (version {self.number})"

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]
