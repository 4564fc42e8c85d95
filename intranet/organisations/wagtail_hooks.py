"""Organisations in the Wagtail admin: partners (operators only) and, for each organisation's
own admins, its groups and members."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from intranet.access import audit
from intranet.access.admin_permissions import OrganisationScopedPermissionPolicy
from intranet.access.admin_views import ScopedViewSet

from .admin_forms import MembershipForm, OrganisationGroupForm
from .models import Membership, Organisation, OrganisationGroup
from .provisioning import provision_organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "short_name", "slug", "accent_colour"]
    search_fields = ["name", "short_name", "slug"]


register_snippet(OrganisationViewSet)

SCOPED = {
    OrganisationGroup: OrganisationScopedPermissionPolicy(
        OrganisationGroup, "organisation", {"add", "change", "view"}
    ),
    Membership: OrganisationScopedPermissionPolicy(
        Membership, "organisation", {"add", "delete", "view"}
    ),
}
for model, policy in SCOPED.items():
    register_permission_policy(model, policy)


class GroupViewSet(ScopedViewSet):
    model = OrganisationGroup
    icon = "group"
    menu_label = "Groups"
    list_display = ["__str__", "name", "role"]
    edit_handler = ObjectList(
        [FieldPanel("organisation"), FieldPanel("slug"), FieldPanel("name"), FieldPanel("members")],
        base_form_class=OrganisationGroupForm,
    )


class MembershipViewSet(ScopedViewSet):
    model = Membership
    icon = "user"
    menu_label = "Members"
    list_display = ["user", "organisation", "joined_at"]
    edit_handler = ObjectList(
        [FieldPanel("organisation"), FieldPanel("user")], base_form_class=MembershipForm
    )


class PeopleGroup(SnippetViewSetGroup):
    items = (GroupViewSet, MembershipViewSet)
    menu_icon = "group"
    menu_label = "People and groups"
    menu_name = "people-and-groups"


register_snippet(PeopleGroup)


@hooks.register("after_create_snippet")
def provision_new_organisation(request, instance):
    if isinstance(instance, Organisation):
        provision_organisation(instance)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def audit_people_changes(request, instance):
    if isinstance(instance, OrganisationGroup):
        members = ", ".join(sorted(instance.group.user_set.values_list("username", flat=True)))
        audit.record_change(request.user, instance.organisation, instance, f"members: {members}")
    elif isinstance(instance, Membership):
        audit.record_change(request.user, instance.organisation, instance, "member added")


@hooks.register("after_delete_snippet")
def audit_people_removed(request, instances):
    for instance in instances:
        if isinstance(instance, Membership):
            audit.record_change(request.user, instance.organisation, instance, "member removed")
