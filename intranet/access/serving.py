"""Guarding the front door: every page view and document download asks the policy first."""

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import reverse

from intranet.organisations.models import Organisation

from . import audit
from .choices import Audience
from .models import AuditEvent
from .policy import decision_on, facts_for
from .rules import AccessFacts


def guard(request: HttpRequest, obj, action: str):
    """None to carry on serving; otherwise a redirect to the statement page. Raises 404.

    Refusals are always 404 — never 403 — so nobody learns that the item exists. The only
    exception is someone who could see it once they accept the owner's commitment statement.
    """
    facts = facts_for(obj)
    verdict = decision_on(request.user, facts)
    if not verdict.allowed:
        if verdict.needs_statement:
            slug = Organisation.objects.values_list("slug", flat=True).get(pk=facts.owner_id)
            url = reverse("access:statement", args=[slug])
            return HttpResponseRedirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
        raise Http404
    if facts.is_sensitive:
        audit.record_access(request.user, obj, verdict, action, facts)
    # What the item's own page shows (owner, classification banner): read once per request.
    request.served_access = (obj, facts)
    return None


def guard_page(page, request, serve_args, serve_kwargs):
    return guard(request, page, AuditEvent.Action.VIEW)


def guard_document(document, request):
    return guard(request, document, AuditEvent.Action.DOWNLOAD)


def cache_control(facts: AccessFacts | None) -> str:
    """The Cache-Control of a served file: shared proxies and browser caches must never keep
    a copy of anything not open to the whole partnership (or sensitive)."""
    if facts is None or facts.audience != Audience.PARTNERSHIP or facts.is_sensitive:
        return "private, no-store"
    return "private, max-age=300"
