from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "intranet.images"
    label = "images"
    verbose_name = "Images"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from intranet.access.admin_permissions import VisibleCollectionOwnershipPolicy

        from .models import IntranetImage

        # Every admin view, chooser and listing of images asks Wagtail's policy registry; an
        # exact-class entry wins over the one wagtail.images registers in its ready(). Then
        # an image the user may not view is one they have no permission for.
        register_permission_policy(
            IntranetImage,
            VisibleCollectionOwnershipPolicy(
                IntranetImage,
                auth_model="wagtailimages.Image",
                owner_field_name="uploaded_by_user",
            ),
            exact_class=True,
        )

        from .undo import register_undo

        register_undo()
