from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "intranet.accounts"
    label = "accounts"
    verbose_name = "Single sign-on"
    default_auto_field = "django.db.models.BigAutoField"
