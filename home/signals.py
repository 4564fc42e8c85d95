"""Page events Wagtail signals from paths no hook of ours sees — scheduled publishing,
workflows, copies and aliases kept in step, moves — handed to ``home.services``."""

from wagtail.signals import page_published, post_page_move

from . import services


def _published(sender, instance, **kwargs):
    services.page_published(instance)


def _moved(sender, instance, **kwargs):
    services.page_moved(instance)


def connect() -> None:
    page_published.connect(_published, dispatch_uid="home-page-published")
    post_page_move.connect(_moved, dispatch_uid="home-page-moved")
