"""How complete a profile is, for the prompt its owner sees."""

from dataclasses import dataclass

from .models import Person


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: list[str]  # what to add, in words, most useful first


def completeness(person: Person) -> Completeness:
    """What colleagues most need in order to find and reach someone, filled in or not."""
    checks = [
        ("a photo", bool(person.photo_id)),
        ("your skills and expertise", person.skills.exists()),
        ("your working days", bool(person.working_days)),
        ("your pronouns", bool(person.pronouns)),
        ("what people can ask you about", bool(person.ask_me_about)),
        ("the languages you speak", bool(person.languages)),
        ("a work phone number", bool(person.work_phone)),
    ]
    done = sum(1 for _, filled in checks if filled)
    return Completeness(
        percent=round(100 * done / len(checks)),
        missing=[what for what, filled in checks if not filled],
    )
