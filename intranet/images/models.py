"""The image model (Wagtail's custom image model), with the effective access it inherits.

An image has no access settings of its own: it is as visible as the library folder it is
filed in (``intranet.access.effective.image_facts``). The facts are stored on the row, in
the same columns as a library document's, so listings can be filtered by the access rule.
"""

from django.db import models
from django.db.models import Q
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    WagtailImageField,
    get_rendition_upload_to,
    get_upload_to,
)
from wagtail.search import index

from intranet.access.choices import Audience, Classification
from intranet.access.effective import refresh_image_access
from intranet.access.rules import AccessFacts, AccessPaths
from intranet.organisations.models import Organisation, OrganisationGroup

from .storage import image_storage


class IntranetImage(AbstractImage):
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

    # Effective access, worked out from the collection chain (intranet.access.effective).
    owner_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    effective_audience = models.CharField(
        max_length=20, choices=Audience.choices, blank=True, editable=False
    )
    effective_classification = models.CharField(
        max_length=20, choices=Classification.choices, blank=True, editable=False
    )
    effective_caveat = models.CharField(max_length=40, blank=True, editable=False)
    effective_groups = models.ManyToManyField(
        OrganisationGroup, blank=True, related_name="+", editable=False
    )

    # Where the access policy (``intranet.access.policy.visible_to``) finds the facts. Groups
    # as ``pk__in`` rather than ``Exists``: Wagtail's admin searches (index, chooser) run the
    # trimmed queryset through the search backend, which can filter on fields, not Exists.
    access_paths = AccessPaths(
        owner="owner_organisation",
        audience="effective_audience",
        classification="effective_classification",
        has_group=lambda ids: Q(
            pk__in=IntranetImage.effective_groups.through.objects.filter(
                organisationgroup_id__in=ids
            ).values("intranetimage_id")
        ),
    )
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

    def access_facts(self) -> AccessFacts | None:
        """What ``intranet.access.policy.facts_for`` reads; None (refused) until computed."""
        if not self.effective_audience:
            return None
        return AccessFacts(
            owner_id=self.owner_organisation_id,
            audience=self.effective_audience,
            classification=self.effective_classification,
            group_ids=frozenset(self.effective_groups.values_list("pk", flat=True)),
            handling_caveat=self.effective_caveat,
        )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Saving may have moved the image to another folder. Wagtail's own partial saves
        # (the file hash, say) leave the collection alone, so they need no recompute.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "collection" in update_fields or not self.effective_audience:
            refresh_image_access(self)


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
