from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "intranet.organisations"
    label = "organisations"
    verbose_name = "Organisations"
    default_auto_field = "django.db.models.BigAutoField"
