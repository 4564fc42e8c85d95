from django import template
from django.urls import reverse

from ..models import CalendarFeed

register = template.Library()


@register.inclusion_tag("calendars/includes/feed_panel.html", takes_context=True)
def calendar_feed_panel(context):
    """The signed-in person's calendar feed address, with buttons to renew or turn it off."""
    request = context["request"]
    feed = CalendarFeed.objects.active().filter(user=request.user).first()
    url = request.build_absolute_uri(reverse("events_feed", args=[feed.token])) if feed else ""
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "feed": feed,
        "feed_url": url,
        "next": request.get_full_path(),
    }
