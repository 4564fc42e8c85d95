"""Small site-wide views: health check, organisation colours, error pages."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from intranet.organisations.models import Organisation


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers: 200 with the database reachable, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except DatabaseError:
        database = "unavailable"
    healthy = database == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "error", "database": database},
        status=200 if healthy else 503,
    )


@require_GET
def organisation_styles(request: HttpRequest) -> HttpResponse:
    """Each organisation's accent colour as a CSS class.

    Served as a stylesheet (not inline styles) so the Content-Security-Policy can forbid
    inline styles everywhere.
    """
    rules = [
        f".commons-org--{org.slug} {{ --commons-accent: {org.accent_colour}; }}"
        for org in Organisation.objects.order_by("slug")
    ]
    response = HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
