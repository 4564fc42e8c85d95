"""The document model of every organisation's library (Wagtail's custom document model).

Defined from day one so that library metadata, versions and extracted text can be added
as fields later without swapping the document model under existing data.
"""

from django.db import models
from wagtail.documents.models import AbstractDocument, Document


class LibraryDocument(AbstractDocument):
    description = models.TextField(blank=True)

    admin_form_fields = (*Document.admin_form_fields, "description")

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"
        # Wagtail's chooser checks "choose_<model name>" on the custom model.
        permissions = [("choose_librarydocument", "Can choose document")]
