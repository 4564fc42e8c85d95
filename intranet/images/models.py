"""The image model (Wagtail's custom image model), ours so fields can be added later."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class IntranetImage(AbstractImage):
    credit = models.CharField(max_length=255, blank=True, help_text="Photographer or source.")

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"


class IntranetRendition(AbstractRendition):
    image = models.ForeignKey(IntranetImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
