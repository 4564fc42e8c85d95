from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _after_migrate(sender, using="default", **kwargs):
    from django.db import connections

    from .fulltext import install

    install(connections[using])
    build_missing_entries(using)


def build_missing_entries(using: str = "default") -> None:
    """A site that had content before search existed gets its entries, once."""
    from wagtail.models import Page

    from .indexing import refresh_all
    from .models import SearchEntry

    if (
        not SearchEntry.objects.using(using).exists()
        and Page.objects.using(using).filter(depth__gt=1, access_record__isnull=False).exists()
    ):
        refresh_all()


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from . import signals

        signals.connect()
        post_migrate.connect(_after_migrate, sender=self, dispatch_uid="search-fulltext")
