from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _reinstall_fulltext(sender, using="default", **kwargs):
    from django.db import connections

    from .fulltext import install

    install(connections[using])


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from . import signals

        signals.connect()
        post_migrate.connect(_reinstall_fulltext, sender=self, dispatch_uid="search-fulltext")
