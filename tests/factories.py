"""Factories that build exactly the data a test needs (no shared fixtures of content)."""

import datetime
from dataclasses import dataclass

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
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
from intranet.access.models import CommitmentStatement
from intranet.access.statements import accept, current_statement
from intranet.demo import files
from intranet.images.models import IntranetImage
from intranet.images.services import save_image
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document, set_folder_access
from intranet.organisations.models import Membership, Organisation
from intranet.organisations.provisioning import ensure_group, provision_organisation
from intranet.people.models import Person
from intranet.people.services import save_person

TEST_PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov.uk")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        for organisation in extracted or []:
            Membership.objects.get_or_create(user=self, organisation=organisation)
        self.save()


class PersonFactory(factory.django.DjangoModelFactory):
    """A member of staff in the directory, saved as the directory's services save one
    (search entry, account linked by email). ``skills=["GIS"]`` sets their skills."""

    class Meta:
        model = Person

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.Sequence(lambda n: f"person{n}@example.gov.uk")

    @classmethod
    def _create(cls, model_class, *args, skills=None, **fields):
        return save_person(model_class(*args, **fields), skills=skills)


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation with its section, library and groups provisioned, as in real use."""

    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"org{n}")
    name = factory.LazyAttribute(lambda o: f"London Borough of {o.slug.upper()}")
    short_name = factory.LazyAttribute(lambda o: o.slug.upper())
    accent_colour = "#00703c"
    email_domains = factory.LazyAttribute(lambda o: f"{o.slug}.gov.uk")

    @factory.post_generation
    def provisioned(self, create, extracted, **kwargs):
        if create and extracted is not False:
            provision_organisation(self)


def shared_home() -> HomePage:
    return HomePage.objects.get()


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under ``parent`` (the shared home by default) and publishes it."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda p: slugify(p.title))

    @classmethod
    def _create(cls, model_class, *args, parent: Page | None = None, live: bool = True, **kwargs):
        page = add_page(parent or shared_home(), model_class(**kwargs), publish=live)
        page.refresh_from_db()
        return page


class ContentPageFactory(PageFactory):
    class Meta:
        model = ContentPage

    summary = "A page of guidance."


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "News"


class NewsArticlePageFactory(PageFactory):
    class Meta:
        model = NewsArticlePage

    summary = factory.LazyAttribute(lambda p: f"Summary of {p.title}.")
    date = factory.LazyFunction(lambda: datetime.date(2026, 11, 1))


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Events"


class EventPageFactory(PageFactory):
    """An event a week from now, two hours long."""

    class Meta:
        model = EventPage

    start_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end_at = factory.LazyAttribute(lambda e: e.start_at + datetime.timedelta(hours=2))
    summary = factory.LazyAttribute(lambda e: f"Summary of {e.title}.")


class LibraryDocumentFactory(factory.django.DjangoModelFactory):
    """A library document with a real file, saved as an upload is: plain text ``text`` in
    ``filename`` unless ``content`` (bytes) says otherwise; pass ``collection`` to file it."""

    class Meta:
        model = LibraryDocument

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    text = "notes"
    content = factory.LazyAttribute(lambda d: d.text.encode())
    filename = factory.LazyAttribute(lambda d: f"{slugify(d.title)}.txt")

    @classmethod
    def _create(cls, model_class, *args, text, content, filename, **fields):
        document = model_class(*args, **fields)
        document.file.save(filename, ContentFile(content), save=False)
        return save_document(document)


class ImageFactory(factory.django.DjangoModelFactory):
    """A small real PNG; pass ``collection`` to file it in a library folder."""

    class Meta:
        model = IntranetImage

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.LazyAttribute(
        lambda i: ContentFile(files.png(i.title, size=(80, 60)), name=f"{slugify(i.title)}.png")
    )

    @classmethod
    def _create(cls, model_class, *args, **fields):
        return save_image(model_class(*args, **fields))


def add_to_group(user, organisation: Organisation, slug: str):
    """Put ``user`` in the organisation's group ``slug`` (creating the group if needed)."""

    org_group = ensure_group(organisation, slug, slug.replace("-", " ").title())
    user.groups.add(org_group.group)
    return org_group


def restrict(page, audience="", classification="", groups=(), caveat=""):
    """Set a page's declared access and publish it, as an editor would."""
    page.audience = audience
    page.classification = classification
    page.handling_caveat = caveat
    page.access_groups.set(list(groups))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def accept_statement(user, organisation: Organisation):
    """``user`` accepts the organisation's current commitment statement (publishing one)."""

    statement = current_statement(organisation) or CommitmentStatement.objects.create(
        organisation=organisation, text="Handle with care."
    )
    return accept(user, statement)


def document_in(collection, title: str, text: str = "notes", filename: str = "notes.txt"):
    """A plain-text library document in ``collection``."""
    return LibraryDocumentFactory(collection=collection, title=title, text=text, filename=filename)


def restrict_folder(folder, audience="", classification="", groups=()):
    """Declare a library folder's access, as its organisation's admins would."""
    return set_folder_access(
        folder, audience=audience, classification=classification, groups=groups
    )


def member_of(organisation, username: str, *groups: str):
    """A member of ``organisation`` in its groups ``groups`` (editors, admins, social-care…)."""
    user = UserFactory(username=username, organisations=[organisation])
    for group in groups:
        add_to_group(user, organisation, group)
    return user


def admin_of(organisation, username: str = ""):
    """One of ``organisation``'s admins (``<slug>.admin`` unless named)."""
    return member_of(organisation, username or f"{organisation.slug}.admin", "admins")


def editor_of(organisation, username: str = ""):
    """One of ``organisation``'s editors (``<slug>.editor`` unless named)."""
    return member_of(organisation, username or f"{organisation.slug}.editor", "editors")


@dataclass
class Council:
    organisation: Organisation
    editor: object
    admin: object
    social_care_worker: object
    org_only_page: Page
    sensitive_page: Page
    sensitive_folder: object
    sensitive_document: object
    org_only_document: object
    sensitive_image: object

    def restricted(self) -> list:
        """Items only some staff of the partnership may see."""
        return [
            self.org_only_page,
            self.sensitive_page,
            self.sensitive_document,
            self.org_only_document,
            self.sensitive_image,
        ]


def build_partnership(slugs=("hf", "rbkc", "wcc")) -> dict[str, Council]:
    councils = {}
    for slug in slugs:
        organisation = OrganisationFactory(slug=slug, short_name=slug.upper())
        care = add_to_group(UserFactory(username=f"{slug}.nobody"), organisation, "social-care")
        worker = member_of(organisation, f"{slug}.socialcare", "social-care")
        accept_statement(worker, organisation)
        org_only = restrict(
            ContentPageFactory(
                parent=organisation.section_page,
                title=f"Evacuation plan marker-{slug}-org-page",
                slug=f"evacuation-{slug}",
            ),
            audience="organisation",
        )
        sensitive = ContentPageFactory(
            parent=organisation.section_page,
            title=f"Case reviews marker-{slug}-sensitive-page",
            slug=f"case-reviews-{slug}",
            summary=f"Summary marker-{slug}-sensitive-summary",
            body=[("paragraph", f"<p>Case text marker-{slug}-sensitive-body.</p>")],
        )
        sensitive = restrict(
            sensitive, audience="groups", classification="OFFICIAL-SENSITIVE", groups=[care]
        )
        folder = organisation.library_collection.add_child(name=f"Social care {slug}")
        restrict_folder(folder, "groups", "OFFICIAL-SENSITIVE", [care])
        councils[slug] = Council(
            organisation=organisation,
            editor=member_of(organisation, f"{slug}.editor", "editors"),
            admin=member_of(organisation, f"{slug}.admin", "admins"),
            social_care_worker=worker,
            org_only_page=org_only,
            sensitive_page=sensitive,
            sensitive_folder=folder,
            sensitive_document=document_in(
                folder,
                f"Safeguarding marker-{slug}-sensitive-doc",
                filename=f"safeguarding-{slug}.txt",
            ),
            org_only_document=_org_only_document(organisation, slug),
            sensitive_image=ImageFactory(
                title=f"Photo marker-{slug}-sensitive-image", collection=folder
            ),
        )
    return councils


def _org_only_document(organisation, slug):
    document = document_in(
        organisation.library_collection,
        f"Rota marker-{slug}-org-doc",
        filename=f"rota-{slug}.txt",
    )
    document.audience = "organisation"
    return save_document(document)


def page_form(title: str, **fields) -> dict:
    """The admin's page form as an editor submits it (a content page, access inherited)."""
    return {
        "title": title,
        "slug": slugify(title),
        "summary": "",
        "body-count": "0",
        "audience": "",
        "classification": "",
        "handling_caveat": "",
        **fields,
    }
