"""Best bets: pages and documents an organisation pins above the results of chosen searches.

Each organisation's admins keep a list of best bets (``BestBet``, in the Wagtail admin under
"Search"). A search is offered the active ones whose queries include it — but only those whose
page or document the access policy lets the searcher open, so a best bet never reveals a
title the results would not.
"""

from dataclasses import dataclass

from django.urls import reverse

from intranet.access.policy import can_view, viewer_for
from intranet.organisations.models import Organisation

from .models import BestBet, normalise_query

MAX_PROMOTIONS = 3


@dataclass(frozen=True)
class Promotion:
    title: str
    url: str
    description: str
    organisation: Organisation | None  # who owns the page or document; None: the shared area
    kind: str  # "page" or "document"

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "url": self.url,
            "description": self.description,
            "organisation": self.organisation.slug if self.organisation else None,
            "type": self.kind,
        }


def promotions_for(user, text: str) -> list[Promotion]:
    """At most three best bets for ``text`` that ``user`` may open: the searcher's own
    organisations' first, then by each organisation's order, then by title."""
    query = normalise_query(text)
    if not query:
        return []
    bets = BestBet.objects.filter(
        active=True, normalised_queries__contains=f"\n{query}\n"
    ).select_related("page__access_record__owner_organisation", "document__owner_organisation")
    own = viewer_for(user).organisation_ids
    ordered = sorted(
        bets,
        key=lambda bet: (
            bet.organisation_id not in own,
            bet.sort_order,
            bet.display_title.casefold(),
            bet.pk,
        ),
    )
    promotions, seen = [], set()
    for bet in ordered:
        target = (bet.kind, bet.page_id or bet.document_id)
        if target in seen:
            continue
        promotion = _promotion(user, bet)
        if promotion is None:
            continue
        seen.add(target)
        promotions.append(promotion)
        if len(promotions) == MAX_PROMOTIONS:
            break
    return promotions


def _promotion(user, bet: BestBet) -> Promotion | None:
    if bet.page_id:
        page = bet.page
        # Like the search itself: only live pages, and none behind a Wagtail view restriction.
        if not page.live or page.depth <= 1 or page.get_view_restrictions().exists():
            return None
        if not can_view(user, page):
            return None
        return Promotion(
            title=bet.title or page.title,
            url=page.get_url() or page.url_path,
            description=bet.description,
            organisation=page.access_record.owner_organisation,
            kind="page",
        )
    document = bet.document
    if document is None or not can_view(user, document):
        return None
    return Promotion(
        title=bet.title or document.title,
        url=reverse("document", args=[document.pk]),
        description=bet.description,
        organisation=document.owner_organisation,
        kind="document",
    )
