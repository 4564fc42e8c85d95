"""Admin edits whose derived data the library keeps: documents uploaded several at a time or
moved in bulk, folder access and organisation policies. (A document added or edited on its own
is saved by the library's form, ``forms.LibraryDocumentForm``, through the same services.)

After Wagtail's views have saved (groups included, which ``post_save`` cannot see), the
library's services recompute what depends on them, once.
"""

from django.urls import path
from wagtail import hooks

from intranet.access.models import CollectionAccess, OrganisationPolicy

from . import services
from .admin_views import AddDocumentsView
from .models import LibraryDocument


# Before wagtail.documents' own URLs, so this address is served by the library's view; Wagtail's
# name for it (``wagtaildocs:add_multiple``) still reverses to it.
@hooks.register("register_admin_urls", order=-100)
def register_document_upload():
    return [path("documents/multiple/add/", AddDocumentsView.as_view(), name="library_upload")]


@hooks.register("after_bulk_action")
def recompute_documents_moved_in_bulk(request, action_type, objects, action_class_instance):
    # "Add to collection" moves documents with a queryset update, which skips their save().
    moved = [item.pk for item in objects if isinstance(item, LibraryDocument)]
    if action_type == "add_to_collection" and moved:
        services.documents_moved(moved)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def recompute_after_access_settings(request, instance):
    if isinstance(instance, CollectionAccess):
        services.folder_access_changed(instance.collection)
    elif isinstance(instance, OrganisationPolicy):
        services.organisation_policy_changed(instance.organisation)
