"""How ``import_undo`` reads, restores and removes an image (registered with
``intranet.imports.undo`` in the images app's ``ready``), through ``save_image``."""

from intranet.imports.undo import Undoer, register

from .models import IntranetImage
from .services import save_image

FIELDS = ("title", "collection_id", "file_hash", "file_size", "width", "height")


def image_state(image: IntranetImage) -> dict:
    stored = IntranetImage.objects.get(pk=image.pk)
    return {**{name: getattr(stored, name) for name in FIELDS}, "file": stored.file.name}


def restore_image(image: IntranetImage, state: dict) -> None:
    image = IntranetImage.objects.get(pk=image.pk)
    for name in FIELDS:
        setattr(image, name, state[name])
    image.file.name = state["file"]  # the earlier file is still in storage
    save_image(image)


def register_undo() -> None:
    # Wagtail removes the file with the row (its post_delete handler).
    register(IntranetImage, Undoer(image_state, restore_image, lambda image: image.delete()))
