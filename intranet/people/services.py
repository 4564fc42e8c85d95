"""Every write to the people directory: profiles, teams, buildings, where people work today,
and linking accounts to people. Each write tells search (``content_changed``) once."""

import datetime
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection

from intranet.access import audit
from intranet.access.choices import Audience, Classification
from intranet.common.signals import content_changed
from intranet.common.text import fold
from intranet.images.models import IntranetImage
from intranet.images.services import save_image
from intranet.library.services import set_folder_access
from intranet.organisations.models import Organisation

from .models import Building, Person, Team, WorkLocation

SLUG_LENGTH = 100


def people_changed(person_ids: Iterable[int]) -> None:
    """Search (and anything else that reads people) follows these people's new state."""
    person_ids = list(person_ids)
    if person_ids:
        content_changed.send(sender=Person, pks=person_ids)


def save_person(person: Person, *, skills: Iterable[str] | None = None) -> Person:
    """Save ``person`` (a new one gets its address), their skills if given, link their
    account by email, and refresh their search entry."""
    with transaction.atomic():
        if not person.slug:
            person.slug = unique_person_slug(person.full_name or person.email)
        if skills is not None:
            skills = list(dict.fromkeys(name.strip() for name in skills if name.strip()))
        person.search_text = person_search_text(person, skills)
        person.save()
        if skills is not None:
            person.skills.set(skills, clear=True)
        if person.user_id is None:
            _link_by_email(person)
        people_changed([person.pk])
    return person


def person_search_text(person: Person, skills: list[str] | None = None) -> str:
    """What the directory's search box matches, folded (see ``intranet.common.text``)."""
    if skills is None:
        skills = [tag.name for tag in person.skills.all()] if person.pk else []
    parts = [
        person.first_name,
        person.preferred_name,
        person.last_name,
        person.job_title,
        person.email,
        person.team.path if person.team_id else "",
        person.base.name if person.base_id else "",
        *skills,
        person.languages,
    ]
    return " " + fold(" ".join(filter(None, parts))) + " "


def unique_person_slug(name: str) -> str:
    """``jane-smith``, or ``jane-smith-2`` when there is one already."""
    base = slugify(name)[:SLUG_LENGTH] or "person"
    # ``base`` and ``base-…`` as a range on the slug's index: ``startswith`` is a LIKE that
    # SQLite answers by reading every slug, so each new person cost more than the last.
    same_base = Q(slug=base) | Q(slug__gte=f"{base}-", slug__lt=f"{base}.")
    taken = set(Person.objects.filter(same_base).values_list("slug", flat=True).iterator())
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _link_by_email(person: Person) -> None:
    user = (
        get_user_model()
        .objects.filter(email__iexact=person.email, person__isnull=True)
        .order_by("pk")
        .first()
    )
    if user is not None:
        Person.objects.filter(pk=person.pk).update(user=user)
        person.user = user


def link_account(user) -> Person | None:
    """The person ``user`` is (found by email), linked to the account if it was not yet.

    Called when someone signs in and when an account is made, so a profile HR imported
    before the account existed becomes that account's profile.
    """
    existing = Person.objects.filter(user=user).first()
    if existing is not None or not user.email:
        return existing
    with transaction.atomic():
        person = (
            Person.objects.select_for_update()
            .filter(email__iexact=user.email, user__isnull=True)
            .first()
        )
        if person is None:
            return None
        person.user = user
        person.save(update_fields=["user", "updated_at"])
    return person


def update_own_profile(
    person: Person,
    changed_fields: Iterable[str],
    editor,
    *,
    skills: Iterable[str] | None = None,
    photo_file=None,
    remove_photo: bool = False,
) -> Person:
    """A person's own edit: remembered, so the next HR import leaves those fields alone."""
    changed = [name for name in changed_fields if name not in Person.HR_FIELDS]
    with transaction.atomic():
        if photo_file:
            person.photo = _save_photo(person, photo_file, editor)
        elif remove_photo:
            person.photo = None
        person.edited_by_person = sorted({*person.edited_by_person, *changed})
        save_person(person, skills=skills)
        if changed:
            audit.record_change(
                editor, person.organisation, person, f"profile edited: {', '.join(changed)}"
            )
    return person


STAFF_PHOTOS = "Staff photos"


def staff_photos_collection(organisation: Organisation) -> Collection:
    """The folder of an organisation's staff photos in its library: seen by every partner's
    staff, as the directory is."""
    library = organisation.library_collection
    folder = library.get_children().filter(name=STAFF_PHOTOS).first()
    if folder is None:
        folder = library.add_child(name=STAFF_PHOTOS)
        set_folder_access(folder, Audience.PARTNERSHIP, Classification.OFFICIAL)
    return folder


def _save_photo(person: Person, photo_file, editor) -> IntranetImage:
    image = IntranetImage(
        title=f"Photo of {person.display_name}",
        file=photo_file,
        collection=staff_photos_collection(person.organisation),
        uploaded_by_user=editor,
    )
    return save_image(image)


def record_admin_edit(obj: Person | Team | Building, editor, what: str) -> None:
    """An organisation admin's change to its staff's profiles, teams or buildings, audited."""
    audit.record_change(editor, obj.organisation, obj, what)


def ensure_team(organisation: Organisation, names: list[str]) -> Team:
    """The team at path ``names`` (e.g. ["Children's Services", "Early Help"]), creating it
    and any missing parent on the way."""
    parent = None
    for depth in range(1, len(names) + 1):
        path = Team.PATH_SEPARATOR.join(names[:depth])
        team = Team.objects.filter(organisation=organisation, path=path).first()
        if team is None:
            team = Team.objects.create(
                organisation=organisation,
                name=names[depth - 1],
                path=path,
                slug=_unique_team_slug(organisation, path),
                parent=parent,
            )
        parent = team
    return parent


def _unique_team_slug(organisation: Organisation, path: str) -> str:
    base = slugify(path.replace(Team.PATH_SEPARATOR, " "))[:240] or "team"
    slug, number = base, 2
    while Team.objects.filter(organisation=organisation, slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def ensure_building(organisation: Organisation, name: str) -> Building:
    building = Building.objects.filter(organisation=organisation, name__iexact=name).first()
    return building or Building.objects.create(organisation=organisation, name=name)


def set_work_location(
    person: Person, day: datetime.date, *, building: Building | None = None, remote: bool = False
) -> WorkLocation | None:
    """Where ``person`` works on ``day``: a building, remote, or (neither) back to usual."""
    with transaction.atomic():
        WorkLocation.objects.filter(person=person, day=day).delete()
        location = None
        if building is not None or remote:
            location = WorkLocation.objects.create(
                person=person, day=day, building=building, remote=remote and building is None
            )
        people_changed([person.pk])
    return location


def mark_leavers(person_ids: Iterable[int], day: datetime.date | None = None) -> int:
    """Mark these people as having left on ``day`` (today): kept, hidden after the grace."""
    day = day or timezone.localdate()
    person_ids = list(person_ids)
    with transaction.atomic():
        count = Person.objects.filter(pk__in=person_ids, left_on__isnull=True).update(
            left_on=day, updated_at=timezone.now()
        )
        people_changed(person_ids)
    return count


def set_managers(managers: dict[int, int | None]) -> None:
    """Point each person (key) at their manager (value) in a few queries, for imports that
    can only link managers once every row is in (a manager may come later in the file).

    Only the manager changes, which is not in anyone's search text, so nothing is re-saved.
    """
    by_manager: dict[int | None, list[int]] = {}
    for person_id, manager_id in managers.items():
        by_manager.setdefault(manager_id, []).append(person_id)
    with transaction.atomic():
        now = timezone.now()
        for manager_id, person_ids in by_manager.items():
            for start in range(0, len(person_ids), 500):
                Person.objects.filter(pk__in=person_ids[start : start + 500]).update(
                    manager_id=manager_id, updated_at=now
                )
        people_changed(list(managers))
