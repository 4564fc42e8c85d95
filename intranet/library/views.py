"""The library's views: one organisation's library, all libraries, one document, its earlier
versions, and downloads — Wagtail's serve view (which asks the access policy through the
``before_serve_document`` hook) with caching headers that keep restricted files private."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from wagtail.documents.views.serve import serve
from wagtail.models import Collection

from intranet.access import audit
from intranet.access.models import AuditEvent
from intranet.access.policy import can_edit, decision, facts_for
from intranet.access.serving import cache_control, guard
from intranet.organisations.models import Organisation

from .models import DocumentType, DocumentVersion, LibraryDocument
from .selectors import LibraryFilters, file_types, library_documents
from .upload import collections_for
from .versions import restore_version

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
            "can_upload": bool(organisation)
            and collections_for(request.user, organisation).exists(),
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
    editable = can_edit(request.user, document)
    return render(
        request,
        "library/document.html",
        {
            "document": document,
            "access": facts_for(document),
            "organisation": document.owner_organisation,
            "can_edit": editable,
            "versions": document.versions.select_related("archived_by") if editable else [],
            "duplicates": (
                LibraryDocument.objects.filter(
                    sha256=document.sha256, owner_organisation=document.owner_organisation
                ).exclude(pk=document.pk)
                if editable and document.sha256
                else []
            ),
            "breadcrumb_collections": document.collection.get_ancestors(inclusive=True).filter(
                depth__gt=1
            ),
        },
    )


def _editable_version(request: HttpRequest, document_id: int, number: int):
    """The version, for people who may edit its document; 404 for everyone else."""
    document = get_object_or_404(LibraryDocument, pk=document_id)
    if not can_edit(request.user, document):
        raise Http404
    return document, get_object_or_404(DocumentVersion, document=document, number=number)


def version_download(request: HttpRequest, document_id: int, number: int) -> HttpResponse:
    document, version = _editable_version(request, document_id, number)
    facts = facts_for(document)
    if facts is not None and facts.is_sensitive:
        audit.record_access(
            request.user, document, decision(request.user, document), "download", facts
        )
    response = FileResponse(version.file.open("rb"), as_attachment=True, filename=version.filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def version_restore(request: HttpRequest, document_id: int, number: int) -> HttpResponse:
    document, version = _editable_version(request, document_id, number)
    restore_version(document, version, request.user)
    messages.success(request, f"Version {version.number} is the current file again.")
    return redirect("document", document.pk)


def serve_document(request: HttpRequest, document_id: int, document_filename: str) -> HttpResponse:
    response = serve(request, document_id, document_filename)
    if response.status_code in (200, 206, 304):
        document = LibraryDocument.objects.filter(pk=document_id).first()
        response["Cache-Control"] = cache_control(facts_for(document) if document else None)
    response["X-Content-Type-Options"] = "nosniff"
    return response
