"""The global address book, profiles, teams and org charts — for staff of any partner.

Views only read the request, ask the selectors (which ask the access policy) and render;
writes go through ``services``.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intranet.organisations.models import Organisation

from . import selectors, services, vcards
from .forms import OwnProfileForm, WhereIWorkForm
from .models import Building, Person, Team
from .profiles import completeness

PER_PAGE = 20


def _refuse_outsiders(request: HttpRequest) -> None:
    # Signed in is not enough: the address book is for staff of the partner organisations.
    if not selectors.may_browse_directory(request.user):
        raise Http404


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _filters(request: HttpRequest, organisations: list[Organisation]) -> selectors.DirectoryFilters:
    """The directory's filters from the query string; unknown values are ignored."""
    get = request.GET
    organisation = next((o for o in organisations if o.slug == get.get("org", "")), None)
    team = building = working_at = None
    if team_id := _int(get.get("team", "")):
        team = Team.objects.select_related("organisation").filter(pk=team_id).first()
    if building_id := _int(get.get("building", "")):
        building = Building.objects.filter(pk=building_id).first()
    if working_id := _int(get.get("working", "")):
        working_at = Building.objects.filter(pk=working_id).first()
    return selectors.DirectoryFilters(
        q=get.get("q", "").strip()[: selectors.MAX_QUERY_LENGTH],
        organisation=organisation,
        team=team,
        building=building,
        skill=get.get("skill", "").strip()[:100],
        working_at=working_at,
    )


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    _refuse_outsiders(request)
    organisations = list(Organisation.objects.order_by("name"))
    filters = _filters(request, organisations)
    people = selectors.with_locations(selectors.directory_people(request.user, filters))
    page = Paginator(people, PER_PAGE).get_page(request.GET.get("page"))
    cards = [selectors.card(request.user, person) for person in page]
    return render(
        request,
        "people/directory.html",
        {
            "filters": filters,
            "organisations": organisations,
            "teams": selectors.teams_for_filters(filters.organisation),
            "buildings": list(selectors.buildings_for_filters()),
            "skills": selectors.skills_in_directory(request.user),
            "page_obj": page,
            "cards": cards,
        },
    )


def _profile_context(request: HttpRequest, person: Person) -> dict:
    is_me = person.user_id == request.user.pk
    return {
        "person": person,
        "card": selectors.card(request.user, person),
        "week": selectors.week_plan(person),
        "reports": selectors.listed_people(request.user).filter(manager=person),
        "is_me": is_me,
        "completeness": completeness(person) if is_me else None,
        "where_form": WhereIWorkForm(person=person) if is_me else None,
    }


@require_GET
def profile(request: HttpRequest, slug: str) -> HttpResponse:
    _refuse_outsiders(request)
    person = get_object_or_404(
        selectors.with_locations(selectors.with_cards(selectors.listed_people(request.user))),
        slug=slug,
    )
    return render(request, "people/profile.html", _profile_context(request, person))


@require_GET
def vcard(request: HttpRequest, slug: str) -> HttpResponse:
    _refuse_outsiders(request)
    person = get_object_or_404(
        selectors.with_cards(selectors.listed_people(request.user)), slug=slug
    )
    card = vcards.vcard_for(
        person,
        profile_url=request.build_absolute_uri(person.get_absolute_url()),
        with_mobile=selectors.may_see_mobile(request.user, person),
    )
    response = HttpResponse(card, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{person.slug}.vcf"'
    return response


def _my_person(request: HttpRequest) -> Person:
    person = services.link_account(request.user) if request.user.is_authenticated else None
    if person is None:
        raise Http404("You have no profile in the directory yet.")
    return person


@require_GET
def my_profile(request: HttpRequest) -> HttpResponse:
    _refuse_outsiders(request)
    person = services.link_account(request.user)
    if person is None:
        return render(request, "people/no_profile.html", status=404)
    return redirect(person.get_absolute_url())


@require_http_methods(["GET", "POST"])
def edit_my_profile(request: HttpRequest) -> HttpResponse:
    _refuse_outsiders(request)
    person = _my_person(request)
    form = OwnProfileForm(
        request.POST or None, request.FILES or None, instance=person, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile has been updated.")
        return redirect(person.get_absolute_url())
    return render(
        request,
        "people/edit_profile.html",
        {"person": person, "form": form, "completeness": completeness(person)},
    )


@require_POST
def where_i_work(request: HttpRequest) -> HttpResponse:
    _refuse_outsiders(request)
    person = _my_person(request)
    form = WhereIWorkForm(request.POST, person=person)
    if form.is_valid():
        day, text = form.save()
        messages.success(request, f"Saved: {text} on {day:%A %-d %B}.")
        return redirect(person.get_absolute_url())
    context = _profile_context(request, person)
    context["where_form"] = form
    return render(request, "people/profile.html", context, status=400)


def _organisation(slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug)


@require_GET
def organisation_teams(request: HttpRequest, organisation: str) -> HttpResponse:
    _refuse_outsiders(request)
    org = _organisation(organisation)
    return render(
        request,
        "people/teams.html",
        {"organisation": org, "teams": selectors.team_tree(request.user, org)},
    )


@require_GET
def team(request: HttpRequest, organisation: str, team: str) -> HttpResponse:
    _refuse_outsiders(request)
    org = _organisation(organisation)
    found = get_object_or_404(Team.objects.select_related("head"), organisation=org, slug=team)
    members = list(selectors.with_locations(selectors.team_members(request.user, found)))
    head = selectors.team_head(found, members)
    if head is not None and not selectors.may_see_person(request.user, head):
        head = None
    return render(
        request,
        "people/team.html",
        {
            "organisation": org,
            "team": found,
            "head": head,
            "cards": [selectors.card(request.user, person) for person in members],
            "sub_teams": selectors.sub_teams(request.user, found),
            "ancestors": selectors.team_ancestors(found),
        },
    )


@require_GET
def org_chart(request: HttpRequest, organisation: str, team: str = "") -> HttpResponse:
    _refuse_outsiders(request)
    org = _organisation(organisation)
    found = get_object_or_404(Team, organisation=org, slug=team) if team else None
    people = selectors.chart_people(request.user, org, found)
    return render(
        request,
        "people/org_chart.html",
        {
            "organisation": org,
            "team": found,
            "chart": selectors.org_chart(people),
            "count": len(people),
        },
    )
