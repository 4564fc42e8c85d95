"""Old WordPress links of the ``/?p=123`` kind. Wagtail's redirect middleware acts only on a
404, but ``/?p=123`` is the home page with a query string — a 200 — so the redirect an
import made for it would never be followed. Here a page served with one of WordPress's id
parameters follows a redirect for exactly that path and query, if there is one."""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

WORDPRESS_ID_PARAMETERS = ("p", "page_id", "attachment_id")


@hooks.register("before_serve_page")
def follow_old_wordpress_ids(page, request, serve_args, serve_kwargs):
    if not any(name in request.GET for name in WORDPRESS_ID_PARAMETERS):
        return None
    old_path = Redirect.normalise_path(request.get_full_path())
    redirect = (
        Redirect.get_for_site(Site.find_for_request(request)).filter(old_path=old_path).first()
    )
    if redirect is None or not redirect.link:
        return None
    response = HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
    return response(redirect.link)
