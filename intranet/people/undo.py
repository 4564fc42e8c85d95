"""How ``import_undo`` reads, restores and removes a person (registered with
``intranet.imports.undo`` in ``PeopleConfig.ready``), through ``save_person`` so the
directory's search entry follows."""

import datetime

from intranet.imports.undo import Undoer, register

from .models import Person
from .services import save_person

FIELDS = (
    "first_name",
    "last_name",
    "preferred_name",
    "pronouns",
    "job_title",
    "work_phone",
    "mobile_phone",
    "languages",
    "working_days",
    "email",
    "team_id",
    "base_id",
    "manager_id",
)


def person_state(person: Person) -> dict:
    stored = Person.objects.filter(pk=person.pk).values(*FIELDS, "left_on").first() or {}
    skills = Person.skills.through.objects.filter(content_object_id=person.pk)
    return {
        **{name: stored.get(name) for name in FIELDS},
        "left_on": stored["left_on"].isoformat() if stored.get("left_on") else None,
        "skills": sorted(skills.values_list("tag__name", flat=True)),
    }


def restore_person(person: Person, state: dict) -> None:
    person = Person.objects.get(pk=person.pk)
    for name in FIELDS:
        setattr(person, name, state[name])
    person.left_on = datetime.date.fromisoformat(state["left_on"]) if state["left_on"] else None
    save_person(person, skills=state["skills"])


def register_undo() -> None:
    register(Person, Undoer(person_state, restore_person, lambda person: person.delete()))
