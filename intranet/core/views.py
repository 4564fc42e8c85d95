"""Small site-wide views: health check, organisation colours, error pages."""

import sys

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from intranet.accounts.forms import WorkEmailForm
from intranet.accounts.selectors import any_provider_enabled
from intranet.core import health
from intranet.core.errors import error_response
from intranet.core.forms import LoginForm
from intranet.organisations.models import Organisation


class SignInView(auth_views.LoginView):
    """Django's password sign-in (operators, the demo), with "Sign in with your work email"
    (``intranet.accounts``) on the same page once any organisation has a provider on."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("sso_form", WorkEmailForm())
        context["sso_available"] = any_provider_enabled()
        return context


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and operators: 503 only when the database is unreachable."""
    database = health.database_status()
    healthy = database == "ok"
    return JsonResponse(
        {
            "status": "ok" if healthy else "error",
            "database": database,
            "search": health.search_status(),
            "tasks": health.task_backlog(),
        },
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
    """500, or 503 when the database is what failed (it comes back; the person can retry).

    Django calls this while handling the exception, so it is the one in flight.
    """
    unavailable = isinstance(sys.exc_info()[1], (OperationalError, InterfaceError))
    return error_response(request, 503 if unavailable else 500)
