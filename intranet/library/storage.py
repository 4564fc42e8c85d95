"""Where library files live: local disk by default; S3 when a bucket is configured, each
organisation under its own prefix — or in a bucket of its own when a council insists."""

from functools import cached_property

from django.conf import settings
from django.core.files.storage import Storage, default_storage
from django.utils.deconstruct import deconstructible

from intranet.access.effective import collection_facts
from intranet.organisations.models import Organisation


def document_upload_to(document, filename: str) -> str:
    """``<org>/documents/<file>`` (``shared/...`` outside every library), so a bucket's
    permissions and lifecycle rules can follow the organisation."""
    owner_id = collection_facts(document.collection).owner_id if document.collection_id else None
    slug = Organisation.objects.values_list("slug", flat=True).filter(pk=owner_id).first()
    return f"{slug or 'shared'}/documents/{filename}"


def version_upload_to(version, filename: str) -> str:
    prefix = document_upload_to(version.document, filename).rsplit("/", 1)[0]
    return f"{prefix}/versions/{filename}"


@deconstructible
class LibraryStorage(Storage):
    """Delegates to the default storage, or on S3 to the bucket for the file's organisation.

    ``AWS_STORAGE_BUCKET_NAME`` is the bucket for everyone; ``COMMONS_S3_BUCKETS`` (from
    ``AWS_STORAGE_BUCKETS_BY_ORGANISATION="wcc=wcc-intranet,hf=hf-intranet"``) gives chosen
    organisations their own. The organisation is the first segment of the file's name.
    """

    @cached_property
    def _buckets(self) -> dict:
        return {}

    def _for(self, name: str) -> Storage:
        # Settings are read on each call (not at start-up) so tests can switch S3 on.
        default_bucket = getattr(settings, "AWS_STORAGE_BUCKET_NAME", "")
        if not default_bucket:
            return default_storage
        organisation = name.split("/", 1)[0]
        bucket = settings.COMMONS_S3_BUCKETS.get(organisation, default_bucket)
        key = (bucket, getattr(settings, "AWS_S3_ENDPOINT_URL", None))
        if key not in self._buckets:
            # Only with a bucket configured: boto3 is slow to import and otherwise unused.
            from storages.backends.s3 import S3Storage

            self._buckets[key] = S3Storage(bucket_name=bucket)
        return self._buckets[key]

    def _open(self, name, mode="rb"):
        return self._for(name).open(name, mode)

    def _save(self, name, content):
        return self._for(name).save(name, content)

    def get_available_name(self, name, max_length=None):
        return self._for(name).get_available_name(name, max_length=max_length)

    def delete(self, name):
        return self._for(name).delete(name)

    def exists(self, name):
        return self._for(name).exists(name)

    def size(self, name):
        return self._for(name).size(name)

    def url(self, name):
        return self._for(name).url(name)

    def in_bucket(self, name: str) -> bool:
        """True when the file is in S3: then it is served by a redirect to a signed URL,
        after the access check, rather than streamed through Django."""
        return self._for(name) is not default_storage

    def path(self, name):
        return self._for(name).path(name)

    def get_modified_time(self, name):
        return self._for(name).get_modified_time(name)


library_storage = LibraryStorage()
