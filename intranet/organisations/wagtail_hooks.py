"""Organisations in the Wagtail admin: a snippet whose creation provisions the partner."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation
from .provisioning import provision_organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "short_name", "slug", "accent_colour"]
    search_fields = ["name", "short_name", "slug"]


register_snippet(OrganisationViewSet)


@hooks.register("after_create_snippet")
def provision_new_organisation(request, instance):
    if isinstance(instance, Organisation):
        provision_organisation(instance)
