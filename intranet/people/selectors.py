"""Reading the people directory: who is listed, found by name, job title or email."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Lower

from intranet.access.policy import can_view_address_book
from intranet.organisations.models import Membership, OrganisationGroup

SEARCHED_FIELDS = ("first_name", "last_name", "username", "job_title", "email")
MAX_QUERY_LENGTH = 100
MAX_QUERY_TERMS = 8


def directory_people(q: str = "", organisation_slug: str = "") -> QuerySet:
    """Active members of any organisation, sorted by last then first name.

    ``q`` is split into words and every word must match one of the searched fields, case
    insensitively, so "grace social" finds Grace Mensah, senior social worker.
    ``organisation_slug`` keeps members of that organisation only.
    """
    memberships = Membership.objects.filter(user=OuterRef("pk"))
    people = get_user_model().objects.filter(Exists(memberships), is_active=True)
    if organisation_slug:
        people = people.filter(Exists(memberships.filter(organisation__slug=organisation_slug)))
    for term in q[:MAX_QUERY_LENGTH].split()[:MAX_QUERY_TERMS]:
        matches = Q()
        for field in SEARCHED_FIELDS:
            matches |= Q(**{f"{field}__icontains": term})
        people = people.filter(matches)
    return people.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("organisation").order_by(
                "organisation__name"
            ),
        )
    ).order_by(Lower("last_name"), Lower("first_name"), "username")


def may_browse_directory(user) -> bool:
    """Staff of any partner organisation (and platform operators) may look people up —
    decided by the access policy, as for people in search."""
    return can_view_address_book(user)


def organisation_groups_of(person) -> QuerySet:
    """The organisations' groups ``person`` is in, e.g. ``hf/social-care``."""
    return (
        OrganisationGroup.objects.filter(group__user=person)
        .select_related("organisation")
        .order_by("organisation__slug", "slug")
    )
