"""How long search query counts are kept, and dropping older ones."""

import datetime
import logging

from django.utils import timezone

from .models import SearchQueryDay

logger = logging.getLogger(__name__)

RETENTION_DAYS = 90


def purge_older_than(days: int = RETENTION_DAYS) -> int:
    """Delete the counts of days more than ``days`` ago; returns how many rows went."""
    cutoff = timezone.localdate() - datetime.timedelta(days=days)
    deleted, _ = SearchQueryDay.objects.filter(day__lt=cutoff).delete()
    if deleted:
        logger.info("Purged %s search query counts from before %s", deleted, cutoff)
    return deleted
