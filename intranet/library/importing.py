"""Bulk import of a file share into an organisation's library (``import_documents``).

The folder tree becomes collections; an optional CSV adds metadata by relative path. Each file
is its own transaction: a bad file or row is reported and skipped, the rest carry on, and
nothing is half-written. Re-running updates documents by path; it never duplicates them.
"""

import csv
import datetime
import fnmatch
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from wagtail.models import Collection

from intranet.access.choices import Audience, Classification
from intranet.imports import services as runs
from intranet.imports.models import ImportedObject, Outcome
from intranet.imports.reporting import ImportReport, ItemResult
from intranet.imports.services import ImportAborted
from intranet.organisations.models import OrganisationGroup

from .intake import accepted_type, file_problem, storable_filename
from .models import DocumentType, LibraryDocument
from .services import library_folder, save_document

IMPORTER = "file-share"
CSV_COLUMNS = {
    "path",
    "title",
    "description",
    "document_type",
    "audience",
    "groups",
    "classification",
    "owner_email",
    "review_by",
    "tags",
}


class RowError(Exception):
    """This file or its metadata row is bad; report it and carry on."""


class _DryRun(Exception):
    """Raised to roll back one item's writes in a dry run."""


@dataclass(frozen=True)
class ImportOptions:
    directory: Path
    organisation_slug: str
    metadata: Path | None = None
    collection_path: str = ""
    dry_run: bool = False
    exclude: tuple[str, ...] = ()


def import_documents(
    options: ImportOptions, progress: Callable[[int, int, str], None] | None = None, user=None
) -> tuple[ImportReport, object]:
    """Run the import; returns the report and the saved run (None for a dry run)."""
    directory = options.directory
    if not directory.is_dir():
        raise ImportAborted(f"{directory} is not a folder.")
    organisation = runs.organisation_for(options.organisation_slug)
    rows = _read_metadata(options.metadata) if options.metadata else {}

    report = ImportReport(IMPORTER)
    run = None if options.dry_run else runs.start_run(IMPORTER, organisation, str(directory), user)
    files = sorted(path for path in directory.rglob("*") if path.is_file())
    for number, path in enumerate(files, start=1):
        source_id = path.relative_to(directory).as_posix()
        if progress:
            progress(number, len(files), source_id)
        report.add(
            _import_one(options, organisation, run, path, source_id, rows.pop(source_id, {}))
        )
    for source_id in rows:
        report.add(ItemResult(source_id, "document", Outcome.FAILED, "no such file in the folder"))
    if run is not None:
        runs.finish_run(run, report)
    return report, run


def _read_metadata(path: Path) -> dict[str, dict[str, str]]:
    if not path.is_file():
        raise ImportAborted(f"The metadata file {path} does not exist.")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = set(reader.fieldnames or [])
        if "path" not in header:
            raise ImportAborted("The metadata CSV needs a header row with a 'path' column.")
        unknown = header - CSV_COLUMNS
        if unknown:
            raise ImportAborted(
                f"The metadata CSV has unknown columns: {', '.join(sorted(unknown))}. "
                f"Known columns: {', '.join(sorted(CSV_COLUMNS))}."
            )
        return {row["path"].strip().lstrip("./"): row for row in reader if row.get("path")}


def _import_one(options, organisation, run, path: Path, source_id: str, row: dict) -> ItemResult:
    reason = _skip_reason(path, source_id, options.exclude)
    if reason:
        return ItemResult(source_id, "document", Outcome.SKIPPED, reason)
    # The same intake check as the library's upload form: a file whose content is not what
    # its name says (an executable named .docx), too large or empty is refused, saying why.
    problem = file_problem(path)
    if problem:
        return ItemResult(source_id, "document", Outcome.FAILED, problem)
    try:
        with transaction.atomic():
            result = _write_document(options, organisation, run, path, source_id, row)
            if options.dry_run:
                raise _DryRun
            return result
    except _DryRun:
        return ItemResult(source_id, "document", result.outcome, "dry run: nothing written")
    except RowError as error:
        return ItemResult(source_id, "document", Outcome.FAILED, str(error))
    except (OSError, ValueError) as error:
        return ItemResult(source_id, "document", Outcome.FAILED, f"could not be imported: {error}")


def _skip_reason(path: Path, source_id: str, exclude: tuple[str, ...]) -> str:
    if any(part.startswith(".") for part in Path(source_id).parts):
        return "hidden file"
    if any(
        fnmatch.fnmatch(source_id, pattern) or fnmatch.fnmatch(path.name, pattern)
        for pattern in exclude
    ):
        return "excluded by --exclude"
    extension = path.suffix.lower().lstrip(".")
    if extension not in settings.WAGTAILDOCS_EXTENSIONS or not accepted_type(path.name):
        return f"files of type .{extension or '(none)'} are not accepted in libraries"
    return ""


def _write_document(
    options, organisation, run, path: Path, source_id: str, row: dict
) -> ItemResult:
    fields = _fields_from(row, path)
    collection = _collection_for(
        organisation, options.collection_path, Path(source_id).parent.parts
    )
    existing = _existing(organisation, source_id)
    sha256 = _sha256(path)  # read once: to compare, and as the saved file's hash
    previous = None
    if existing is None:
        document = LibraryDocument(collection=collection, **fields["plain"])
        outcome = Outcome.CREATED
    else:
        previous = runs.snapshot(existing)
        document = existing
        changed = document.sha256 != sha256 or document.collection_id != collection.pk
        for name, value in fields["plain"].items():
            if getattr(document, name) != value:
                setattr(document, name, value)
                changed = True
        if not changed and _same_relations(document, fields):
            return ItemResult(source_id, "document", Outcome.UNCHANGED, target_url=_url(document))
        document.collection = collection
        outcome = Outcome.UPDATED
    if options.dry_run:
        # Rolled back by the caller; no file is stored (storage is not transactional).
        return ItemResult(source_id, "document", outcome)
    if existing is None or document.sha256 != sha256:
        _save_with_file(document, path, fields, sha256)
    else:
        save_document(document, groups=fields["groups"], tags=fields["tags"])
    runs.remember(IMPORTER, organisation, source_id, document)
    if existing is None:
        runs.record_created(run, source_id, document)
    else:
        runs.record_updated(run, source_id, document, previous)
    return ItemResult(source_id, "document", outcome, target_url=_url(document))


def _fields_from(row: dict, path: Path) -> dict:
    def value(name: str) -> str:
        return (row.get(name) or "").strip()

    document_type = value("document_type").lower() or DocumentType.OTHER
    if document_type not in DocumentType.values:
        raise RowError(
            f"document_type {document_type!r} is not one of {', '.join(DocumentType.values)}"
        )
    audience = value("audience").lower()
    if audience and audience not in Audience.values:
        raise RowError(f"audience {audience!r} is not one of {', '.join(Audience.values)}")
    classification = value("classification").upper()
    if classification and classification not in Classification.values:
        raise RowError(f"classification {classification!r} is not OFFICIAL or OFFICIAL-SENSITIVE")
    groups = [_group(identifier) for identifier in _split(value("groups"))]
    if audience == Audience.GROUPS and not groups:
        raise RowError("audience 'groups' needs at least one group in the groups column")
    review_by = None
    if value("review_by"):
        try:
            review_by = datetime.date.fromisoformat(value("review_by"))
        except ValueError:
            raise RowError(
                f"review_by {value('review_by')!r} is not a date like 2027-03-31"
            ) from None
    owner = None
    if value("owner_email"):
        owner = get_user_model().objects.filter(email__iexact=value("owner_email")).first()
        if owner is None:
            raise RowError(f"nobody has the email address {value('owner_email')!r}")
    return {
        "plain": {
            "title": value("title") or _title_from(path),
            "description": value("description"),
            "document_type": document_type,
            "audience": audience,
            "classification": classification,
            "review_by": review_by,
            "content_owner": owner,
        },
        "groups": groups,
        "tags": _split(value("tags")),
    }


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _group(identifier: str) -> OrganisationGroup:
    org_slug, _, group_slug = identifier.partition("/")
    group = OrganisationGroup.objects.filter(organisation__slug=org_slug, slug=group_slug).first()
    if group is None:
        raise RowError(f"there is no group {identifier!r} (groups look like rbkc/social-care)")
    return group


def _title_from(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip() or path.name


def _collection_for(organisation, collection_path: str, folders: tuple[str, ...]) -> Collection:
    return library_folder(organisation, [*_split(collection_path.replace("/", ";")), *folders])


def _existing(organisation, source_id: str) -> LibraryDocument | None:
    mapping = ImportedObject.objects.filter(
        importer=IMPORTER, organisation=organisation, source_id=source_id
    ).first()
    if mapping is None:
        return None
    return LibraryDocument.objects.filter(pk=mapping.object_id).first()


def _same_relations(document: LibraryDocument, fields: dict) -> bool:
    groups = {group.pk for group in fields["groups"]}
    tags = set(fields["tags"])
    return (
        set(document.access_groups.values_list("pk", flat=True)) == groups
        and set(document.tags.names()) == tags
    )


def _save_with_file(document: LibraryDocument, path: Path, fields: dict, sha256: str) -> None:
    with path.open("rb") as handle:
        document.file.save(storable_filename(path.name), File(handle), save=False)
    document.file_size = path.stat().st_size
    try:
        save_document(document, groups=fields["groups"], tags=fields["tags"], sha256=sha256)
    except Exception:
        document.file.delete(save=False)  # Nothing half-written: no orphaned file either.
        raise


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _url(document: LibraryDocument) -> str:
    return reverse("document", args=[document.pk])
