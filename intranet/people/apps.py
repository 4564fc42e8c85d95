from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "intranet.people"
    label = "people"
    verbose_name = "People directory"

    def ready(self):
        from . import signals

        signals.connect()

        from .undo import register_undo

        register_undo()
