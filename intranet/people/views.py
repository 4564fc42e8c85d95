"""The global address book and each person's profile, for staff of any partner organisation."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from intranet.organisations.models import Organisation

from .selectors import (
    MAX_QUERY_LENGTH,
    directory_people,
    may_browse_directory,
    organisation_groups_of,
)

PER_PAGE = 20


def _refuse_outsiders(request: HttpRequest) -> None:
    # Signed in is not enough: the address book is for staff of the partner organisations.
    if not may_browse_directory(request.user):
        raise Http404


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    _refuse_outsiders(request)
    organisations = list(Organisation.objects.order_by("name"))
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    chosen = request.GET.get("org", "")
    selected = next((org for org in organisations if org.slug == chosen), None)
    people = directory_people(query, selected.slug if selected else "")
    return render(
        request,
        "people/directory.html",
        {
            "query": query,
            "organisations": organisations,
            "selected_organisation": selected,
            "page_obj": Paginator(people, PER_PAGE).get_page(request.GET.get("page")),
        },
    )


@require_GET
def profile(request: HttpRequest, username: str) -> HttpResponse:
    _refuse_outsiders(request)
    person = get_object_or_404(directory_people(), username=username)
    return render(
        request,
        "people/profile.html",
        {"person": person, "groups": organisation_groups_of(person)},
    )
