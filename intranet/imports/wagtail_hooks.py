"""Import runs in the admin: read-only, and only the runs of organisations one administers."""

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from intranet.access.admin_permissions import OrganisationScopedPermissionPolicy
from intranet.access.admin_views import ScopedViewSet

from .models import ImportRun

register_permission_policy(
    ImportRun, OrganisationScopedPermissionPolicy(ImportRun, "organisation", {"view"})
)


class ImportRunViewSet(ScopedViewSet):
    model = ImportRun
    icon = "download"
    menu_label = "Import runs"
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    inspect_view_fields = [
        "importer",
        "organisation",
        "source",
        "started_by",
        "started_at",
        "finished_at",
        "summary",
        "undone_at",
    ]
    list_display = ["__str__", "started_at", "summary"]


register_snippet(ImportRunViewSet)
