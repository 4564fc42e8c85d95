"""Builds the demo partnership. Idempotent: running it again changes nothing that exists."""

import datetime
import json

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, Page

from home.models import (
    ContentPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
)
from home.services import add_page
from intranet.access.models import (
    CollectionAccess,
    CommitmentStatement,
    InformationSharingAgreement,
    OrganisationPolicy,
)
from intranet.access.statements import accept, current_statement
from intranet.images.models import IntranetImage
from intranet.images.services import save_image
from intranet.library.models import LibraryDocument
from intranet.library.services import (
    organisation_policy_changed,
    save_document,
    set_folder_access,
)
from intranet.organisations.models import Membership, Organisation
from intranet.organisations.provisioning import ensure_group, provision_organisation

from . import files
from .calendar import seed_calendar
from .content import (
    ACCEPTANCES,
    AGREEMENTS,
    EVENTS,
    IMAGES,
    LIBRARY,
    LOCAL_NEWS,
    NEWS,
    ORGANISATIONS,
    PEOPLE,
    POLICIES,
    RESTRICTED_PAGES,
    SHARED_NEWS,
    STATEMENT_TEXT,
    TOPICS,
)
from .people import seed_people, seed_work_locations

DEMO_PASSWORD = "commons-demo"  # Published in the README: demo data only.


@transaction.atomic
def seed_demo() -> dict[str, int]:
    """Create the three demo councils, their content, accounts and address book (people,
    teams, buildings); return counts created."""
    counts = {
        "organisations": 0,
        "pages": 0,
        "users": 0,
        "people": 0,
        "documents": 0,
        "images": 0,
    }
    home = _shared_home()
    counts["pages"] += _seed_shared_news(home)
    for spec in ORGANISATIONS:
        organisation, created = _ensure_organisation(spec)
        counts["organisations"] += created
        counts["pages"] += _seed_section(organisation, spec)
        counts["users"] += _seed_people(organisation)
        counts["people"] += seed_people(organisation)
        counts["documents"] += _seed_library(organisation, spec)
        counts["images"] += _seed_images(organisation)
        counts["pages"] += seed_calendar(organisation, spec)  # after its people: organisers
    counts["users"] += _ensure_user("admin", "Platform", "Administrator", "", superuser=True)
    seed_work_locations()  # Once every council has its buildings: some work at a partner's.
    _seed_agreements()
    _seed_acceptances()
    return counts


def _shared_home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("No shared home page: run `manage.py migrate` first.")
    if home.title != "Commons":
        home.title = "Commons"
        home.save_revision().publish()
    return home


def _ensure_organisation(spec: dict) -> tuple[Organisation, bool]:
    fields = {key: spec[key] for key in ("name", "short_name", "accent_colour", "email_domains")}
    organisation, created = Organisation.objects.get_or_create(slug=spec["slug"], defaults=fields)
    provision_organisation(organisation)
    ensure_group(organisation, "social-care", f"{organisation.short_name} social care")
    policy = OrganisationPolicy.objects.get(organisation=organisation)
    wanted = POLICIES[organisation.slug]
    if any(getattr(policy, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(policy, key, value)
        policy.save()
        organisation_policy_changed(organisation)
    if current_statement(organisation) is None:
        CommitmentStatement.objects.create(
            organisation=organisation, text=STATEMENT_TEXT.format(org=organisation.name)
        )
    return organisation, created


def _fill(text: str, spec: dict) -> str:
    return text.format(org=spec["name"], building=spec["building"])


def _body(paragraphs: list[str], spec: dict) -> str:
    return json.dumps(
        [{"type": "paragraph", "value": f"<p>{_fill(text, spec)}</p>"} for text in paragraphs]
    )


def _ensure_child(parent: Page, model: type[Page], slug: str, **fields) -> tuple[Page, bool]:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    return add_page(parent, model(slug=slug, **fields)), True


def _seed_section(organisation: Organisation, spec: dict) -> int:
    section = organisation.section_page.specific
    created = 0
    for slug, title, summary, children in TOPICS:
        topic, new = _ensure_child(
            section, ContentPage, slug, title=title, summary=_fill(summary, spec)
        )
        created += new
        for child_slug, child_title, child_summary, paragraphs in children:
            _, new = _ensure_child(
                topic,
                ContentPage,
                child_slug,
                title=child_title,
                summary=_fill(child_summary, spec),
                body=_body(paragraphs, spec),
            )
            created += new
    created += _seed_restricted_pages(organisation, section, spec)
    news = LOCAL_NEWS.get(organisation.slug, []) + NEWS
    created += _seed_news(section, f"{organisation.short_name} news", news, spec)
    created += _seed_events(section, spec)
    return created


def _seed_events(section: Page, spec: dict) -> int:
    index, created = _ensure_child(
        section,
        EventIndexPage,
        "events",
        title="Events",
        intro=f"<p>Forums, drop-ins and training at {_fill('{org}', spec)}.</p>",
    )
    today = timezone.localdate()
    for slug, title, summary, location, days, (
        hour,
        minute,
    ), minutes, audience, paragraphs in EVENTS:
        day = today + datetime.timedelta(days=days)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
        _, new = _ensure_child(
            index,
            EventPage,
            slug,
            title=_fill(title, spec),
            summary=_fill(summary, spec),
            location=_fill(location, spec),
            start_at=start,
            end_at=start + datetime.timedelta(minutes=minutes),
            body=_body(paragraphs, spec),
            audience=audience,
        )
        created += new
    return created


def _seed_restricted_pages(organisation: Organisation, section: Page, spec: dict) -> int:
    created = 0
    for (
        topic_slug,
        slug,
        title,
        summary,
        audience,
        classification,
        caveat,
        group,
        paragraphs,
    ) in RESTRICTED_PAGES:
        topic = ContentPage.objects.child_of(section).get(slug=topic_slug)
        page, new = _ensure_child(
            topic,
            ContentPage,
            slug,
            title=title,
            summary=_fill(summary, spec),
            body=_body(paragraphs, spec),
            audience=audience,
            classification=classification,
            handling_caveat=caveat,
        )
        if new and group:
            page.access_groups.set([organisation.groups.get(slug=group)])
            page.save_revision().publish()
        created += new
    return created


def _seed_library(organisation: Organisation, spec: dict) -> int:
    makers = {
        "pdf": files.pdf,
        "docx": files.docx,
        "xlsx": lambda lines: files.xlsx([[line] for line in lines]),
        "pptx": files.pptx,
        "odt": lambda lines: files.odf("odt", lines),
        "rtf": files.rtf,
    }
    created = 0
    for path, (audience, classification, group), documents in LIBRARY:
        collection = _ensure_folder(organisation, path)
        if (audience or classification) and not CollectionAccess.objects.filter(
            collection=collection
        ).exists():
            groups = [organisation.groups.get(slug=group)] if group else []
            set_folder_access(collection, audience, classification, groups)
        for title, document_type, file_format, lines in documents:
            if LibraryDocument.objects.filter(collection=collection, title=title).exists():
                continue
            document = LibraryDocument(
                title=title, collection=collection, document_type=document_type
            )
            content = makers[file_format]([_fill(line, spec) for line in lines])
            document.file.save(f"{slugify(title)}.{file_format}", ContentFile(content), save=False)
            save_document(document)
            created += 1
    return created


def _ensure_folder(organisation: Organisation, path: list[str]) -> Collection:
    collection = organisation.library_collection
    for name in path:
        child = collection.get_children().filter(name=name).first()
        collection = child or collection.add_child(name=name)
    return collection


def _seed_images(organisation: Organisation) -> int:
    """Generated pictures in the library, so image access can be tried (see ``IMAGES``)."""
    created = 0
    for slug, path, title, colour in IMAGES:
        if slug != organisation.slug:
            continue
        collection = _ensure_folder(organisation, path)
        if IntranetImage.objects.filter(collection=collection, title=title).exists():
            continue
        picture = ContentFile(files.png(title, colour), name=f"{slugify(title)}.png")
        save_image(IntranetImage(title=title, collection=collection, file=picture))
        created += 1
    return created


def _seed_agreements() -> None:
    today = timezone.localdate()
    for spec in AGREEMENTS:
        grantor = Organisation.objects.get(slug=spec["grantor"])
        grantee = Organisation.objects.get(slug=spec["grantee"])
        agreement, created = InformationSharingAgreement.objects.get_or_create(
            grantor=grantor,
            reference=spec["reference"],
            defaults={
                "grantee": grantee,
                "purpose": spec["purpose"],
                "covers_official_sensitive": True,
                "starts_on": today - datetime.timedelta(days=180),
                "ends_on": today + datetime.timedelta(days=550),
            },
        )
        if created:
            agreement.grantee_groups.set(grantee.groups.filter(slug__in=spec["grantee_groups"]))


def _seed_acceptances() -> None:
    for username, slugs in ACCEPTANCES.items():
        user = get_user_model().objects.get(username=username)
        for slug in slugs:
            accept(user, current_statement(Organisation.objects.get(slug=slug)))


def _seed_shared_news(home: HomePage) -> int:
    spec = {"name": "the partner councils", "building": "partner buildings"}
    return _seed_news(home, "Partnership news", SHARED_NEWS, spec, slug="news")


def _seed_news(parent: Page, title: str, items: list, spec: dict, slug: str = "news") -> int:
    index, created = _ensure_child(
        parent, NewsIndexPage, slug, title=title, intro="<p>The latest news, newest first.</p>"
    )
    today = timezone.localdate()
    for position, (article_slug, article_title, summary, paragraphs) in enumerate(items):
        _, new = _ensure_child(
            index,
            NewsArticlePage,
            article_slug,
            title=_fill(article_title, spec),
            summary=_fill(summary, spec),
            date=today - datetime.timedelta(days=3 * position + len(parent.slug)),
            body=_body(paragraphs, spec),
        )
        created += new
    return created


def _seed_people(organisation: Organisation) -> int:
    created = 0
    domain = organisation.email_domain_list[0]
    for suffix, first, last, job_title, groups in PEOPLE[organisation.slug]:
        username = f"{organisation.slug}.{suffix}"
        email = f"{first}.{last}@{domain}".lower()
        created += _ensure_user(username, first, last, email, job_title=job_title)
        user = get_user_model().objects.get(username=username)
        Membership.objects.get_or_create(user=user, organisation=organisation)
        for group_slug in groups:
            user.groups.add(organisation.group(group_slug))
    return created


def _ensure_user(
    username: str,
    first: str,
    last: str,
    email: str,
    *,
    job_title: str = "",
    superuser: bool = False,
) -> int:
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": email,
            "job_title": job_title,
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return int(created)
