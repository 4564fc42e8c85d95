"""Serving image files (originals and renditions) only through the access policy.

The storage gives every image file this view's URL; the view finds which image the file
belongs to, asks the policy (404 if refused, never 403; the statement prompt for would-be
readers; an audit record for sensitive images), then streams the file from local disk or
redirects to a short-lived signed URL when the files are in S3.
"""

import mimetypes

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect

from intranet.access.models import AuditEvent
from intranet.access.policy import facts_for
from intranet.access.serving import cache_control, guard

from .models import IntranetImage, IntranetRendition
from .storage import image_storage


def image_for_file(name: str) -> IntranetImage | None:
    """The image whose original or one of whose renditions is stored as ``name``."""
    image = IntranetImage.objects.filter(file=name).first()
    if image is not None:
        return image
    rendition = IntranetRendition.objects.filter(file=name).select_related("image").first()
    return rendition.image if rendition else None


def serve_image_file(request: HttpRequest, name: str) -> HttpResponse:
    image = image_for_file(name)
    if image is None:
        raise Http404
    refusal = guard(request, image, AuditEvent.Action.VIEW)
    if refusal is not None:
        return refusal
    if image_storage.in_bucket(name):
        response = HttpResponseRedirect(image_storage.direct_url(name))
    else:
        try:
            file = image_storage.open(name)
        except FileNotFoundError:
            raise Http404 from None
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = FileResponse(file, content_type=content_type)
        # An SVG opened on its own must not run scripts or load anything.
        response["Content-Security-Policy"] = "default-src 'none'"
    response["Cache-Control"] = cache_control(facts_for(image))
    response["X-Content-Type-Options"] = "nosniff"
    return response
