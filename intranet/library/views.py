"""Document downloads: Wagtail's serve view (which asks the access policy through the
``before_serve_document`` hook), with caching headers that keep restricted files private."""

from django.http import HttpRequest, HttpResponse
from wagtail.documents.views.serve import serve

from intranet.access.policy import facts_for
from intranet.access.serving import cache_control


def serve_document(request: HttpRequest, document_id: int, document_filename: str) -> HttpResponse:
    response = serve(request, document_id, document_filename)
    if response.status_code in (200, 206, 304):
        from .models import LibraryDocument

        document = LibraryDocument.objects.filter(pk=document_id).first()
        response["Cache-Control"] = cache_control(facts_for(document) if document else None)
    response["X-Content-Type-Options"] = "nosniff"
    return response
