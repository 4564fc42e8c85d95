"""Where image files live, and the only URL they are ever given.

Originals and renditions are stored like library files (local disk under ``MEDIA_ROOT``,
which nothing serves, or S3), but their URL is always the guarded ``image_file`` view, which
asks the access policy before it streams the file or redirects to a short-lived signed URL.
So ``{% image %}``, the API's ``download_url`` and the admin all point at the guard.
"""

from django.urls import reverse
from django.utils.deconstruct import deconstructible

from intranet.library.storage import LibraryStorage


@deconstructible
class ImageStorage(LibraryStorage):
    """Library storage whose ``url`` is the access-checked view, never the file's own URL."""

    def url(self, name):
        return reverse("image_file", kwargs={"name": name})

    def direct_url(self, name: str) -> str:
        """The storage's own URL (a signed S3 URL): only for the view, after the check."""
        return super().url(name)


image_storage = ImageStorage()
