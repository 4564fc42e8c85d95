"""Search in the Wagtail admin, under "Search": each organisation's best bets (scoped to its
own admins, like its access settings) and the report of what its staff search for."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from intranet.access.admin_permissions import (
    AdministratorsMenuItem,
    OrganisationScopedPermissionPolicy,
)
from intranet.access.admin_views import ScopedViewSet

from . import admin_views
from .models import BestBet

SEARCH_MENU_HOOK = "register_commons_search_menu_item"

register_permission_policy(
    BestBet,
    OrganisationScopedPermissionPolicy(
        BestBet, "organisation", {"add", "change", "delete", "view"}
    ),
)


class BestBetViewSet(ScopedViewSet):
    model = BestBet
    icon = "pick"
    menu_label = "Best bets"
    list_display = [
        "__str__",
        Column("queries", label="Searches", accessor="query_summary"),
        Column("kind", label="Pins a", accessor="kind"),
        "organisation",
        "sort_order",
        BooleanColumn("active"),
    ]
    list_filter = ["active"]
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldPanel("queries"),
            MultiFieldPanel(
                [FieldPanel("page"), FieldPanel("document")],
                heading="What to pin",
                help_text="A page or a document of your organisation, or from the shared area.",
            ),
            FieldPanel("title"),
            FieldPanel("description"),
            FieldPanel("sort_order"),
            FieldPanel("active"),
        ],
        base_form_class=admin_views.BestBetForm,
    )


class SearchAdminGroup(SnippetViewSetGroup):
    items = (BestBetViewSet,)
    menu_icon = "search"
    menu_label = "Search"
    menu_name = "commons-search"
    # Items registered with this hook (the query report) join the "Search" menu.
    submenu_hook = SEARCH_MENU_HOOK


register_snippet(SearchAdminGroup)


@hooks.register("register_admin_urls")
def search_query_report_urls():
    return [path("search-queries/", admin_views.search_query_report, name="commons_search_queries")]


@hooks.register(SEARCH_MENU_HOOK)
def search_query_menu_item():
    return AdministratorsMenuItem(
        "Search queries", reverse("commons_search_queries"), icon_name="list-ul", order=200
    )
