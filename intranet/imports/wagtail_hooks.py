"""Import runs in the admin: read-only, and only the runs of organisations one administers."""

from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from intranet.access.admin_permissions import OrganisationScopedPermissionPolicy
from intranet.access.admin_views import ScopedViewSet

from . import admin_views
from .models import ImportRun

register_permission_policy(
    ImportRun, OrganisationScopedPermissionPolicy(ImportRun, "organisation", {"view", "undo"})
)


class ImportRunViewSet(ScopedViewSet):
    model = ImportRun
    icon = "download"
    menu_label = "Import runs"
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    inspect_view_class = admin_views.RunInspectView
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
    list_display = ["__str__", "started_at", "started_by", "summary", "undone_at"]
    list_filter = ["importer", "organisation"]


register_snippet(ImportRunViewSet)


@hooks.register("register_admin_urls")
def register_run_urls():
    return [
        path("import-runs/<int:pk>/report.csv", admin_views.run_report, name="import_run_report"),
        path("import-runs/<int:pk>/undo/", admin_views.undo, name="import_run_undo"),
    ]
