"""Writes to images: saving one and its effective access, once; images moved in bulk.

The image model's ``save()`` writes only its own row; an image's effective access (its
folder's) is stored here, called by the admin's image form and views, the demo and scripts.
"""

from collections.abc import Iterable

from django.db import transaction

from intranet.access.effective import refresh_image_access

from .models import IntranetImage


@transaction.atomic
def save_image(image: IntranetImage) -> IntranetImage:
    """Save an image made or changed in code, and its effective access."""
    image.save()
    image_saved(image)
    return image


def image_saved(image: IntranetImage) -> None:
    """After an image was saved (by ``save_image`` or the admin's form): its folder's access,
    stored on it (and in the admin's image search)."""
    refresh_image_access(image)


@transaction.atomic
def images_moved(pks: Iterable[int]) -> None:
    """After images were filed in other folders behind their ``save()`` (Wagtail's bulk "add
    to collection" updates the rows directly)."""
    for image in IntranetImage.objects.filter(pk__in=list(pks)):
        refresh_image_access(image)
