"""The shared calendar: every partner's events (list and month), "add to calendar" files
and personal feeds. Every listing and file goes through the access policy."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from home.models import EventPage
from intranet.access import audit, serving
from intranet.access.models import AuditEvent
from intranet.access.policy import decision_on, facts_for
from intranet.organisations.models import Organisation
from intranet.organisations.selectors import request_organisations

from . import ics, recurrence, selectors, services
from .models import CalendarFeed

EVENTS_PER_PAGE = 20
FEED_DAYS_BEFORE = 90  # a feed starts this long ago, so last week's meetings stay put


def _chosen_organisation(request) -> Organisation | None:
    slug = request.GET.get("org", "")
    return next((org for org in request_organisations(request) if org.slug == slug), None)


def _filter_context(request, chosen) -> dict:
    return {"organisations": request_organisations(request), "chosen_organisation": chosen}


@require_GET
def event_list(request):
    """Upcoming occurrences of every partner's events (repeats expanded), soonest first."""
    chosen = _chosen_organisation(request)
    now = timezone.now()
    events = selectors.visible_events(request.user, chosen)
    found = selectors.occurrences_between(events, now, now + recurrence.HORIZON)
    page = Paginator(found, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    context = {
        "occurrences": page,
        "this_month": reverse("events_month", args=[today.year, today.month]),
        **_filter_context(request, chosen),
    }
    return render(request, "calendars/event_list.html", context)


@require_GET
def month(request, year: int, month: int):
    """One month's occurrences, by day, with links to the months either side."""
    if not (1 <= month <= 12 and 1900 < year < 3000):
        raise Http404("No such month")
    chosen = _chosen_organisation(request)
    since, until = selectors.month_window(year, month)
    events = selectors.visible_events(request.user, chosen)
    days: dict[datetime.date, list] = {}
    for occurrence in selectors.occurrences_between(events, since, until):
        day = max(occurrence.day, since.date())  # one that began last month shows on the 1st
        days.setdefault(day, []).append(occurrence)
    previous = (since - datetime.timedelta(days=1)).date()
    context = {
        "month_start": since.date(),
        "days": sorted(days.items()),
        "previous_month": previous,
        "next_month": until.date(),
        "query": f"?org={chosen.slug}" if chosen else "",
        **_filter_context(request, chosen),
    }
    return render(request, "calendars/month.html", context)


@require_GET
def event_ics(request, page_id: int):
    """One event as an .ics file (its repeats included); 404 unless the user may view it."""
    event = get_object_or_404(EventPage.objects.live().select_related("organiser"), pk=page_id)
    # As the event's page: 404 unless allowed, the statement first, sensitive ones audited.
    if (refused := serving.guard(request, event, AuditEvent.Action.DOWNLOAD)) is not None:
        return refused
    body = ics.build_calendar(f"{settings.WAGTAIL_SITE_NAME} – {event.title}", [event], request)
    response = HttpResponse(body, content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_not_required  # calendar clients poll it without a session: the token is the credential
@require_GET
def feed(request, token: str):
    """A person's feed: exactly the events they may see, from 90 days ago on."""
    subscription = CalendarFeed.objects.active().filter(token=token).select_related("user").first()
    if subscription is None or not subscription.user.is_active:
        raise Http404("No such feed")
    organisation = None
    if request.GET.get("org"):
        organisation = Organisation.objects.filter(slug=request.GET["org"]).first()
        if organisation is None:
            raise Http404("No such organisation")
    since = timezone.now() - datetime.timedelta(days=FEED_DAYS_BEFORE)
    events = selectors.visible_events(subscription.user, organisation)
    events = list(events.not_over_since(since).order_by("start_at", "pk"))
    _audit_sensitive(subscription.user, events)
    label = f"{organisation.short_name} events" if organisation else "events"
    body = ics.build_calendar(
        f"{settings.WAGTAIL_SITE_NAME} – {label}", events, request, first_day=since.date()
    )
    response = HttpResponse(body, content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="commons-events.ics"'
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, private=True, no_store=True)
    return response


def _audit_sensitive(user, events: list[EventPage]) -> None:
    """OFFICIAL-SENSITIVE events leave for the person's calendar client: each is audited, as
    opening its page would be."""
    for event in events:
        facts = facts_for(event)
        if facts is not None and facts.is_sensitive:
            verdict = decision_on(user, facts)
            audit.record_access(user, event, verdict, AuditEvent.Action.DOWNLOAD, facts)


@require_GET
def subscribe(request):
    """How to subscribe in Outlook or Google, with the person's own feed address."""
    return render(request, "calendars/subscribe.html", {})


def _back(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("events_subscribe")


@require_POST
def regenerate(request):
    had_one = CalendarFeed.objects.active().filter(user=request.user).exists()
    services.regenerate_feed(request.user)
    if had_one:
        text = "Your calendar feed has a new address. The old address no longer works."
    else:
        text = "Your calendar feed address has been created."
    messages.success(request, text)
    return _back(request)


@require_POST
def revoke(request):
    services.revoke_feed(request.user)
    messages.success(request, "Your calendar feed address has been turned off.")
    return _back(request)
