from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "intranet.users"
    label = "users"
    verbose_name = "Users"
