"""Working out each item's effective access from what it and its ancestors declare.

Pages inherit from the nearest ancestor that sets a value; documents and images from their
collection chain; the top of each organisation's chain is its policy default. Shared-area
content is always partnership + OFFICIAL. A child may only narrow: where stored data would
widen (it cannot pass the forms, but imports and scripts write data too), the narrower value
wins.
"""

from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.search import index

from intranet.core.signals import content_changed
from intranet.organisations.models import Organisation

from .choices import AUDIENCE_BREADTH, CLASSIFICATION_LEVEL, Audience, Classification
from .models import CollectionAccess, OrganisationPolicy, PageAccess
from .rules import AccessFacts

SHARED = AccessFacts(
    owner_id=None, audience=Audience.PARTNERSHIP, classification=Classification.OFFICIAL
)


def organisation_default(organisation: Organisation) -> AccessFacts:
    policy = OrganisationPolicy.objects.filter(organisation=organisation).first()
    return AccessFacts(
        owner_id=organisation.pk,
        audience=policy.default_audience if policy else Audience.PARTNERSHIP,
        classification=policy.default_classification if policy else Classification.OFFICIAL,
    )


def narrow(
    parent: AccessFacts,
    audience: str = "",
    classification: str = "",
    group_ids: frozenset[int] = frozenset(),
    caveat: str = "",
) -> AccessFacts:
    """Apply an item's declared values (blank = inherit) beneath its parent's effective ones."""
    if parent.owner_id is None:
        return SHARED
    effective_audience, effective_groups = parent.audience, parent.group_ids
    if audience and AUDIENCE_BREADTH[audience] <= AUDIENCE_BREADTH[parent.audience]:
        effective_audience = audience
        if audience == Audience.GROUPS:
            effective_groups = (
                group_ids & parent.group_ids if parent.audience == Audience.GROUPS else group_ids
            )
        else:
            effective_groups = frozenset()
    effective_classification, effective_caveat = parent.classification, parent.handling_caveat
    if classification and (
        CLASSIFICATION_LEVEL[classification] >= CLASSIFICATION_LEVEL[parent.classification]
    ):
        effective_classification = classification
        effective_caveat = caveat or (
            parent.handling_caveat if classification == parent.classification else ""
        )
    return AccessFacts(
        owner_id=parent.owner_id,
        audience=effective_audience,
        classification=effective_classification,
        group_ids=frozenset(effective_groups),
        handling_caveat=effective_caveat
        if effective_classification != Classification.OFFICIAL
        else "",
    )


def widening_errors(parent: AccessFacts, audience: str, classification: str, groups) -> dict:
    """Form errors for declared values that would widen the parent's access."""
    errors = {}
    if parent.owner_id is None:
        if audience and audience != Audience.PARTNERSHIP:
            errors["audience"] = "Shared-area content is always for all partner staff."
        if classification and classification != Classification.OFFICIAL:
            errors["classification"] = "Shared-area content is always OFFICIAL."
        return errors
    if audience and AUDIENCE_BREADTH[audience] > AUDIENCE_BREADTH[parent.audience]:
        errors["audience"] = (
            f"This is inside content for “{Audience(parent.audience).label.lower()}”; "
            "a page can narrow who may see it but not widen it."
        )
    if audience == Audience.GROUPS:
        group_ids = {g.pk for g in groups}
        if not group_ids:
            errors["access_groups"] = "Choose at least one group."
        elif parent.audience == Audience.GROUPS and not group_ids <= parent.group_ids:
            errors["access_groups"] = "Choose only groups that may already see the parent page."
    if classification and (
        CLASSIFICATION_LEVEL[classification] < CLASSIFICATION_LEVEL[parent.classification]
    ):
        errors["classification"] = (
            f"This is inside {parent.classification} content and cannot be less sensitive."
        )
    return errors


# --- Pages ------------------------------------------------------------------------------------


def _organisations_by_section_path() -> dict[str, Organisation]:
    return {
        org.section_page.path: org
        for org in Organisation.objects.filter(section_page__isnull=False).select_related(
            "section_page"
        )
    }


def _declared(page) -> tuple[str, str, frozenset[int], str]:
    audience = getattr(page, "audience", "") or ""
    groups = (
        frozenset(page.access_groups.values_list("pk", flat=True))
        if audience == Audience.GROUPS and hasattr(page, "access_groups")
        else frozenset()
    )
    return (
        audience,
        getattr(page, "classification", "") or "",
        groups,
        getattr(page, "handling_caveat", "") or "",
    )


def page_parent_facts(parent: Page | None) -> AccessFacts:
    """The effective facts a new child of ``parent`` starts from."""
    if parent is None:
        return SHARED
    sections = _organisations_by_section_path()
    facts = SHARED
    for ancestor in parent.get_ancestors(inclusive=True).specific().order_by("path"):
        facts = _step(facts, ancestor, sections)
    return facts


def page_facts_if(
    page: Page,
    parent: Page,
    audience: str = "",
    classification: str = "",
    group_ids: frozenset[int] = frozenset(),
    caveat: str = "",
) -> AccessFacts:
    """The effective facts ``page`` would have under ``parent`` with these declared values."""
    facts = page_parent_facts(parent)
    sections = _organisations_by_section_path()
    if page.path in sections:
        facts = organisation_default(sections[page.path])
    return narrow(facts, audience, classification, group_ids, caveat)


def moved_page_facts(page: Page, destination: Page) -> AccessFacts:
    """The effective facts ``page`` would have as a child of ``destination`` (move or copy)."""
    return page_facts_if(page, destination, *_declared(page.specific))


def _step(parent_facts: AccessFacts, page, sections: dict[str, Organisation]) -> AccessFacts:
    if page.path in sections:
        parent_facts = organisation_default(sections[page.path])
    return narrow(parent_facts, *_declared(page))


@transaction.atomic
def refresh_page_access(page: Page) -> None:
    """Recompute and store the effective access of ``page`` and all its descendants."""
    sections = _organisations_by_section_path()
    parent = page.get_parent()
    facts_by_path = {parent.path: page_parent_facts(parent)} if parent else {}
    subtree = list(Page.objects.filter(path__startswith=page.path).specific().order_by("path"))
    stored = _stored_page_facts([node.pk for node in subtree])
    changed = []
    for node in subtree:
        parent_facts = facts_by_path.get(node.path[: -Page.steplen], SHARED)
        facts = _step(parent_facts, node, sections)
        facts_by_path[node.path] = facts
        if stored.get(node.pk) != facts:  # Publishing a section's home rewrites nothing below.
            _store_page_facts(node, facts)
            changed.append(node.pk)
    # The page itself always (its content was saved), and whatever below it changed access.
    content_changed.send(
        sender=Page, pks=[page.pk, *(pk for pk in changed if pk != page.pk)], root=page.pk
    )


def _stored_page_facts(page_ids: list[int]) -> dict[int, AccessFacts]:
    records = PageAccess.objects.filter(page_id__in=page_ids).prefetch_related("groups")
    return {
        record.page_id: AccessFacts(
            owner_id=record.owner_organisation_id,
            audience=record.audience,
            classification=record.classification,
            group_ids=frozenset(group.pk for group in record.groups.all()),
            handling_caveat=record.handling_caveat,
        )
        for record in records
    }


def _store_page_facts(page: Page, facts: AccessFacts) -> None:
    record, _ = PageAccess.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "owner_organisation_id": facts.owner_id,
            "audience": facts.audience,
            "classification": facts.classification,
            "handling_caveat": facts.handling_caveat,
        },
    )
    record.groups.set(facts.group_ids)


def refresh_organisation(organisation: Organisation) -> None:
    """After a policy change: recompute everything in the organisation's section and library."""
    if organisation.section_page_id:
        refresh_page_access(organisation.section_page)
    if organisation.library_collection_id:
        refresh_collection_documents(organisation.library_collection)


# --- Documents --------------------------------------------------------------------------------


def collection_facts(collection: Collection) -> AccessFacts:
    """The effective facts of a library collection (what its documents start from)."""
    # Collections keep siblings sorted by name, so adding one can move others' tree paths:
    # never trust the path of an instance loaded before that — read it again.
    collection = Collection.objects.get(pk=collection.pk)
    owners = {
        org.library_collection_id: org
        for org in Organisation.objects.filter(library_collection__isnull=False)
    }
    declared = {
        access.collection_id: access
        for access in CollectionAccess.objects.filter(
            collection__in=collection.get_ancestors(inclusive=True)
        ).prefetch_related("groups")
    }
    facts = SHARED
    for node in collection.get_ancestors(inclusive=True).order_by("path"):
        if node.pk in owners:
            facts = organisation_default(owners[node.pk])
        access = declared.get(node.pk)
        if access:
            groups = frozenset(g.pk for g in access.groups.all())
            facts = narrow(
                facts, access.audience, access.classification, groups, access.handling_caveat
            )
    return facts


def document_facts_if(
    collection: Collection,
    audience: str = "",
    classification: str = "",
    group_ids: frozenset[int] = frozenset(),
    caveat: str = "",
) -> AccessFacts:
    """The effective facts a document (or image) would have in ``collection`` with these
    declared values: what the admin's forms compare with its facts now."""
    return narrow(collection_facts(collection), audience, classification, group_ids, caveat)


def document_facts(document) -> AccessFacts:
    groups = (
        frozenset(document.access_groups.values_list("pk", flat=True))
        if document.pk and document.audience == Audience.GROUPS
        else frozenset()
    )
    return narrow(
        collection_facts(document.collection),
        document.audience,
        document.classification,
        groups,
        document.handling_caveat,
    )


def _store_item_facts(item, facts: AccessFacts) -> None:
    """Write effective facts onto a document or image (the same columns on both)."""
    type(item).objects.filter(pk=item.pk).update(
        owner_organisation_id=facts.owner_id,
        effective_audience=facts.audience,
        effective_classification=facts.classification,
        effective_caveat=facts.handling_caveat,
    )
    item.owner_organisation_id = facts.owner_id
    item.effective_audience = facts.audience
    item.effective_classification = facts.classification
    item.effective_caveat = facts.handling_caveat
    item.effective_groups.set(facts.group_ids)


@transaction.atomic
def refresh_document_access(document) -> None:
    _store_item_facts(document, document_facts(document))
    content_changed.send(sender=type(document), pks=[document.pk])


def refresh_collection_documents(collection: Collection) -> None:
    """After a folder's access changed: recompute the documents and images filed in it and in
    its sub-folders (one entry point, so every caller that refreshes a folder covers both)."""
    from intranet.library.models import LibraryDocument

    collections = Collection.objects.get(pk=collection.pk).get_descendants(inclusive=True)
    for document in LibraryDocument.objects.filter(collection__in=collections):
        refresh_document_access(document)
    refresh_collection_images(collection)


# --- Images -----------------------------------------------------------------------------------
# Images declare no access of their own: they take their collection's facts. The image model
# is Wagtail's swappable one (``get_image_model``), so this app never imports the images app.


def image_facts(image) -> AccessFacts:
    """Effective facts of an image: those of its collection (root collection = shared)."""
    if not image.collection_id:
        return SHARED
    return collection_facts(image.collection)


@transaction.atomic
def refresh_image_access(image) -> None:
    """Recompute and store one image's effective access (after it is saved or moved)."""
    _store_item_facts(image, image_facts(image))
    # The admin's image search filters on these facts in the engine, too.
    index.insert_or_update_object(image)


@transaction.atomic
def refresh_collection_images(collection: Collection) -> None:
    """Recompute the images in ``collection`` and its sub-folders, one folder at a time."""
    image_model = get_image_model()
    collections = Collection.objects.get(pk=collection.pk).get_descendants(inclusive=True)
    for folder in collections.filter(pk__in=image_model.objects.values("collection_id")):
        facts = collection_facts(folder)
        for image in image_model.objects.filter(collection=folder):
            _store_item_facts(image, facts)
            index.insert_or_update_object(image)


def refresh_missing() -> int:
    """Give every page, document and image without effective access one (after migrations).

    Pages created by data migrations, or before this app existed, have no record and so are
    hidden from everyone (fail closed) until this runs.
    """
    from intranet.library.models import LibraryDocument

    refreshed = 0
    missing = Page.objects.filter(depth__gt=1, access_record__isnull=True).order_by("path")
    done: list[str] = []
    for page in missing:
        if not any(page.path.startswith(path) for path in done):
            refresh_page_access(page)
            done.append(page.path)
            refreshed += 1
    for document in LibraryDocument.objects.filter(effective_audience=""):
        refresh_document_access(document)
        refreshed += 1
    for image in get_image_model().objects.filter(effective_audience=""):
        refresh_image_access(image)
        refreshed += 1
    for access in CollectionAccess.objects.filter(organisation__isnull=True):
        access.save()  # Works out whose library the folder is in.
    return refreshed
