"""The document form Wagtail's admin uses: uploads must be what their names say, and a saved
document's derived data is written by the library's services."""

from django import forms
from wagtail.documents.forms import BaseDocumentForm

from intranet.access.admin_forms import WideningCheckMixin
from intranet.access.effective import document_facts_if
from intranet.access.policy import facts_for

from .intake import storable_filename, upload_problem
from .models import DocumentType
from .services import document_saved, note_new_file
from .versions import archive_file


class LibraryDocumentForm(WideningCheckMixin, BaseDocumentForm):
    version_note = forms.CharField(
        required=False,
        max_length=255,
        label="What changed",
        help_text="If you are replacing the file, say what changed; the old file is kept.",
    )

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")  # Wagtail's base form pops it; versions record who.
        super().__init__(*args, **kwargs)
        if "document_type" in self.fields:
            # Wagtail's multiple upload sends only a file, its title and folder: such a
            # document is "Other" until its editor says otherwise (as the model's default).
            self.fields["document_type"].required = False

    def clean_document_type(self):
        return self.cleaned_data.get("document_type") or DocumentType.OTHER

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "chunks") and "file" in self.changed_data:
            problem = upload_problem(uploaded, uploaded.name)
            if problem:
                raise forms.ValidationError(problem, code="content_mismatch")
            uploaded.name = storable_filename(uploaded.name)
        return uploaded

    def clean(self):
        cleaned = super().clean()
        collection = cleaned.get("collection")
        if self.instance.pk and collection is not None and self.user is not None:
            after = document_facts_if(
                collection,
                cleaned.get("audience", ""),
                cleaned.get("classification", ""),
                frozenset(group.pk for group in cleaned.get("access_groups") or []),
                cleaned.get("handling_caveat", ""),
            )
            self.check_widening(self.user, "collection", facts_for(self.instance), after)
        return cleaned

    def save(self, commit=True):
        if not commit:
            # The caller saves it, through ``services.save_document`` (see admin_views).
            return super().save(commit=False)
        replacing = bool(self.instance.pk) and "file" in self.changed_data and self.original_file
        if replacing:
            # Before Wagtail's save deletes the old file.
            archive_file(
                self.instance,
                self.original_file,
                user=self.user,
                note=self.cleaned_data.get("version_note", ""),
            )
        new_file = self.instance.file_changed
        if new_file:
            note_new_file(self.instance)
        document = super().save()  # the row, then its groups and tags
        document_saved(document, new_file=new_file)
        self.audit_widening(self.user, document)
        return document
