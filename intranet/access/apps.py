from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccessConfig(AppConfig):
    name = "intranet.access"
    label = "access"
    verbose_name = "Access policy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
        post_migrate.connect(_refresh_missing_access, sender=self)


def _refresh_missing_access(sender, using="default", **kwargs):
    from django.db import connections

    from .effective import refresh_missing

    # Only when the whole schema is there (not during a partial or reverse migrate).
    if "access_pageaccess" in connections[using].introspection.table_names():
        refresh_missing()
