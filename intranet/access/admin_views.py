"""Admin views the access policy stands in front of: organisation settings (snippets) that reach
only what the user administers, and the page chooser's answer."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from .policy import visible_to


def _scoped_queryset(request, model):
    policy = policy_registry.get_by_type(model)
    return policy.scoped(request.user, model._default_manager.all())


class ScopedObjectMixin:
    """Refuses any single-object view of an instance the user does not administer."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not policy_registry.get_by_type(type(obj)).user_has_any_permission_for_instance(
            self.request.user, ["change", "view", "delete"], obj
        ):
            raise PermissionDenied
        return obj


class ScopedChooserMixin:
    """Chooser listings and choices limited to the instances the user administers."""

    def get_object_list(self):
        return _scoped_queryset(self.request, self.model_class)


class ScopedChosenMixin:
    def get_object(self, pk):
        return _scoped_queryset(self.request, self.model_class).get(pk=pk)


class ScopedChosenMultipleMixin:
    def get_objects(self, pks):
        return _scoped_queryset(self.request, self.model_class).filter(pk__in=pks)


def _scoped(view_class, mixin=ScopedObjectMixin):
    return type(f"Scoped{view_class.__name__}", (mixin, view_class), {})


class ScopedSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = _scoped(ChooseView, ScopedChooserMixin)
    choose_results_view_class = _scoped(ChooseResultsView, ScopedChooserMixin)
    chosen_view_class = _scoped(SnippetChosenView, ScopedChosenMixin)
    chosen_multiple_view_class = _scoped(SnippetChosenMultipleView, ScopedChosenMultipleMixin)


class ScopedViewSet(SnippetViewSet):
    """Lists, chooses and opens only the instances of organisations the user administers.

    The model's permission policy must be an ``OrganisationScopedPermissionPolicy``.
    """

    edit_view_class = _scoped(SnippetViewSet.edit_view_class)
    delete_view_class = _scoped(SnippetViewSet.delete_view_class)
    history_view_class = _scoped(SnippetViewSet.history_view_class)
    usage_view_class = _scoped(SnippetViewSet.usage_view_class)
    inspect_view_class = _scoped(SnippetViewSet.inspect_view_class)
    copy_view_class = _scoped(SnippetViewSet.copy_view_class)
    chooser_viewset_class = ScopedSnippetChooserViewSet

    def get_queryset(self, request):
        return _scoped_queryset(request, self.model)


# --- The page chooser's answer ------------------------------------------------------------------
# Mounted before Wagtail's admin URLs in intranet/urls.py, under Wagtail's own path.


class TrimmedChosenMultipleView(ChosenMultipleView):
    """The page chooser's "chosen" answer names only pages the user may view."""

    def get(self, request):
        pages = visible_to(request.user, Page.objects.filter(pk__in=request.GET.getlist("id")))
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": page.get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages.specific()
        ]
        return self.render_chosen_response(result)


choose_page_chosen_multiple = require_admin_access(TrimmedChosenMultipleView.as_view())
