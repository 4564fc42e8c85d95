"""Cross-cutting request handling: the login wall and security headers."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse


class IntranetLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Django's login wall, with Wagtail's admin left to guard itself.

    Wagtail admin views do their own permission checks and send anonymous users to
    WAGTAILADMIN_LOGIN_URL (our login page), so they need no second wall. API views answer
    anonymous callers with 401 JSON themselves, which a script can act on (a redirect it can't).
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(("/admin/", "/api/")):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself; values kept conservative for an intranet."""

    PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        if not request.path_info.startswith(("/admin/", settings.STATIC_URL)):
            # The front end loads only its own assets; Wagtail's admin has its own needs.
            response.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                "base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
            )
        return response
