"""The directory in the Wagtail admin: each organisation's admins keep their own staff's
profiles, teams and buildings (never another organisation's); every change is audited.

People are never deleted here: a leaver gets a leaving date and drops out of the directory
after the grace period, as with an HR export's leavers."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from intranet.access.admin_permissions import OrganisationScopedPermissionPolicy
from intranet.access.admin_views import ScopedViewSet

from . import services
from .admin_forms import BuildingAdminForm, PersonAdminForm, TeamAdminForm
from .models import Building, Person, Team

register_permission_policy(
    Person, OrganisationScopedPermissionPolicy(Person, "organisation", {"add", "change", "view"})
)
register_permission_policy(
    Team, OrganisationScopedPermissionPolicy(Team, "organisation", {"add", "change", "view"})
)
register_permission_policy(
    Building,
    OrganisationScopedPermissionPolicy(Building, "organisation", {"add", "change", "view"}),
)


class PersonViewSet(ScopedViewSet):
    model = Person
    icon = "user"
    menu_label = "Staff profiles"
    list_display = ["display_name", "job_title", "team", "organisation", "left_on"]
    list_filter = ["organisation"]
    search_fields = ["first_name", "last_name", "preferred_name", "email", "job_title"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("organisation"),
                    FieldPanel("employee_id"),
                    FieldPanel("first_name"),
                    FieldPanel("last_name"),
                    FieldPanel("email"),
                    FieldPanel("job_title"),
                    FieldPanel("team"),
                    FieldPanel("manager"),
                    FieldPanel("work_phone"),
                    FieldPanel("mobile_phone"),
                    FieldPanel("base"),
                    FieldPanel("left_on"),
                ],
                heading="From HR",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("preferred_name"),
                    FieldPanel("pronouns"),
                    FieldPanel("photo"),
                    FieldPanel("teams_address"),
                    FieldPanel("sip_address"),
                    FieldPanel("working_days"),
                    FieldPanel("skills"),
                    FieldPanel("languages"),
                    FieldPanel("ask_me_about"),
                ],
                heading="About them (the person usually keeps these)",
            ),
            FieldPanel("audience"),
        ],
        base_form_class=PersonAdminForm,
    )


class TeamViewSet(ScopedViewSet):
    model = Team
    icon = "group"
    menu_label = "Teams"
    list_display = ["path", "organisation", "head"]
    list_filter = ["organisation"]
    search_fields = ["path"]
    edit_handler = ObjectList(
        [FieldPanel("organisation"), FieldPanel("team_path"), FieldPanel("head")],
        base_form_class=TeamAdminForm,
    )


class BuildingViewSet(ScopedViewSet):
    model = Building
    icon = "home"
    menu_label = "Buildings"
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]
    edit_handler = ObjectList(
        [FieldPanel("organisation"), FieldPanel("name"), FieldPanel("address")],
        base_form_class=BuildingAdminForm,
    )


class DirectoryGroup(SnippetViewSetGroup):
    items = (PersonViewSet, TeamViewSet, BuildingViewSet)
    menu_icon = "user"
    menu_label = "Directory"
    menu_name = "directory"
    menu_order = 260


register_snippet(DirectoryGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def audit_directory_changes(request, instance):
    if isinstance(instance, Person | Team | Building):
        services.record_admin_edit(instance, request.user, "edited in the admin")


@hooks.register("after_create_user")
def link_new_account(request, user):
    """An account made by an admin becomes the profile HR already imported, by email."""
    services.link_account(user)
