"""Writes that follow from pages: their effective access (and so their search entries).

Wagtail saves pages in many places of its own — creating, publishing (from the editor, a
schedule or a workflow), copying, aliasing, moving — so each of those ends here, wired in
``home/wagtail_hooks.py`` and ``home/apps.py``; code that makes pages calls ``add_page``.
A page's ``save()`` writes only its own row: a draft revision recomputes nothing.
"""

import hashlib
import json

from django.db import transaction
from wagtail.models import Page

from intranet.access.effective import refresh_page_access
from intranet.common.signals import content_changed

from .models import EventPage


def page_saved(page: Page) -> None:
    """After a page was created, published or copied: its effective access and its subtree's
    (rewriting only what changed), and its search entry."""
    refresh_page_access(page)


def page_published(page: Page) -> None:
    """After a page was published (editor, schedule, workflow): ``page_saved``, and for an
    event its calendar SEQUENCE."""
    page_saved(page)
    if isinstance(page, EventPage):
        event_published(page)


# What calendar clients must be told about again (RFC 5545 SEQUENCE): the time, the place
# and the status — not a retitled page or an edited summary.
SCHEDULE_FIELDS = (
    "start_at",
    "end_at",
    "all_day",
    "recurrence",
    "recurrence_until",
    "recurrence_count",
    "recurrence_exceptions",
    "location",
    "online_link",
    "cancelled",
)


def schedule_fingerprint(event) -> str:
    facts = {name: getattr(event, name) for name in SCHEDULE_FIELDS}
    facts["recurrence_exceptions"] = [day.isoformat() for day in event.exception_dates]
    text = json.dumps(facts, default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def event_published(event) -> int:
    """Bump the event's SEQUENCE when this publication moved, re-placed, cancelled or
    restored it (its first publication sets the fingerprint only); returns the sequence."""
    fingerprint = schedule_fingerprint(event)
    if fingerprint == event.schedule_fingerprint:
        return event.sequence
    sequence = event.sequence + 1 if event.schedule_fingerprint else event.sequence
    type(event).objects.filter(pk=event.pk).update(
        sequence=sequence, schedule_fingerprint=fingerprint
    )
    event.sequence, event.schedule_fingerprint = sequence, fingerprint
    return sequence


def page_dates_set(page: Page) -> None:
    """After a page's publishing dates were set by hand (an import keeping the old site's):
    its search entry again. Its access cannot have changed, so it is not recomputed."""
    content_changed.send(sender=Page, pks=[page.pk], root=page.pk)


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
