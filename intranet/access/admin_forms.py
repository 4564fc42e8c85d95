"""Admin forms for organisation settings: choices limited to what the user administers."""

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from intranet.organisations.models import Organisation

from .admin_permissions import administered_organisation_ids


class OrganisationScopedForm(WagtailAdminModelForm):
    """Limits the organisation field (``scoped_field``) to organisations the user administers."""

    scoped_field = "organisation"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get(self.scoped_field)
        user = self.for_user
        if field is not None and user is not None and not user.is_superuser:
            field.queryset = Organisation.objects.filter(pk__in=administered_organisation_ids(user))


class StatementForm(OrganisationScopedForm):
    def save(self, commit=True):
        statement = super().save(commit=False)
        statement.published_by = statement.published_by or self.for_user
        if commit:
            statement.save()
        return statement


class AgreementForm(OrganisationScopedForm):
    scoped_field = "grantor"
    revoke = forms.BooleanField(
        required=False,
        label="Revoke this agreement now",
        help_text="Access under it ends at once. Revoked agreements are kept as a record.",
    )

    def save(self, commit=True):
        agreement = super().save(commit=False)
        if self.cleaned_data.get("revoke") and agreement.revoked_at is None:
            agreement.revoked_at = timezone.now()
            agreement.revoked_by = self.for_user
        if commit:
            agreement.save()
            self.save_m2m()
        return agreement


class FolderAccessForm(WagtailAdminModelForm):
    """Folder access: only folders of libraries the user administers; narrow, never widen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.db.models import Q
        from wagtail.models import Collection

        user = self.for_user
        organisations = Organisation.objects.filter(library_collection__isnull=False)
        if user is not None and not user.is_superuser:
            organisations = organisations.filter(pk__in=administered_organisation_ids(user))
        within = Q(pk__in=[])
        for organisation in organisations.select_related("library_collection"):
            within |= Q(path__startswith=organisation.library_collection.path)
        field = self.fields["collection"]
        field.queryset = Collection.objects.filter(within).order_by("path")
        field.label_from_instance = lambda c: " / ".join(
            a.name for a in c.get_ancestors(inclusive=True)[1:]
        )
        self.fields["groups"].queryset = self.fields["groups"].queryset.select_related(
            "organisation"
        )

    def clean(self):
        from .effective import collection_facts, widening_errors

        cleaned = super().clean()
        collection = cleaned.get("collection")
        if collection is not None and collection.depth > 1:
            parent = collection.get_parent()
            errors = widening_errors(
                collection_facts(parent),
                cleaned.get("audience", ""),
                cleaned.get("classification", ""),
                cleaned.get("groups") or [],
            )
            for field, message in errors.items():
                self.add_error("groups" if field == "access_groups" else field, message)
        return cleaned
