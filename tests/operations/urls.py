"""The site's URLs plus views that fail on purpose, for the error page tests."""

from django.db.utils import OperationalError
from django.urls import path

from intranet.urls import handler404, handler500
from intranet.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise ValueError("a bug in a view")


def database_gone(request):
    # A database outage cannot be staged inside the test database; this is what Django raises.
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [
    path("broken/", broken),
    path("api/broken/", broken),
    path("database-gone/", database_gone),
    *site_urlpatterns,
]
__all__ = ["handler404", "handler500", "urlpatterns"]
