"""Reading the people directory: who is listed to whom, found how, and working where today.

Every list starts from ``visible_to(user, …)``: a person listed to their own organisation
only is never found by a partner's staff, here or in search.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import quote

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from intranet.access.policy import can_view, can_view_address_book, visible_to, within_owner
from intranet.common.text import folded_words
from intranet.organisations.models import Organisation

from .models import WEEKDAYS, Building, Person, Team, WorkLocation

MAX_QUERY_LENGTH = 100
# As people read a list of names: "adams" beside "Adams", whatever the case.
BY_NAME = (Lower("last_name"), Lower("first_name"), "pk")


@dataclass(frozen=True)
class DirectoryFilters:
    q: str = ""
    organisation: Organisation | None = None
    team: Team | None = None
    building: Building | None = None  # usual base
    skill: str = ""  # a skill's slug
    working_at: Building | None = None  # working there on ``day``
    day: datetime.date | None = None

    @property
    def any(self) -> bool:
        chosen = (self.q, self.organisation, self.team, self.building, self.skill, self.working_at)
        return any(chosen)


def may_browse_directory(user) -> bool:
    """Staff of any partner organisation (and platform operators) may look people up."""
    return can_view_address_book(user)


def listed_people(user) -> QuerySet:
    """Everyone in the directory whom ``user`` may see."""
    return visible_to(user, Person.objects.listed())


def directory_people(user, filters: DirectoryFilters = DirectoryFilters()) -> QuerySet:
    """The people matching ``filters``, sorted by last then first name.

    Every word of ``q`` must appear somewhere in the person's name, job title, email, team,
    base, skills or languages, folded and anywhere in a word, so "sio kel" finds Siobhán Kelly.
    """
    people = listed_people(user)
    for word in folded_words(filters.q[:MAX_QUERY_LENGTH]):
        people = people.filter(search_text__contains=word)
    if filters.organisation:
        people = people.filter(organisation=filters.organisation)
    if filters.team:
        people = people.filter(in_team_q(filters.team))
    if filters.building:
        people = people.filter(base=filters.building)
    if filters.skill:
        people = people.filter(tagged_skills__tag__slug=filters.skill)
    if filters.working_at:
        people = people.filter(working_at_q(filters.working_at, filters.day or today()))
    return with_cards(people)


def in_team_q(team: Team) -> Q:
    """Members of ``team`` and of every team below it."""
    below = Q(
        team__organisation_id=team.organisation_id,
        team__path__startswith=team.path + Team.PATH_SEPARATOR,
    )
    return Q(team=team) | below


def with_cards(people: QuerySet) -> QuerySet:
    """What a result card shows, fetched with the page of people — the team's and building's
    organisations too: the team's link and "Today: <building> (<council>)" name them, which
    was two queries per card (40 of a directory page's 53)."""
    return people.select_related(
        "organisation", "team__organisation", "base__organisation", "photo"
    ).order_by(*BY_NAME)


def today() -> datetime.date:
    return timezone.localdate()


def working_at_q(building: Building, day: datetime.date) -> Q:
    """People working in ``building`` on ``day``: they said so, or it is their usual base, it
    is one of their working days and they said nothing else for that day."""
    said_so = WorkLocation.objects.filter(person=OuterRef("pk"), day=day)
    code = WEEKDAYS[day.weekday()].value
    works_today = Q(working_days__contains=code)
    if day.weekday() < 5:
        works_today |= Q(working_days="")
    return Q(Exists(said_so.filter(building=building))) | (
        Q(base=building) & works_today & ~Q(Exists(said_so))
    )


@dataclass(frozen=True)
class WhereToday:
    text: str
    building: Building | None = None
    remote: bool = False
    said_so: bool = False  # the person set it, rather than their usual pattern


def where_working(person: Person, day: datetime.date | None = None) -> WhereToday:
    """Where ``person`` works on ``day``, in words for their card and profile."""
    day = day or today()
    location = next((loc for loc in _locations(person) if loc.day == day), None)
    if location is not None:
        if location.remote:
            return WhereToday("Working remotely", remote=True, said_so=True)
        return WhereToday(str(location.building), building=location.building, said_so=True)
    if not person.works_on(day):
        return WhereToday("Not a working day")
    if person.base_id:
        return WhereToday(str(person.base), building=person.base)
    return WhereToday("Not known")


def _locations(person: Person) -> list[WorkLocation]:
    prefetched = getattr(person, "_prefetched_objects_cache", {}).get("locations")
    if prefetched is not None:
        return list(prefetched)
    return list(person.locations.select_related("building__organisation"))


def week_plan(person: Person, start: datetime.date | None = None) -> list[tuple]:
    """(day, where) for the seven days from ``start`` (today): on a Friday, next week matters
    more than the weekend — and it is as far ahead as people say where they will be."""
    start = start or today()
    days = [start + datetime.timedelta(days=n) for n in range(7)]
    return [(day, where_working(person, day)) for day in days]


def with_locations(people: QuerySet, day: datetime.date | None = None) -> QuerySet:
    """Prefetch each person's stated locations from ``day`` for a week (cards, profiles)."""
    day = day or today()
    return people.prefetch_related(
        Prefetch(
            "locations",
            queryset=WorkLocation.objects.filter(
                day__gte=day, day__lt=day + datetime.timedelta(days=7)
            ).select_related("building__organisation"),
        )
    )


def may_see_mobile(user, person: Person) -> bool:
    """A mobile number is for the person's own organisation only (the access policy says)."""
    return within_owner(user, person)


def may_see_person(user, person: Person) -> bool:
    return can_view(user, person)


def buildings_for_filters() -> QuerySet:
    return Building.objects.select_related("organisation").order_by("organisation__name", "name")


def teams_for_filters(organisation: Organisation | None = None) -> QuerySet:
    teams = Team.objects.select_related("organisation")
    if organisation:
        teams = teams.filter(organisation=organisation)
    return teams.order_by("organisation__name", "path")


def skills_in_directory(user, limit: int = 200) -> list[tuple[str, str, int]]:
    """(slug, name, people) for the skills people the viewer may see have, most common first."""
    visible = listed_people(user).values("pk")
    # Counted in SQL: every directory page shows this list, and reading each person's skills
    # into Python cost about three times as much (265 → 84 ms at 30,000 people, bench/people.py).
    # Only the skills themselves (a few hundred at most) are sorted here, by the same rule.
    counts = (
        Person.skills.through.objects.filter(content_object__in=visible)
        .values_list("tag__slug", "tag__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    ordered = sorted(counts, key=lambda row: (-row[2], row[1].casefold()))
    return [(slug, name, n) for slug, name, n in ordered[:limit]]


def team_members(user, team: Team) -> QuerySet:
    return with_cards(listed_people(user).filter(team=team))


def team_head(team: Team, members: list[Person]) -> Person | None:
    """The team's named head, else the member who reports to nobody else in the team."""
    if team.head_id:
        return team.head
    ids = {member.pk for member in members}
    tops = [member for member in members if member.manager_id not in ids]
    return tops[0] if len(tops) == 1 else None


@dataclass
class ChartNode:
    person: Person
    reports: list["ChartNode"]


def org_chart(people: list[Person], roots: list[Person] | None = None) -> list[ChartNode]:
    """Manager → reports trees over ``people``; roots are those whose manager is not among
    them (or ``roots``). Cycles in bad HR data are cut, never followed for ever."""
    by_manager: dict[int | None, list[Person]] = defaultdict(list)
    ids = {person.pk for person in people}
    for person in people:
        by_manager[person.manager_id if person.manager_id in ids else None].append(person)
    placed: set[int] = set()

    def grow(person: Person) -> ChartNode:
        placed.add(person.pk)
        children = [p for p in by_manager.get(person.pk, []) if p.pk not in placed]
        return ChartNode(person, [grow(child) for child in children])

    trees = [grow(person) for person in (roots or by_manager[None]) if person.pk not in placed]
    # People only in a reporting loop: shown at the top rather than lost.
    trees += [grow(person) for person in people if person.pk not in placed]
    return trees


def chart_people(user, organisation: Organisation, team: Team | None = None) -> list[Person]:
    people = listed_people(user).filter(organisation=organisation)
    if team is not None:
        people = people.filter(in_team_q(team))
    return list(people.select_related("team").order_by(*BY_NAME))


@dataclass(frozen=True)
class Card:
    """What a result, a team page or a profile shows of one person to one viewer."""

    person: Person
    where_today: WhereToday
    mobile: str  # "" unless the viewer is in the person's own organisation
    teams_url: str
    sip_url: str


def card(user, person: Person, day: datetime.date | None = None) -> Card:
    teams_address = person.teams_address or person.email
    return Card(
        person=person,
        where_today=where_working(person, day),
        mobile=person.mobile_phone if may_see_mobile(user, person) else "",
        teams_url=f"https://teams.microsoft.com/l/chat/0/0?users={quote(teams_address)}"
        if teams_address
        else "",
        sip_url=f"sip:{person.sip_address}" if person.sip_address else "",
    )


@dataclass
class TeamNode:
    team: Team
    members: int
    children: list["TeamNode"]


def team_tree(user, organisation: Organisation) -> list[TeamNode]:
    """The organisation's teams as a tree, each with how many listed people it has."""
    teams = list(Team.objects.filter(organisation=organisation).order_by("path"))
    counts = dict(
        listed_people(user)
        .filter(team__organisation=organisation)
        .values_list("team_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    children: dict[int | None, list[Team]] = defaultdict(list)
    for team in teams:
        children[team.parent_id].append(team)

    def grow(team: Team) -> TeamNode:
        return TeamNode(team, counts.get(team.pk, 0), [grow(t) for t in children[team.pk]])

    return [grow(team) for team in children[None]]


def sub_teams(user, team: Team) -> list[TeamNode]:
    return next(
        (node.children for node in _walk(team_tree(user, team.organisation)) if node.team == team),
        [],
    )


def _walk(nodes: list[TeamNode]):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def team_ancestors(team: Team) -> list[Team]:
    ancestors, parent = [], team.parent
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.parent
    return ancestors


def person_with_email(email: str) -> Person | None:
    """The listed person with this work email (any organisation), e.g. an old intranet's
    author; None when nobody in the directory has it."""
    if not email.strip():
        return None
    return Person.objects.listed().filter(email__iexact=email.strip()).order_by("pk").first()
