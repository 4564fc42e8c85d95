"""Wagtail admin permissions for each organisation's own settings.

An organisation's admins (members of ``<org>/admins``) manage its policy, its commitment
statement versions and the agreements it grants — never another organisation's. Statement
versions and agreements are never deleted (evidence); agreements are revoked instead.
"""

from django.db.models import QuerySet
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from .policy import administered_organisation_ids, can_view, visible_to_for_search


class OrganisationScopedPermissionPolicy(ModelPermissionPolicy):
    """Allows ``actions`` on instances whose ``organisation_field`` the user administers."""

    def __init__(self, model, organisation_field: str, actions: set[str]):
        super().__init__(model)
        self.organisation_field = organisation_field
        self.actions = actions

    def _allowed(self, user, action: str) -> bool:
        if action not in self.actions or not user.is_active:
            return False
        return user.is_superuser or bool(administered_organisation_ids(user))

    def user_has_permission(self, user, action):
        return self._allowed(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self._allowed(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self._allowed(user, action):
            return False
        if user.is_superuser:
            return True
        owner_id = getattr(instance, f"{self.organisation_field}_id")
        return owner_id in administered_organisation_ids(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        instances = self.model._default_manager.all()
        if not any(self._allowed(user, action) for action in actions):
            return instances.none()
        if user.is_superuser:
            return instances
        return instances.filter(
            **{f"{self.organisation_field}__in": administered_organisation_ids(user)}
        )

    def scoped(self, user, queryset: QuerySet) -> QuerySet:
        """What the admin listing shows this user."""
        if user.is_superuser:
            return queryset
        return queryset.filter(
            **{f"{self.organisation_field}__in": administered_organisation_ids(user)}
        )


class EditingNeedsViewingMixin:
    """For a Wagtail permission policy: an instance the user may not view is one they have no
    permission for, and every "instances the user may work with" answer is narrowed by the
    access policy (by primary key, so Wagtail's search can narrow it further)."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return can_view(user, instance) and super().user_has_any_permission_for_instance(
            user, actions, instance
        )

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        return visible_to_for_search(
            user, super().instances_user_has_any_permission_for(user, actions)
        )

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])


class VisibleCollectionOwnershipPolicy(
    EditingNeedsViewingMixin, CollectionOwnershipPermissionPolicy
):
    """Wagtail's collection permissions for documents and images, and editing needs viewing.

    Every admin view, chooser and listing of these models asks Wagtail's policy registry, so
    registering this for a model makes the one access policy part of each of those answers.
    """


class VisiblePagePermissionPolicy(EditingNeedsViewingMixin, PagePermissionPolicy):
    """Wagtail's page permissions, and editing needs viewing (see ``page_permissions``).

    The admin's page listings, reports (locked, aging, workflows), dashboard panels and API
    ask this for the pages a user may work with.
    """

    def explorable_instances(self, user) -> QuerySet:
        return visible_to_for_search(user, super().explorable_instances(user))


class AdministratorsMenuItem(MenuItem):
    """An admin menu item for platform operators and organisations' admins only."""

    def is_shown(self, request):
        return request.user.is_superuser or bool(administered_organisation_ids(request.user))
