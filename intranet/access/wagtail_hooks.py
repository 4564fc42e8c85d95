"""Wires the access policy into Wagtail: serving guards, each organisation's settings in the
admin (scoped to its own admins), the audit report, and trimming Wagtail's own history."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from . import audit, reports
from .admin_api import TrimmedDocumentsAdminAPIViewSet, TrimmedPagesAdminAPIViewSet
from .admin_forms import AgreementForm, FolderAccessForm, OrganisationScopedForm, StatementForm
from .admin_permissions import (
    AdministratorsMenuItem,
    OrganisationScopedPermissionPolicy,
)
from .admin_views import ScopedViewSet
from .effective import moved_page_facts
from .models import (
    CollectionAccess,
    CommitmentStatement,
    InformationSharingAgreement,
    OrganisationPolicy,
)
from .policy import facts_for, visible_to, visible_to_for_search, widening_refusal, widens
from .serving import guard_document, guard_page

hooks.register("before_serve_page", guard_page)
hooks.register("before_serve_document", guard_document)

POLICIES = {
    OrganisationPolicy: OrganisationScopedPermissionPolicy(
        OrganisationPolicy, "organisation", {"change", "view"}
    ),
    # Statement versions are evidence: they can be added, never edited or deleted.
    CommitmentStatement: OrganisationScopedPermissionPolicy(
        CommitmentStatement, "organisation", {"add", "view"}
    ),
    # Agreements are revoked, not deleted, so the record of what was shared survives.
    InformationSharingAgreement: OrganisationScopedPermissionPolicy(
        InformationSharingAgreement, "grantor", {"add", "change", "view"}
    ),
    CollectionAccess: OrganisationScopedPermissionPolicy(
        CollectionAccess, "organisation", {"add", "change", "delete", "view"}
    ),
}
for model, policy in POLICIES.items():
    register_permission_policy(model, policy)


class PolicyViewSet(ScopedViewSet):
    model = OrganisationPolicy
    icon = "cog"
    menu_label = "Policies"
    list_display = [
        "organisation",
        "default_audience",
        "default_classification",
        "requires_approval",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("default_audience"),
            FieldPanel("default_classification"),
            FieldPanel("requires_approval"),
            FieldPanel("review_period_months"),
            FieldPanel("widening_by"),
        ],
        base_form_class=OrganisationScopedForm,
    )


class StatementViewSet(ScopedViewSet):
    model = CommitmentStatement
    icon = "doc-full"
    menu_label = "Commitment statements"
    list_display = ["organisation", "version", "published_at"]
    edit_handler = ObjectList(
        [FieldPanel("organisation"), FieldPanel("text")], base_form_class=StatementForm
    )


class AgreementViewSet(ScopedViewSet):
    model = InformationSharingAgreement
    icon = "link"
    menu_label = "Sharing agreements"
    list_display = ["reference", "grantor", "grantee", "starts_on", "ends_on", "revoked_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("grantor"),
            FieldPanel("grantee"),
            FieldPanel("reference"),
            FieldPanel("purpose"),
            FieldPanel("covers_official_sensitive"),
            FieldPanel("grantee_groups"),
            FieldPanel("starts_on"),
            FieldPanel("ends_on"),
            FieldPanel("revoke"),
        ],
        base_form_class=AgreementForm,
    )


class FolderAccessViewSet(ScopedViewSet):
    model = CollectionAccess
    icon = "folder-open-inverse"
    menu_label = "Folder access"
    list_display = ["collection", "organisation", "audience", "classification"]
    edit_handler = ObjectList(
        [
            FieldPanel("collection"),
            FieldPanel("audience"),
            FieldPanel("groups"),
            FieldPanel("classification"),
            FieldPanel("handling_caveat"),
        ],
        base_form_class=FolderAccessForm,
    )


class AccessSettingsGroup(SnippetViewSetGroup):
    items = (PolicyViewSet, StatementViewSet, AgreementViewSet, FolderAccessViewSet)
    menu_icon = "lock"
    menu_label = "Access"
    menu_name = "access"


register_snippet(AccessSettingsGroup)


def _organisation_of(instance):
    return getattr(instance, "organisation", None) or getattr(instance, "grantor", None)


@hooks.register("after_create_snippet")
def audit_created_settings(request, instance):
    if type(instance) in POLICIES:
        audit.record_change(request.user, _organisation_of(instance), instance, "created")


@hooks.register("after_edit_snippet")
def audit_edited_settings(request, instance):
    if type(instance) in POLICIES:
        what = "revoked" if getattr(instance, "revoked_at", None) else "edited"
        audit.record_change(request.user, _organisation_of(instance), instance, what)


@hooks.register("register_admin_urls")
def audit_report_urls():
    return [path("audit/", reports.audit_report, name="commons_audit_report")]


@hooks.register("register_reports_menu_item")
def audit_report_menu_item():
    return AdministratorsMenuItem(
        "Access audit trail", reverse("commons_audit_report"), icon_name="lock"
    )


@hooks.register("construct_reports_menu")
def hide_site_history_from_organisation_admins(request, menu_items):
    # Wagtail's site history is trimmed by content type only, so it would show one council's
    # titles to another's admins; only platform operators see it (see reports.site_history).
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]


# Wagtail's choosers, explorer and admin API would otherwise list every council's page and
# document titles to any editor; they show only what the policy lets the editor see. Choosers
# and the API may search the result, so they trim by primary key (an indexed field).
@hooks.register("construct_page_chooser_queryset")
def trim_page_chooser(pages, request):
    return visible_to_for_search(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def trim_explorer(parent_page, pages, request):
    return visible_to(request.user, pages)


@hooks.register("construct_document_chooser_queryset")
def trim_document_chooser(documents, request):
    return visible_to_for_search(request.user, documents)


# After wagtail.documents' own hook, so these endpoints replace Wagtail's.
@hooks.register("construct_admin_api", order=100)
def trim_admin_api(router):
    router.register_endpoint("pages", TrimmedPagesAdminAPIViewSet)
    router.register_endpoint("documents", TrimmedDocumentsAdminAPIViewSet)


# --- Widening by the back door: moves, copies and declared access in the admin -----------------
# The permission tester already refuses a move or copy that would widen access without the
# owner's say; these hooks say why in the move form, and put every widening that was allowed
# into the audit trail with the facts before and after.

_BEFORE = "_commons_access_before"


def _remember_facts(request, items) -> None:
    setattr(request, _BEFORE, {item.pk: facts_for(item) for item in items})


def _audit_widened(request, items) -> None:
    before = getattr(request, _BEFORE, {})
    for item in items:
        was, now = before.get(item.pk), facts_for(item)
        if was is not None and now is not None and widens(was, now):
            audit.record_widening(request.user, item, was, now)


@hooks.register("before_move_page")
def refuse_moves_that_widen(request, page, destination):
    refusal = widening_refusal(request.user, facts_for(page), moved_page_facts(page, destination))
    if refusal:
        messages.error(request, refusal)
        return redirect("wagtailadmin_pages:move", page.pk)
    _remember_facts(request, [page])
    return None


@hooks.register("after_move_page")
def audit_moves_that_widened(request, page):
    _audit_widened(request, [page])


@hooks.register("before_edit_page")
def remember_page_access(request, page):
    _remember_facts(request, [page])


@hooks.register("after_edit_page")
def audit_edits_that_widened(request, page):
    _audit_widened(request, [page])


@hooks.register("after_copy_page")
def audit_copies_that_widened(request, page, new_page):
    was, now = facts_for(page), facts_for(new_page)
    if was is not None and now is not None and widens(was, now):
        audit.record_widening(request.user, new_page, was, now)


@hooks.register("before_bulk_action")
def remember_access_before_bulk_moves(request, action_type, objects, action_class_instance):
    if action_type == "move":
        _remember_facts(request, objects)


@hooks.register("after_bulk_action")
def audit_bulk_moves_that_widened(request, action_type, objects, action_class_instance):
    if action_type == "move":
        _audit_widened(request, objects)
