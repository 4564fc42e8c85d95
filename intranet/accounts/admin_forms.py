"""Admin forms for single sign-on: an organisation's admins choose only their own groups."""

from intranet.access.admin_forms import OrganisationScopedForm
from intranet.access.admin_permissions import administered_organisation_ids
from intranet.organisations.models import OrganisationGroup


class ClaimGroupMappingForm(OrganisationScopedForm):
    """The organisation and group lists hold only what the user administers; the model's
    ``clean`` refuses a group of another organisation than the mapping's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        field = self.fields.get("group")
        if field is not None and user is not None and not user.is_superuser:
            field.queryset = OrganisationGroup.objects.filter(
                organisation__in=administered_organisation_ids(user)
            )
