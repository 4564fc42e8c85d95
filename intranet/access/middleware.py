"""The admin obeys the one access policy for every item it is asked about by id.

Wagtail's admin views find pages, documents and images by the id in their URL, and several
show the item (or put its title in a message) before, or without, asking a permission
question that knows our policy: the explorer and page chooser browsing into a page, the
move confirmation, the workflow action views. This refuses them all in one place, read from
the resolved URL, so a view a Wagtail upgrade adds is guarded too. And reading sensitive
content in the admin is audited like reading it on the site.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.admin.auth import permission_denied
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from . import audit
from .models import AuditEvent
from .policy import can_view, decision, facts_for, paths_for

# URL arguments that name a page, a document or an image, wherever they appear.
PAGE_ARGUMENTS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
DOCUMENT_ARGUMENTS = {"document_id", "doc_id"}
IMAGE_ARGUMENTS = {"image_id"}
# Views whose ``pk`` argument is such an item (the others' ``pk`` is a snippet, user, site…).
PK_MODELS = {
    "wagtailadmin_pages:revisions_compare": Page,
    "wagtaildocs_chooser:chosen": "document",
    "wagtailimages_chooser:chosen": "image",
}

# Admin views that show an item's content: reading a sensitive one there is audited.
CONTENT_VIEWS = {
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:revisions_view",
    "wagtailadmin_pages:revisions_compare",
    "wagtailadmin_pages:workflow_preview",
    "wagtailadmin_pages:view_draft",
    "wagtaildocs:edit",
    "wagtailimages:edit",
}


def _model(kind):
    if kind == "document":
        return get_document_model()
    if kind == "image":
        return get_image_model()
    return kind


def items_named(view_name: str, kwargs: dict) -> list:
    """The pages, documents and images a resolved admin URL names."""
    wanted = []
    for argument, value in kwargs.items():
        if argument in PAGE_ARGUMENTS:
            wanted.append((Page, value))
        elif argument in DOCUMENT_ARGUMENTS:
            wanted.append((get_document_model(), value))
        elif argument in IMAGE_ARGUMENTS:
            wanted.append((get_image_model(), value))
        elif argument == "pk" and view_name in PK_MODELS:
            wanted.append((_model(PK_MODELS[view_name]), value))
    # Editing sessions name any model by app label, model name and object id.
    if {"app_label", "model_name", "object_id"} <= kwargs.keys():
        try:
            model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
        except LookupError:
            model = None
        if model is not None and paths_for(model) is not None:
            wanted.append((model, kwargs["object_id"]))
    items = []
    for model, value in wanted:
        if str(value).isdigit():
            item = model._default_manager.filter(pk=int(value)).first()
            if item is not None and not (isinstance(item, Page) and item.is_root()):
                items.append(item)
    return items


class AdminAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        shown = getattr(request, "_commons_admin_items", [])
        if (
            shown
            and response.status_code == 200
            and request.method == "GET"
            and request.resolver_match.view_name in CONTENT_VIEWS
        ):
            self._audit_reading(request, shown)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.path.startswith("/admin/"):
            return None
        items = items_named(match.view_name, view_kwargs)
        if any(not can_view(request.user, item) for item in items):
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                raise PermissionDenied
            return permission_denied(request)
        request._commons_admin_items = items
        return None

    @staticmethod
    def _audit_reading(request: HttpRequest, items: list) -> None:
        for item in items:
            facts = facts_for(item)
            if facts is not None and facts.is_sensitive:
                verdict = decision(request.user, item)
                audit.record_access(request.user, item, verdict, AuditEvent.Action.VIEW, facts)
