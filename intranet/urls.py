from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from intranet.access import admin_views as access_admin
from intranet.access import reports as access_reports
from intranet.access.api import api_router
from intranet.accounts import views as accounts_views
from intranet.core import views as core_views
from intranet.images import views as image_views
from search import api as search_api
from search import views as search_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # Password sign-in (operators, the demo) and "Sign in with your work email" on one page.
    path("accounts/login/", core_views.SignInView.as_view(), name="login"),
    path("accounts/logout/", accounts_views.SignOutView.as_view(), name="logout"),
    # Single sign-on: home-realm discovery and each organisation's OpenID Connect callback.
    path("sso/", include("intranet.accounts.urls")),
    path("organisations.css", core_views.organisation_styles, name="organisation_styles"),
    # Wagtail's site history shows every council's titles; only operators may open it.
    path("admin/reports/site-history/", access_reports.site_history_for_operators),
    # Wagtail's page types report counts and names every council's pages; ours, what you see.
    # Wagtail's page chooser names the pages chosen by id, whoever owns them.
    path("admin/choose-page/chosen-multiple/", access_admin.choose_page_chosen_multiple),
    path("admin/reports/page-types-usage/", access_reports.page_types_usage),
    path("admin/reports/page-types-usage/results/", access_reports.page_types_usage_results),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include("intranet.library.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("images/files/<path:name>", image_views.serve_image_file, name="image_file"),
    path("search/", search_views.search, name="search"),
    path("people/", include("intranet.people.urls")),
    path("events/", include("intranet.calendars.urls")),
    path("statements/", include("intranet.access.urls")),
    path("api/search/", search_api.search, name="api_search"),
    path("api/search/suggest/", search_api.suggestions, name="api_search_suggest"),
    path("api/v2/", api_router.urls),
]

# No media URL for anything, even in development: image files (originals and renditions) go
# through the access policy too (see intranet.images.views). Wagtail's own signed-URL image
# view (wagtail.images.urls) is deliberately not mounted.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = "intranet.core.views.page_not_found"
handler500 = "intranet.core.views.server_error"
