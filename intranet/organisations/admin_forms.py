"""Admin forms with which an organisation's admins manage its groups and members."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from intranet.access.admin_forms import OrganisationScopedForm


class OrganisationGroupForm(OrganisationScopedForm):
    members = forms.ModelMultipleChoiceField(
        queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Staff of any partner organisation may be members.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["members"].initial = self.instance.group.user_set.all()
            # The short code is part of the group's identity (<org>/<group>) everywhere.
            self.fields["slug"].disabled = True
            self.fields["organisation"].disabled = True

    def clean(self):
        cleaned = super().clean()
        organisation, slug = cleaned.get("organisation"), cleaned.get("slug")
        is_new = not self.instance.pk
        if is_new and organisation and slug and organisation.groups.filter(slug=slug).exists():
            self.add_error("slug", f"{organisation.slug}/{slug} already exists.")
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        org_group = super().save(commit=False)
        if not org_group.group_id:
            org_group.group, _ = Group.objects.get_or_create(
                name=f"{org_group.organisation.slug}/{org_group.slug}"
            )
        org_group.save()
        org_group.group.user_set.set(self.cleaned_data["members"])
        return org_group


class MembershipForm(OrganisationScopedForm):
    def clean(self):
        cleaned = super().clean()
        user, organisation = cleaned.get("user"), cleaned.get("organisation")
        is_new = not self.instance.pk
        if is_new and user and organisation and organisation.memberships.filter(user=user).exists():
            self.add_error("user", f"{user} is already a member of {organisation.short_name}.")
        return cleaned
