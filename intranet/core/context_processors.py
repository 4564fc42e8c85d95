"""Values every front-end template needs for the header, navigation and footer."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from intranet.access.policy import visible_to
from intranet.organisations.selectors import request_organisations


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool


def navigation_for(request: HttpRequest) -> list[NavItem]:
    """Home, each organisation's section the user may open, people and search, marking the
    current one."""
    path = request.path
    items = [NavItem("Home", "/", path == "/")]
    with_sections = [org for org in request_organisations(request) if org.section_page_id]
    sections = set(
        visible_to(
            request.user, Page.objects.filter(pk__in=[o.section_page_id for o in with_sections])
        ).values_list("pk", flat=True)
    )
    for org in (org for org in with_sections if org.section_page_id in sections):
        url = f"/{org.slug}/"
        items.append(NavItem(org.short_name, url, path.startswith(url)))
    people_url = reverse("people:directory")
    items.append(NavItem("People", people_url, path.startswith(people_url)))
    search_url = reverse("search")
    items.append(NavItem("Search", search_url, path.startswith(search_url)))
    return items


def site_chrome(request: HttpRequest) -> dict:
    # Lazy: responses that never draw the navigation never query for it.
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "navigation": SimpleLazyObject(lambda: navigation_for(request)),
    }
