"""Hears Wagtail's own page moves and keeps the moved subtree's effective access current.

Only wiring lives here; the work is done by ``effective``. Folder access and organisation
policies are recomputed by the services that write them (``intranet.library.services``), called
by the admin's snippet hooks, importers and scripts.
"""

from wagtail.models import Page
from wagtail.signals import post_page_move

from . import effective


def _page_moved(sender, instance, **kwargs):
    effective.refresh_page_access(Page.objects.get(pk=instance.pk))


def connect() -> None:
    # Page saves are handled by IntranetPage.save(): a post_save signal would fire before
    # modelcluster has written the page's groups.
    post_page_move.connect(_page_moved, dispatch_uid="access-page-moved")
