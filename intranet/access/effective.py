"""Working out each item's effective access from what it and its ancestors declare.

Pages inherit from the nearest ancestor that sets a value; documents and images from their
collection chain; the top of each organisation's chain is its policy default. Shared-area
content is always partnership + OFFICIAL. A child may only narrow: where stored data would
widen (it cannot pass the forms, but imports and scripts write data too), the narrower value
wins.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.search import index

from intranet.common.signals import content_changed
from intranet.organisations.models import Organisation

from .choices import AUDIENCE_BREADTH, CLASSIFICATION_LEVEL, Audience, Classification
from .models import CollectionAccess, OrganisationPolicy, PageAccess
from .rules import AccessFacts

SHARED = AccessFacts(
    owner_id=None, audience=Audience.PARTNERSHIP, classification=Classification.OFFICIAL
)


_LOAD = object()


def organisation_default(organisation: Organisation, policy=_LOAD) -> AccessFacts:
    """The facts at the top of the organisation's chain; ``policy`` when already loaded."""
    if policy is _LOAD:
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
    changed: dict[int, AccessFacts] = {}
    for node in subtree:
        parent_facts = facts_by_path.get(node.path[: -Page.steplen], SHARED)
        facts = _step(parent_facts, node, sections)
        facts_by_path[node.path] = facts
        if stored.get(node.pk) != facts:  # Publishing a section's home rewrites nothing below.
            changed[node.pk] = facts
    _store_pages_facts(changed)
    # The page itself in full (its content was saved); below it, only the access that changed.
    content_changed.send(sender=Page, pks=[page.pk], root=page.pk)
    below = [pk for pk in changed if pk != page.pk]
    if below:
        content_changed.send(sender=Page, pks=below, access_only=True)


def _stored_page_facts(page_ids: list[int]) -> dict[int, AccessFacts]:
    records = PageAccess.objects.filter(page_id__in=page_ids).prefetch_related("groups")
    return {record.page_id: record.access_facts() for record in records}


def _store_pages_facts(facts_by_page: dict[int, AccessFacts]) -> None:
    """Write pages' records in bulk: one INSERT for the new ones, one UPDATE per distinct set
    of facts, two statements for the groups — however many pages."""
    if not facts_by_page:
        return
    ids = list(facts_by_page)
    existing = set(PageAccess.objects.filter(page_id__in=ids).values_list("page_id", flat=True))
    PageAccess.objects.bulk_create(
        PageAccess(page_id=pk, audience=facts_by_page[pk].audience)
        for pk in ids
        if pk not in existing
    )
    now = timezone.now()
    for (owner_id, audience, classification, caveat), pks in _by_columns(facts_by_page, ids):
        PageAccess.objects.filter(page_id__in=pks).update(
            owner_organisation_id=owner_id,
            audience=audience,
            classification=classification,
            handling_caveat=caveat,
            computed_at=now,
        )
    through = PageAccess.groups.through
    through.objects.filter(pageaccess_id__in=ids).delete()
    through.objects.bulk_create(
        through(pageaccess_id=pk, organisationgroup_id=group_id)
        for pk in ids
        for group_id in sorted(facts_by_page[pk].group_ids)
    )


def refresh_organisation_pages(organisation: Organisation) -> None:
    """After a policy change: recompute the pages of the organisation's section (its library's
    documents are the library's to recompute: ``intranet.library.services``)."""
    if organisation.section_page_id:
        refresh_page_access(organisation.section_page)


# --- Documents --------------------------------------------------------------------------------


def collection_facts(collection: Collection) -> AccessFacts:
    """The effective facts of a library collection (what its documents start from)."""
    return _walk_collections(_ancestors_and_self(collection))[collection.pk]


def collection_facts_below(collection: Collection) -> dict[int, AccessFacts]:
    """The effective facts of ``collection`` and of every folder below it, by collection id,
    in one walk: a fixed number of queries however many folders there are."""
    chain = _ancestors_and_self(collection)
    below = list(chain[-1].get_descendants().order_by("path"))
    facts = _walk_collections([*chain, *below])
    return {node.pk: facts[node.pk] for node in (chain[-1], *below)}


def _ancestors_and_self(collection: Collection) -> list[Collection]:
    # Collections keep siblings sorted by name, so adding one can move others' tree paths:
    # never trust the path of an instance loaded before that — read it again.
    collection = Collection.objects.get(pk=collection.pk)
    return list(collection.get_ancestors(inclusive=True).order_by("path"))


def _walk_collections(nodes: list[Collection]) -> dict[int, AccessFacts]:
    """Facts of each node, given every node's ancestors among ``nodes`` (in path order)."""
    ids = [node.pk for node in nodes]
    owners = {
        org.library_collection_id: org
        for org in Organisation.objects.filter(library_collection_id__in=ids)
    }
    policies = {
        policy.organisation_id: policy
        for policy in OrganisationPolicy.objects.filter(organisation__in=owners.values())
    }
    declared = {
        access.collection_id: access
        for access in CollectionAccess.objects.filter(collection_id__in=ids).prefetch_related(
            "groups"
        )
    }
    by_path: dict[str, AccessFacts] = {}
    facts_by_id = {}
    for node in nodes:
        facts = by_path.get(node.path[: -Collection.steplen], SHARED)
        if node.pk in owners:
            owner = owners[node.pk]
            facts = organisation_default(owner, policies.get(owner.pk))
        access = declared.get(node.pk)
        if access:
            groups = frozenset(g.pk for g in access.groups.all())
            facts = narrow(
                facts, access.audience, access.classification, groups, access.handling_caveat
            )
        by_path[node.path] = facts_by_id[node.pk] = facts
    return facts_by_id


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
    """Write effective facts onto one document or image (``EffectiveAccess`` columns)."""
    store_effective_access(type(item), {item.pk: facts}, only_changed=False)
    item.owner_organisation_id = facts.owner_id
    item.effective_audience = facts.audience
    item.effective_classification = facts.classification
    item.effective_caveat = facts.handling_caveat


_COLUMNS = (
    "owner_organisation",
    "effective_audience",
    "effective_classification",
    "effective_caveat",
)


def store_effective_access(
    model, facts_by_pk: dict[int, AccessFacts], only_changed: bool = True
) -> list[int]:
    """Write effective facts onto rows of an ``EffectiveAccess`` model in bulk: one UPDATE per
    distinct set of facts and two statements for the groups, however many rows. Returns the
    ids whose facts changed (all of them with ``only_changed=False``)."""
    through = model.effective_groups.through
    item_column = f"{model._meta.model_name}_id"
    ids = list(facts_by_pk)
    if only_changed:
        stored = _stored_item_facts(model, ids)
        ids = [pk for pk in ids if stored.get(pk) != facts_by_pk[pk]]
    for (owner_id, audience, classification, caveat), pks in _by_columns(facts_by_pk, ids):
        model.objects.filter(pk__in=pks).update(
            owner_organisation_id=owner_id,
            effective_audience=audience,
            effective_classification=classification,
            effective_caveat=caveat,
        )
    if ids:
        through.objects.filter(**{f"{item_column}__in": ids}).delete()
        through.objects.bulk_create(
            through(**{item_column: pk, "organisationgroup_id": group_id})
            for pk in ids
            for group_id in sorted(facts_by_pk[pk].group_ids)
        )
    return ids


def _by_columns(facts_by_pk: dict[int, AccessFacts], ids: list[int]):
    """``ids`` grouped by the stored columns of their facts: one UPDATE per group."""
    groups: dict[tuple, list[int]] = {}
    for pk in ids:
        facts = facts_by_pk[pk]
        columns = (facts.owner_id, facts.audience, facts.classification, facts.handling_caveat)
        groups.setdefault(columns, []).append(pk)
    return groups.items()


def _stored_item_facts(model, ids: list[int]) -> dict[int, AccessFacts | None]:
    """What each row holds now, read as the policy reads it (two queries for all of them)."""
    items = (
        model.objects.filter(pk__in=ids)
        .only(
            "owner_organisation",
            "effective_audience",
            "effective_classification",
            "effective_caveat",
        )
        .prefetch_related("effective_groups")
    )
    return {item.pk: item.access_facts() for item in items}


@transaction.atomic
def refresh_document_access(document) -> None:
    _store_item_facts(document, document_facts(document))
    content_changed.send(sender=type(document), pks=[document.pk])


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
    """Recompute the images in ``collection`` and its sub-folders, in bulk."""
    image_model = get_image_model()
    folders = collection_facts_below(collection)
    images = image_model.objects.filter(collection_id__in=folders).only("pk", "collection_id")
    facts = {image.pk: folders[image.collection_id] for image in images}
    changed = store_effective_access(image_model, facts)
    # The admin's image search filters on these facts in the engine, too.
    for image in image_model.objects.filter(pk__in=changed):
        index.insert_or_update_object(image)


def refresh_missing() -> int:
    """Give every page and image without effective access one, and every folder setting its
    organisation (after migrations). Documents are the library's (its own post_migrate).

    Pages created by data migrations, or before this app existed, have no record and so are
    hidden from everyone (fail closed) until this runs.
    """
    refreshed = 0
    missing = Page.objects.filter(depth__gt=1, access_record__isnull=True).order_by("path")
    done: list[str] = []
    for page in missing:
        if not any(page.path.startswith(path) for path in done):
            refresh_page_access(page)
            done.append(page.path)
            refreshed += 1
    for image in get_image_model().objects.filter(effective_audience=""):
        refresh_image_access(image)
        refreshed += 1
    for access in CollectionAccess.objects.filter(organisation__isnull=True):
        # Whose library the folder is in (its admins' listing is scoped by it).
        owner_id = collection_facts(access.collection).owner_id
        CollectionAccess.objects.filter(pk=access.pk).update(organisation_id=owner_id)
    return refreshed
