"""Writes that follow from pages: their effective access (and so their search entries).

Wagtail saves pages in many places of its own — creating, publishing (from the editor, a
schedule or a workflow), copying, aliasing, moving — so each of those ends here, wired in
``home/wagtail_hooks.py`` and ``home/apps.py``; code that makes pages calls ``add_page``.
A page's ``save()`` writes only its own row: a draft revision recomputes nothing.
"""

from django.db import transaction
from wagtail.models import Page

from intranet.access.effective import refresh_page_access


def page_saved(page: Page) -> None:
    """After a page was created, published or copied: its effective access and its subtree's
    (rewriting only what changed), and its search entry."""
    refresh_page_access(page)


def page_moved(page: Page) -> None:
    """After a page was moved: the moved subtree under its new parent."""
    # The instance Wagtail moved still holds its old tree path: read it again.
    refresh_page_access(Page.objects.get(pk=page.pk))


@transaction.atomic
def add_page(parent: Page, page: Page, *, publish: bool = True) -> Page:
    """Add ``page`` below ``parent`` as an editor would: saved as a revision, and published
    unless ``publish`` is False (its access is recomputed once, either way)."""
    if not publish:
        page.live = False  # Wagtail's default is a live page, even unpublished
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()  # which recomputes it (``page_published``)
    else:
        page_saved(page)
    return page
