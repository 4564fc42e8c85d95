from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "intranet.core"
    label = "core"
    verbose_name = "Commons core"
