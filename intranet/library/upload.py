"""Adding a document from the library page: a GOV.UK form for editors, beside Wagtail's admin."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from intranet.access.choices import Audience, Classification
from intranet.organisations.models import Organisation

from .intake import intake_problem, storable_filename
from .models import DocumentType, LibraryDocument
from .services import save_document


def collections_for(user, organisation: Organisation):
    """The folders of this organisation's library the user may add documents to."""
    policy = policy_registry.get_by_type(LibraryDocument)
    root = Collection.objects.get(pk=organisation.library_collection_id)
    within_grants = Q(pk__in=[])
    for granted in policy.collections_user_has_permission_for(user, "add"):
        within_grants |= Q(path__startswith=granted.path)  # a grant covers the subtree
    return Collection.objects.filter(within_grants, path__startswith=root.path).order_by("path")


class UploadForm(forms.Form):
    title = forms.CharField(max_length=255)
    file = forms.FileField(
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument, RTF, HTML, text or CSV."
    )
    collection = forms.ModelChoiceField(
        queryset=Collection.objects.none(), label="Folder", empty_label=None
    )
    document_type = forms.ChoiceField(choices=DocumentType.choices, initial=DocumentType.OTHER)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    audience = forms.ChoiceField(
        choices=[("", "Same as the folder"), *Audience.choices],
        required=False,
        label="Who can see it",
    )
    classification = forms.ChoiceField(
        choices=[("", "Same as the folder"), *Classification.choices], required=False
    )

    def __init__(self, *args, collections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collection"].queryset = collections
        limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
        if limit is not None:
            self.fields["file"].help_text += f" Up to {filesizeformat(limit)}."
        self.fields["collection"].label_from_instance = lambda c: (
            " / ".join(a.name for a in c.get_ancestors(inclusive=True)[2:]) or "Top of the library"
        )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        problem = intake_problem(uploaded, uploaded.name)
        if problem:
            raise forms.ValidationError(problem)
        uploaded.name = storable_filename(uploaded.name)
        return uploaded

    def clean_audience(self):
        audience = self.cleaned_data["audience"]
        if audience == Audience.GROUPS:
            raise forms.ValidationError(
                "To limit a document to groups, add it here, then choose the groups in the admin."
            )
        return audience


def upload_document(
    request: HttpRequest, organisation: Organisation, context: dict
) -> HttpResponse:
    collections = collections_for(request.user, organisation)
    if not collections.exists():
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None, collections=collections)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = LibraryDocument(
            title=data["title"],
            collection=data["collection"],
            document_type=data["document_type"],
            description=data["description"],
            audience=data["audience"],
            classification=data["classification"],
            uploaded_by_user=request.user,
        )
        document.file = data["file"]
        document._set_document_file_metadata()
        save_document(document)
        messages.success(request, f"“{document.title}” has been added to the library.")
        return redirect("document", document.pk)
    return render(
        request, "library/upload.html", {**context, "form": form, "organisation": organisation}
    )
