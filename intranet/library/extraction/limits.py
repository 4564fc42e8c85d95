"""Guard limits, from settings so each deployment can tune them."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int
    max_unzipped_bytes: int
    max_zip_ratio: int
    max_chars: int
    max_pages: int
    timeout_seconds: float


def current_limits() -> Limits:
    return Limits(
        max_file_bytes=settings.COMMONS_EXTRACTION_MAX_FILE_BYTES,
        max_unzipped_bytes=settings.COMMONS_EXTRACTION_MAX_UNZIPPED_BYTES,
        max_zip_ratio=settings.COMMONS_EXTRACTION_MAX_ZIP_RATIO,
        max_chars=settings.COMMONS_EXTRACTION_MAX_CHARS,
        max_pages=settings.COMMONS_EXTRACTION_MAX_PAGES,
        timeout_seconds=settings.COMMONS_EXTRACTION_TIMEOUT_SECONDS,
    )
