from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "intranet.library"
    label = "library"
    verbose_name = "Document libraries"
    default_auto_field = "django.db.models.BigAutoField"
