"""Snippet views that reach only the instances of organisations the user administers."""

from django.core.exceptions import PermissionDenied
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet


class ScopedObjectMixin:
    """Refuses any single-object view of an instance the user does not administer."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not policy_registry.get_by_type(type(obj)).user_has_any_permission_for_instance(
            self.request.user, ["change", "view", "delete"], obj
        ):
            raise PermissionDenied
        return obj


def _scoped(view_class):
    return type(f"Scoped{view_class.__name__}", (ScopedObjectMixin, view_class), {})


class ScopedViewSet(SnippetViewSet):
    """Lists and opens only the instances of organisations the user administers.

    The model's permission policy must be an ``OrganisationScopedPermissionPolicy``.
    """

    edit_view_class = _scoped(SnippetViewSet.edit_view_class)
    delete_view_class = _scoped(SnippetViewSet.delete_view_class)
    history_view_class = _scoped(SnippetViewSet.history_view_class)
    usage_view_class = _scoped(SnippetViewSet.usage_view_class)
    inspect_view_class = _scoped(SnippetViewSet.inspect_view_class)

    def get_queryset(self, request):
        policy = policy_registry.get_by_type(self.model)
        return policy.scoped(request.user, self.model._default_manager.all())
