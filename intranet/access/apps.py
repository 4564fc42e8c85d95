from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccessConfig(AppConfig):
    name = "intranet.access"
    label = "access"
    verbose_name = "Access policy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .admin_permissions import VisiblePagePermissionPolicy

        # Looked up before Wagtail's own (registered for AbstractPage) for every page model.
        register_permission_policy(Page, VisiblePagePermissionPolicy(Page))
        post_migrate.connect(_refresh_missing_access, sender=self)


def _refresh_missing_access(sender, using="default", **kwargs):
    from django.db import connections

    from .effective import refresh_missing

    # Only when the whole schema is there (not during a partial or reverse migrate).
    if "access_pageaccess" in connections[using].introspection.table_names():
        refresh_missing()
