"""Wagtail's image chooser and admin API list only the images the editor may view; images
uploaded several at a time or moved in bulk get their effective access from the service.

The admin index, edit, delete and multiple-upload views already ask the permission policy
registered in ``apps.py``; these are the listings that do not.
"""

from django.urls import path
from wagtail import hooks
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from intranet.access.policy import visible_to

from . import services
from .admin_views import AddImagesView
from .models import IntranetImage


@hooks.register("construct_image_chooser_queryset")
def trim_image_chooser(images, request):
    return visible_to(request.user, images)


class VisibleImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """``/admin/api/main/images/``: titles and URLs only of images the editor may view."""

    def get_queryset(self):
        return visible_to(self.request.user, super().get_queryset())


# After wagtail.images' own hook, which registers the untrimmed endpoint under the same name.
@hooks.register("construct_admin_api", order=100)
def trim_admin_api_images(router):
    router.register_endpoint("images", VisibleImagesAdminAPIViewSet)


# Before wagtail.images' own URLs, so this address is served by our view; Wagtail's name for
# it (``wagtailimages:add_multiple``) still reverses to it.
@hooks.register("register_admin_urls", order=-100)
def register_image_upload():
    return [path("images/multiple/add/", AddImagesView.as_view(), name="images_upload")]


@hooks.register("after_bulk_action")
def refresh_moved_images(request, action_type, objects, action_class_instance):
    # "Add to collection" moves images with a queryset update, which skips their save().
    moved = [item.pk for item in objects if isinstance(item, IntranetImage)]
    if action_type == "add_to_collection" and moved:
        services.images_moved(moved)
