"""The document model of every organisation's library (Wagtail's custom document model).

Defined from day one so that library metadata, versions and extracted text can be added
as fields later without swapping the document model under existing data.
"""

from django.db import models
from wagtail.documents.models import AbstractDocument, Document

from intranet.access.choices import Audience, Classification
from intranet.access.models import DeclaredAccess
from intranet.organisations.models import Organisation, OrganisationGroup


class LibraryDocument(DeclaredAccess, AbstractDocument):
    description = models.TextField(blank=True)
    access_groups = models.ManyToManyField(
        OrganisationGroup,
        blank=True,
        related_name="+",
        verbose_name="groups",
        help_text="When the audience is “members of chosen groups”.",
    )

    # Effective access, worked out from the collection chain (intranet.access.effective).
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

    admin_form_fields = (
        *Document.admin_form_fields,
        "description",
        "audience",
        "access_groups",
        "classification",
        "handling_caveat",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"
        # Wagtail's chooser checks "choose_<model name>" on the custom model.
        permissions = [("choose_librarydocument", "Can choose document")]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        from intranet.access.effective import refresh_document_access

        refresh_document_access(self)
