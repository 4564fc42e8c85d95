from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LibraryConfig(AppConfig):
    name = "intranet.library"
    label = "library"
    verbose_name = "Document libraries"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from intranet.access.admin_permissions import VisibleCollectionOwnershipPolicy

        from .models import LibraryDocument

        # Every admin view, chooser and listing of documents asks Wagtail's policy registry;
        # an exact-class entry wins over the one wagtail.documents registers in its ready().
        register_permission_policy(
            LibraryDocument,
            VisibleCollectionOwnershipPolicy(
                LibraryDocument,
                auth_model="wagtaildocs.Document",
                owner_field_name="uploaded_by_user",
            ),
            exact_class=True,
        )
        post_migrate.connect(_refresh_missing_access, sender=self)

        from .undo import register_undo

        register_undo()


def _refresh_missing_access(sender, using="default", **kwargs):
    from django.db import connections

    from .services import refresh_missing_documents

    # Only when the whole schema is there (not during a partial or reverse migrate).
    tables = connections[using].introspection.table_names()
    if "library_librarydocument" in tables and "access_collectionaccess" in tables:
        refresh_missing_documents()
