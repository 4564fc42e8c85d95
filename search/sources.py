"""How each kind of item becomes a search entry — or stops being one.

``describe(kind, object_id)`` returns what the entry should say now, or ``None`` when the
item should not be searchable (deleted, unpublished, inactive, or with no effective access,
which the access policy treats as "refuse"). Access facts are copied from the access app's
effective records, never worked out here.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from intranet.access.models import PageAccess
from intranet.common.text import fold
from intranet.library.models import DocumentType, LibraryDocument
from intranet.people.models import Person

from .models import BODY_LIMIT, Kind


@dataclass
class EntryData:
    title: str
    url: str
    audience: str
    classification: str
    organisation_id: int | None
    updated_at: datetime
    summary: str = ""
    body: str = ""
    label: str = ""
    document_type: str = ""
    file_type: str = ""
    group_ids: frozenset[int] = field(default_factory=frozenset)


def describe(kind: str, object_id: int) -> EntryData | None:
    if kind in (Kind.PAGE, Kind.EVENT):
        return describe_page(object_id)
    if kind == Kind.DOCUMENT:
        return describe_document(object_id)
    if kind == Kind.PERSON:
        return describe_person(object_id)
    raise ValueError(f"Unknown kind of search entry: {kind}")


def kind_of_page(page: Page) -> str:
    """Events are pages that say so (``search_kind``); everything else is a page."""
    return getattr(page.specific_class, "search_kind", Kind.PAGE)


# --- Pages ------------------------------------------------------------------------------------


def _text(value) -> str:
    return " ".join(strip_tags(str(value)).split())


def page_text(page: Page) -> tuple[str, str]:
    """(summary, body) from the page type's own ``search_fields``, as plain text."""
    summary = getattr(page, "summary", "") or page.search_description or ""
    parts = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name in (
            "title",
            "summary",
        ):
            continue
        value = getattr(page, search_field.field_name, None)
        if not value:
            continue
        model_field = search_field.get_field(type(page))
        if isinstance(model_field, StreamField):
            parts.extend(model_field.get_searchable_content(value))
        else:
            parts.append(str(value))
    return _text(summary), _text(" ".join(parts))[:BODY_LIMIT]


def describe_page(page_id: int) -> EntryData | None:
    page = Page.objects.filter(pk=page_id, depth__gt=1).first()
    if page is None or not page.live or page.get_view_restrictions().exists():
        return None
    record = PageAccess.objects.filter(page_id=page_id).first()
    if record is None:
        return None
    page = page.specific
    summary, body = page_text(page)
    label = getattr(page, "search_label", "") or page._meta.verbose_name.capitalize()
    return EntryData(
        title=page.title,
        url=page.get_url() or page.url_path,
        audience=record.audience,
        classification=record.classification,
        organisation_id=record.owner_organisation_id,
        group_ids=frozenset(record.groups.values_list("pk", flat=True)),
        updated_at=page.last_published_at
        or page.latest_revision_created_at
        or page.first_published_at
        or timezone.now(),
        summary=summary,
        body=body,
        label=label,
    )


# --- Documents --------------------------------------------------------------------------------


def describe_document(document_id: int) -> EntryData | None:
    document = LibraryDocument.objects.filter(pk=document_id).first()
    if document is None or not document.effective_audience:
        return None
    replaced = document.versions.aggregate(last=Max("archived_at"))["last"]
    updated_at = max(filter(None, [document.created_at, replaced]))
    type_label = DocumentType(document.document_type).label if document.document_type else ""
    file_label = document.file_type.upper()
    return EntryData(
        title=document.title,
        url=reverse("document", args=[document.pk]),
        audience=document.effective_audience,
        classification=document.effective_classification,
        organisation_id=document.owner_organisation_id,
        group_ids=frozenset(document.effective_groups.values_list("pk", flat=True)),
        updated_at=updated_at,
        summary=_text(document.description),
        body=document.extracted_text[:BODY_LIMIT],
        label=" · ".join(filter(None, [type_label, file_label])),
        document_type=document.document_type,
        file_type=document.file_type,
    )


# --- People -----------------------------------------------------------------------------------


def describe_person(person_id: int) -> EntryData | None:
    """A person is found by name, preferred name, job title, team, skills and building, by
    whoever the person is listed to (all partners' staff, or their own council's)."""
    person = (
        Person.objects.listed()
        .filter(pk=person_id)
        .select_related("organisation", "team", "base__organisation")
        .first()
    )
    if person is None:
        return None
    skills = [tag.name for tag in person.skills.all()]
    team = person.team.path if person.team else ""
    words = [
        # Folded too, for engines that do not fold accents: "Siobhan" finds "Siobhán".
        fold(f"{person.full_name} {person.preferred_name}"),
        person.full_name,
        person.preferred_name,
        person.email.split("@")[0].replace(".", " "),
        person.email,
        team,
        str(person.base) if person.base else "",
        " ".join(skills),
        person.languages,
        person.ask_me_about,
    ]
    return EntryData(
        title=person.display_name,
        url=person.get_absolute_url(),
        audience=person.audience,
        classification=person.classification,
        organisation_id=person.organisation_id,
        updated_at=person.updated_at,
        summary=" – ".join(filter(None, [person.job_title, team, person.organisation.short_name])),
        body=" ".join(filter(None, words)),
        label=person.job_title or "Person",
    )
