"""What people search for: anonymous counts per day, organisation and query, kept 90 days.

Each page-one search adds one to its row (``record_search``). No user, session or address is
stored — only the searcher's first organisation, so each organisation's admins can see what
their staff look for and do not find. Recording never gets in the way of a search: a failure
is logged and the search carries on.
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from intranet.organisations.models import Membership

from .housekeeping import hide_past_leavers
from .models import QUERY_LENGTH, SearchQueryDay, normalise_query
from .retention import RETENTION_DAYS, purge_older_than
from .tasks import purge_search_queries

__all__ = ["RETENTION_DAYS", "purge_older_than"]  # Where the command and callers find them.

logger = logging.getLogger(__name__)


def _organisation_id(user) -> int | None:
    """The searcher's first organisation (by membership), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    memberships = Membership.objects.filter(user=user).order_by("pk")
    return memberships.values_list("organisation_id", flat=True).first()


def record_search(user, text: str, total: int) -> None:
    """Count one search of ``text`` that found ``total`` results. Never raises."""
    try:
        query = normalise_query(text)[:QUERY_LENGTH].strip()
        if query:
            _record(_organisation_id(user), query, max(int(total), 0))
    except Exception:
        logger.exception("Could not record a search for the search analytics")


def _record(organisation_id: int | None, query: str, total: int) -> None:
    today = timezone.localdate()
    zero = 1 if total == 0 else 0
    increments = {
        "searches": F("searches") + 1,
        "zero_results": F("zero_results") + zero,
        "results_total": F("results_total") + total,
    }
    # A savepoint: a failure here must not spoil a transaction the caller is in.
    with transaction.atomic():
        row = SearchQueryDay.objects.filter(day=today, organisation_id=organisation_id, query=query)
        if row.update(**increments):
            return
        first_today = not SearchQueryDay.objects.filter(day=today).exists()
        try:
            with transaction.atomic():
                SearchQueryDay.objects.create(
                    day=today,
                    organisation_id=organisation_id,
                    query=query,
                    searches=1,
                    zero_results=zero,
                    results_total=total,
                )
        except IntegrityError:  # Another search created the row first.
            row.update(**increments)
            return
    if first_today:  # Once a day, in the background: a search never deletes rows itself.
        transaction.on_commit(_queue_daily_housekeeping)


def _queue_daily_housekeeping() -> None:
    purge_search_queries.enqueue()
    hide_past_leavers.enqueue()


# --- Reading the counts -----------------------------------------------------------------------


def since(days: int) -> datetime.date:
    """The first day of the last ``days`` days, today included."""
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def query_totals(days: int, organisation_ids=None, *, by_organisation: bool = False):
    """Per query (and organisation, if asked) over the last ``days`` days: ``n_searches``,
    ``n_zero_results`` and ``n_results``. ``organisation_ids`` None means every row."""
    rows = SearchQueryDay.objects.filter(day__gte=since(days))
    if organisation_ids is not None:
        rows = rows.filter(organisation_id__in=organisation_ids)
    group = ["organisation__slug", "query"] if by_organisation else ["query"]
    return rows.values(*group).annotate(
        n_searches=Sum("searches"),
        n_zero_results=Sum("zero_results"),
        n_results=Sum("results_total"),
    )


def average_results(row: dict) -> float:
    return row["n_results"] / row["n_searches"] if row["n_searches"] else 0.0
