"""Reading sensitive content in the admin is audited like reading it on the site.

Wagtail's admin views that show an item's content have no hook of their own, so this reads
the resolved URL: when one of them answers 200 with an OFFICIAL-SENSITIVE page, document or
image the policy lets the user see, the view goes into the audit trail with its ground.
"""

from django.http import HttpRequest, HttpResponse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from . import audit
from .models import AuditEvent
from .policy import decision, facts_for

# Admin views that show an item's content → the URL argument naming the item.
PAGE_CONTENT_VIEWS = {
    "wagtailadmin_pages:edit": "page_id",
    "wagtailadmin_pages:revisions_view": "page_id",
    "wagtailadmin_pages:revisions_compare": "pk",
    "wagtailadmin_pages:workflow_preview": "page_id",
    "wagtailadmin_pages:view_draft": "page_id",
}
DOCUMENT_CONTENT_VIEWS = {"wagtaildocs:edit": "document_id"}
IMAGE_CONTENT_VIEWS = {"wagtailimages:edit": "image_id", "wagtailimages:preview": "image_id"}


def _item_shown(request: HttpRequest):
    match = request.resolver_match
    if match is None or request.method != "GET":
        return None
    for views, load in (
        (PAGE_CONTENT_VIEWS, lambda pk: Page.objects.filter(pk=pk).first()),
        (DOCUMENT_CONTENT_VIEWS, lambda pk: get_document_model().objects.filter(pk=pk).first()),
        (IMAGE_CONTENT_VIEWS, lambda pk: get_image_model().objects.filter(pk=pk).first()),
    ):
        argument = views.get(match.view_name)
        if argument and str(match.kwargs.get(argument, "")).isdigit():
            return load(int(match.kwargs[argument]))
    return None


class AdminReadAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 200 and request.path.startswith("/admin/"):
            item = _item_shown(request)
            facts = facts_for(item) if item is not None else None
            if facts is not None and facts.is_sensitive:
                verdict = decision(request.user, item)
                if verdict.allowed:
                    audit.record_access(request.user, item, verdict, AuditEvent.Action.VIEW, facts)
        return response
