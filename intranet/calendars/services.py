"""Writes of the calendar app: issuing and revoking personal feed tokens (audited)."""

from django.db import transaction
from django.utils import timezone

from intranet.access.audit import record_change

from .models import CalendarFeed


def _home_organisation(user):
    membership = user.memberships.order_by("joined_at", "pk").select_related("organisation")
    first = membership.first()
    return first.organisation if first else None


@transaction.atomic
def regenerate_feed(user) -> CalendarFeed:
    """A new feed address for ``user``; the old one (if any) stops working at once."""
    revoke_feed(user)
    feed = CalendarFeed.objects.create(user=user)
    record_change(user, _home_organisation(user), feed, "Calendar feed address created")
    return feed


@transaction.atomic
def revoke_feed(user) -> int:
    """Stop ``user``'s feed address working; returns how many were revoked (0 or 1)."""
    revoked = 0
    for feed in CalendarFeed.objects.active().filter(user=user).select_for_update():
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
        record_change(user, _home_organisation(user), feed, "Calendar feed address revoked")
        revoked += 1
    return revoked
