"""Wagtail's image chooser and admin API list only the images the editor may view.

The admin index, edit, delete and multiple-upload views already ask the permission policy
registered in ``apps.py``; these are the listings that do not.
"""

from wagtail import hooks
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from intranet.access.effective import refresh_image_access
from intranet.access.policy import visible_to

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


@hooks.register("after_bulk_action")
def refresh_moved_images(request, action_type, objects, action_class_instance):
    # "Add to collection" moves images with a queryset update, which skips their save().
    if action_type == "add_to_collection":
        for image in objects:
            if isinstance(image, IntranetImage):
                image.refresh_from_db()
                refresh_image_access(image)
