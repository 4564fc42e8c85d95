"""The library pages staff see: one organisation's library, all libraries, one document."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from wagtail.models import Collection

from intranet.access.models import AuditEvent
from intranet.access.policy import can_edit, facts_for
from intranet.access.serving import guard
from intranet.organisations.models import Organisation

from .models import DocumentType, LibraryDocument
from .selectors import LibraryFilters, file_types, library_documents

PER_PAGE = 20


def render_library(
    request: HttpRequest, organisation: Organisation | None, context: dict | None = None
) -> HttpResponse:
    root = organisation.library_collection if organisation else None
    collections = root.get_descendants() if root else Collection.objects.all()
    filters = LibraryFilters.from_query(request.GET, collections)
    documents = library_documents(request.user, root, filters)
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "library/library.html",
        {
            **(context or {}),
            "organisation": organisation,
            "collections": collections.filter(depth=root.depth + 1) if root else None,
            "breadcrumb_collections": (
                filters.collection.get_ancestors(inclusive=True).filter(depth__gt=root.depth)
                if root and filters.collection
                else []
            ),
            "filters": filters,
            "page_obj": page,
            "query": query.urlencode(),
            "document_types": DocumentType.choices,
            "file_types": file_types(library_documents(request.user, root, LibraryFilters())),
        },
    )


def all_libraries(request: HttpRequest) -> HttpResponse:
    return render_library(request, None)


def document_detail(request: HttpRequest, document_id: int) -> HttpResponse:
    document = get_object_or_404(
        LibraryDocument.objects.select_related("collection", "owner_organisation", "content_owner"),
        pk=document_id,
    )
    refusal = guard(request, document, AuditEvent.Action.VIEW)
    if refusal is not None:
        return refusal
    return render(
        request,
        "library/document.html",
        {
            "document": document,
            "access": facts_for(document),
            "organisation": document.owner_organisation,
            "can_edit": can_edit(request.user, document),
            "breadcrumb_collections": document.collection.get_ancestors(inclusive=True).filter(
                depth__gt=1
            ),
        },
    )
