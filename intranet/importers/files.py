"""Writing a site's files into an organisation's library: a document, or an image, made or
updated by its source id, through the library's one intake check (the content must be what
the name says, within the size limit) — the same check as the upload form."""

import hashlib
from pathlib import Path

from django.core.files import File
from django.urls import reverse
from PIL import Image, UnidentifiedImageError
from wagtail.models import Collection

from intranet.images.models import IntranetImage
from intranet.images.services import save_image
from intranet.imports import services as runs
from intranet.imports.models import Outcome
from intranet.imports.reporting import ItemResult
from intranet.library.intake import file_problem, storable_filename
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document

from .pages import DRY_RUN_NOTE, SiteWriter, Written

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}


def file_kind(name: str) -> str:
    """``image`` for a picture Wagtail's image library takes, else ``document``."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return "image" if extension in IMAGE_EXTENSIONS else "document"


def write_file(
    writer: SiteWriter,
    source_id: str,
    path: Path,
    title: str,
    collection: Collection | None = None,
) -> Written:
    """Make, update or leave the document or image for ``source_id`` from the file at
    ``path``; ``Written.page`` is then the document or image (None in a dry run)."""
    kind = file_kind(path.name)
    problem = image_problem(path) if kind == "image" else file_problem(path)
    if problem:
        return Written(ItemResult(source_id, kind, Outcome.FAILED, problem))
    title = (title.strip() or path.stem)[:255]
    collection = collection or writer.organisation.library_collection
    # Wagtail keeps an image's SHA-1 (``file_hash``, 40 characters); documents, SHA-256.
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha1" if kind == "image" else "sha256").hexdigest()
    model = IntranetImage if kind == "image" else LibraryDocument
    existing = writer.existing(source_id, model)
    if existing is not None:
        current = existing.file_hash if kind == "image" else existing.sha256
        if (current, existing.title, existing.collection_id) == (digest, title, collection.pk):
            return Written(
                ItemResult(source_id, kind, Outcome.UNCHANGED, target_url=file_url(existing)),
                existing,
            )
    outcome = Outcome.CREATED if existing is None else Outcome.UPDATED
    if writer.dry_run:
        return Written(ItemResult(source_id, kind, outcome, DRY_RUN_NOTE))
    previous = runs.snapshot(existing) if existing is not None else None
    target = existing or model(collection=collection)
    target.title = title
    target.collection = collection
    with path.open("rb") as handle:
        target.file.save(storable_filename(path.name), File(handle), save=False)
    target.file_size = path.stat().st_size
    try:
        if kind == "image":
            target.file_hash = digest
            save_image(target)
        else:
            save_document(target, sha256=digest)
    except Exception:
        target.file.delete(save=False)  # nothing half-written: no orphaned file either
        raise
    writer.recorded(source_id, target, existing is None, previous)
    return Written(ItemResult(source_id, kind, outcome, target_url=file_url(target)), target)


def file_url(target: LibraryDocument | IntranetImage) -> str:
    if isinstance(target, IntranetImage):
        return reverse("wagtailimages:edit", args=[target.pk])
    return reverse("document", args=[target.pk])


def image_problem(path: Path) -> str | None:
    """An image must open as one: its content has to be what the name says, as for
    documents."""
    if path.stat().st_size == 0:
        return "The file is empty. Check you chose the right file."
    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        return (
            f"The file is called .{path.suffix.lstrip('.').lower()} but its content is not "
            "an image we can read."
        )
    return None
