"""The image model (Wagtail's custom image model), with the effective access it inherits.

An image has no access settings of its own: it is as visible as the library folder it is
filed in (``intranet.access.effective.image_facts``). The facts are stored on the row, in
the same columns as a library document's, so listings can be filtered by the access rule.
"""

from django.db import models
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    WagtailImageField,
    get_rendition_upload_to,
    get_upload_to,
)
from wagtail.search import index

from intranet.access.models import EffectiveAccess

from .storage import image_storage


class IntranetImage(EffectiveAccess, AbstractImage):
    # Never a public media URL: the storage gives every file the guarded view's URL.
    file = WagtailImageField(
        verbose_name="file",
        upload_to=get_upload_to,
        storage=image_storage,
        width_field="width",
        height_field="height",
        db_index=True,  # The guarded view finds the image by its file name.
    )
    credit = models.CharField(max_length=255, blank=True, help_text="Photographer or source.")

    search_fields = [
        *AbstractImage.search_fields,
        index.FilterField("owner_organisation"),
        index.FilterField("effective_audience"),
        index.FilterField("effective_classification"),
    ]

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"


class IntranetRendition(AbstractRendition):
    image = models.ForeignKey(IntranetImage, on_delete=models.CASCADE, related_name="renditions")
    # Renditions are served by the same guarded view as their image, found by file name.
    file = WagtailImageField(
        upload_to=get_rendition_upload_to,
        storage=image_storage,
        width_field="width",
        height_field="height",
        db_index=True,
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
