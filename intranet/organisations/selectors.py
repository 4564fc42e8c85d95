"""Reads of organisations that many parts of one request need."""

from django.http import HttpRequest

from .models import Organisation


def request_organisations(request: HttpRequest | None) -> list[Organisation]:
    """Every organisation (with its section page), by name, read once per request: the
    navigation, the page's owner, the home page's sections and the search's labels all ask.
    A handful of rows; ``None`` (no request, e.g. a script) reads them afresh."""
    cached = getattr(request, "_organisations", None) if request is not None else None
    if cached is None:
        cached = list(Organisation.objects.select_related("section_page").order_by("name"))
        if request is not None:
            request._organisations = cached
    return cached
