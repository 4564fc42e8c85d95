"""Background work for the libraries (Django Tasks; immediate in tests)."""

from django_tasks import task

from .models import LibraryDocument
from .reading import extract_and_store


@task()
def extract_document_text(document_id: int) -> str:
    document = LibraryDocument.objects.filter(pk=document_id).first()
    if document is None:  # Deleted before the worker got to it.
        return "missing"
    return extract_and_store(document).status
