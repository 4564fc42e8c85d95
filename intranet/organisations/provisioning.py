"""Creating what an organisation needs to work: its section, library and groups.

Idempotent, so it is safe to run again after an organisation is edited or partly set up.
Adding a partner is therefore one admin action (the snippet's create hook) or one command
(``manage.py create_organisation``), never code.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
)

from home.models import SectionPage
from intranet.access.effective import refresh_organisation_pages
from intranet.access.publishing import apply_publishing_policy

from .models import Organisation, OrganisationGroup

# Wagtail page permissions each standard group holds over the organisation's section.
SECTION_PERMISSIONS = {
    OrganisationGroup.Role.EDITORS: ["add_page", "change_page", "publish_page"],
    OrganisationGroup.Role.MODERATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    ],
    OrganisationGroup.Role.ADMINS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
# Document and image permissions each standard group holds over the organisation's library.
LIBRARY_PERMISSIONS = {
    OrganisationGroup.Role.EDITORS: ["add", "change", "choose"],
    OrganisationGroup.Role.MODERATORS: ["add", "change", "choose", "delete"],
    OrganisationGroup.Role.ADMINS: ["add", "change", "choose", "delete"],
}
STANDARD_GROUPS = [
    (OrganisationGroup.Role.EDITORS, "Editors"),
    (OrganisationGroup.Role.MODERATORS, "Moderators"),
    (OrganisationGroup.Role.ADMINS, "Administrators"),
]


class ProvisioningError(Exception):
    """The site is not in a state where an organisation can be set up (e.g. no home page)."""


@transaction.atomic
def provision_organisation(organisation: Organisation) -> Organisation:
    """Ensure the organisation's section page, library collection and standard groups exist."""
    _ensure_section_page(organisation)
    _ensure_library_collection(organisation)
    for role, label in STANDARD_GROUPS:
        ensure_group(organisation, role.value, f"{organisation.short_name} {label.lower()}", role)
    organisation.save(update_fields=["section_page", "library_collection"])
    # The organisation's own rules: its policy (defaults) and its publishing workflow; and
    # the section's effective access, now that the section is known to be this organisation's.
    apply_publishing_policy(organisation)
    refresh_organisation_pages(organisation)
    return organisation


def ensure_group(
    organisation: Organisation,
    slug: str,
    name: str,
    role: str = OrganisationGroup.Role.OTHER,
) -> OrganisationGroup:
    """Get or create the group ``<org>/<slug>``, granting the role's permissions."""
    identifier = f"{organisation.slug}/{slug}"
    org_group = (
        OrganisationGroup.objects.filter(organisation=organisation, slug=slug)
        .select_related("group")
        .first()
    )
    if org_group is None:
        group, _ = Group.objects.get_or_create(name=identifier)
        org_group = OrganisationGroup.objects.create(
            organisation=organisation, slug=slug, name=name, role=role, group=group
        )
    if role in SECTION_PERMISSIONS:
        _grant_admin_access(org_group.group)
        _grant_section_permissions(organisation, org_group.group, SECTION_PERMISSIONS[role])
        _grant_library_permissions(organisation, org_group.group, LIBRARY_PERMISSIONS[role])
    return org_group


def shared_home_page() -> Page:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ProvisioningError(
            "There is no default Wagtail site; run `manage.py seed_demo` or create one."
        )
    return site.root_page


def _ensure_section_page(organisation: Organisation) -> None:
    if (
        organisation.section_page_id
        and Page.objects.filter(pk=organisation.section_page_id).exists()
    ):
        return
    home = shared_home_page()
    existing = SectionPage.objects.child_of(home).filter(slug=organisation.slug).first()
    if existing is None:
        existing = home.add_child(
            instance=SectionPage(
                title=organisation.name,
                slug=organisation.slug,
                intro=f"<p>News, guidance and services from {organisation.name}.</p>",
            )
        )
        existing.save_revision().publish()
    organisation.section_page = existing


def _ensure_library_collection(organisation: Organisation) -> None:
    if (
        organisation.library_collection_id
        and Collection.objects.filter(pk=organisation.library_collection_id).exists()
    ):
        return
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=organisation.name).first()
    organisation.library_collection = existing or root.add_child(name=organisation.name)


def _grant_admin_access(group: Group) -> None:
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def _grant_section_permissions(
    organisation: Organisation, group: Group, codenames: list[str]
) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=organisation.section_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def _grant_library_permissions(
    organisation: Organisation, group: Group, actions: list[str]
) -> None:
    # Wagtail checks document and image permissions against its own base models, even with
    # custom document/image models (see wagtail.documents.get_permission_policy).
    for app_label, model_name in (("wagtaildocs", "document"), ("wagtailimages", "image")):
        for action in actions:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=f"{action}_{model_name}"
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=organisation.library_collection, permission=permission
            )
