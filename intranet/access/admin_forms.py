"""Admin forms for organisation settings: choices limited to what the user administers."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Collection

from intranet.organisations.models import Organisation

from . import audit
from .admin_permissions import administered_organisation_ids
from .effective import collection_facts, narrow, widening_errors
from .policy import AccessFacts, widening_refusal, widens


class WideningCheckMixin:
    """For admin forms that change where an item sits or what it declares: refuses, on the
    named field and saying why, a change that would let more people see it unless the user
    ``may_widen``; and after saving, records a widening that was allowed in the audit trail."""

    access_before: AccessFacts | None = None
    access_after: AccessFacts | None = None

    def check_widening(self, user, field: str, before, after: AccessFacts) -> None:
        self.access_before, self.access_after = before, after
        refusal = widening_refusal(user, before, after)
        if refusal:
            self.add_error(field, refusal)

    def audit_widening(self, user, item) -> None:
        before, after = self.access_before, self.access_after
        if before is not None and after is not None and widens(before, after):
            audit.record_widening(user, item, before, after)


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


class FolderAccessForm(WideningCheckMixin, WagtailAdminModelForm):
    """Folder access: only folders of libraries the user administers; narrow, never widen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
        cleaned = super().clean()
        collection = cleaned.get("collection")
        if collection is not None:
            self.instance.organisation_id = collection_facts(collection).owner_id
        if collection is not None and collection.depth > 1:
            parent_facts = collection_facts(collection.get_parent())
            audience = cleaned.get("audience", "")
            classification = cleaned.get("classification", "")
            groups = cleaned.get("groups") or []
            errors = widening_errors(parent_facts, audience, classification, groups)
            for field, message in errors.items():
                self.add_error("groups" if field == "access_groups" else field, message)
            if not errors and self.for_user is not None:
                after = narrow(
                    parent_facts,
                    audience,
                    classification,
                    frozenset(group.pk for group in groups),
                    cleaned.get("handling_caveat", ""),
                )
                self.check_widening(self.for_user, "audience", collection_facts(collection), after)
        return cleaned

    def save(self, commit=True):
        access = super().save(commit)
        if commit:
            self.audit_widening(self.for_user, access.collection)
        return access
