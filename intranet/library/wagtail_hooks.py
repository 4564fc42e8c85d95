"""Admin edits whose derived data the library keeps: folder access and organisation policies.

After Wagtail's snippet forms have saved (groups included, which ``post_save`` cannot see), the
library's services recompute what depends on them, once.
"""

from wagtail import hooks

from intranet.access.models import CollectionAccess, OrganisationPolicy

from . import services


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def recompute_after_access_settings(request, instance):
    if isinstance(instance, CollectionAccess):
        services.folder_access_changed(instance.collection)
    elif isinstance(instance, OrganisationPolicy):
        services.organisation_policy_changed(instance.organisation)
