"""Error responses people and scripts can act on: styled pages or JSON, with a request id.

They are rendered without the request's context processors (navigation, organisation
colours and the user all read the database, which may be exactly what failed).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from intranet.core.request_id import current_request_id

MESSAGES = {
    500: "Sorry, there is a problem with the service. Try again later.",
    503: "Sorry, the service is unavailable. Try again in a few minutes.",
}


def error_response(request: HttpRequest, status: int) -> HttpResponse:
    """The styled page (or JSON, for the APIs) for a 500 or 503."""
    request_id = current_request_id()
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"error": MESSAGES[status], "request_id": request_id})
        response.status_code = status
    else:
        context = {"site_name": settings.WAGTAIL_SITE_NAME, "request_id": request_id}
        response = HttpResponse(render_to_string(f"{status}.html", context), status=status)
    if status == 503:
        response["Retry-After"] = "30"
    return response
