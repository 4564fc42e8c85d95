"""Every write of the import machinery: a run begun and finished, what it created and
updated (so it can be undone), the source-id map that makes re-runs update in place, and the
undo itself. Importers call these; nothing here runs from ``save()`` or a signal."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from intranet.access import audit
from intranet.organisations.models import Organisation

from .models import Change, ImportChange, ImportedObject, ImportItem, ImportRun
from .reporting import ImportReport
from .undo import state_of, undoer_for


class ImportAborted(Exception):
    """An import cannot start (an unreadable source, an unknown organisation, a missing
    folder); the message says why in one line, and nothing was written."""


class UndoRefused(Exception):
    """The run cannot be undone as asked; the message says why (and which items)."""


@dataclass(frozen=True)
class UndoResult:
    deleted: int
    restored: int
    already_gone: int


# --- Runs ----------------------------------------------------------------------------------


def organisation_for(slug: str) -> Organisation:
    """The organisation an import goes into, provisioned (section and library), or
    ``ImportAborted``."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or organisation.section_page_id is None:
        raise ImportAborted(f"There is no organisation with the short code {slug!r}.")
    return organisation


def start_run(importer: str, organisation: Organisation, source: str, user=None) -> ImportRun:
    """The run's row, made before its first item so each item's changes can point at it."""
    return ImportRun.objects.create(
        importer=importer, organisation=organisation, source=source[:500], started_by=user
    )


def finish_run(run: ImportRun, report: ImportReport) -> ImportRun:
    """Store the report's items and counts with the run."""
    ImportItem.objects.bulk_create(
        (
            ImportItem(
                run=run,
                source_id=item.source_id[:1000],
                kind=item.kind,
                outcome=item.outcome,
                reason=item.reason[:500],
                target_url=item.target_url[:500],
            )
            for item in report.items
        ),
        batch_size=1000,
    )
    run.counts = report.counts
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "finished_at"])
    return run


# --- What a run changed --------------------------------------------------------------------


def snapshot(obj: models.Model) -> dict | None:
    """``obj``'s state now, to pass to ``record_updated`` once it has been changed."""
    return state_of(obj)


def record_created(run: ImportRun | None, source_id: str, obj: models.Model) -> None:
    """``obj`` was made by ``run`` (call after writing it, in the item's transaction)."""
    _record(run, source_id, obj, Change.CREATED, previous=None)


def record_updated(
    run: ImportRun | None, source_id: str, obj: models.Model, previous: dict | None
) -> None:
    """``obj`` was changed by ``run``; ``previous`` is its ``snapshot`` from before."""
    _record(run, source_id, obj, Change.UPDATED, previous=previous)


def _record(run, source_id: str, obj, action: str, previous) -> None:
    if run is None:  # a dry run
        return
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    base_type = ContentType.objects.get_for_model(obj)
    after = state_of(obj)
    change = ImportChange.objects.filter(
        run=run, content_type__in={content_type, base_type}, object_id=str(obj.pk)
    ).first()
    if change is not None:  # written twice in one run (e.g. links fixed up): keep the first
        change.after = after  # action and previous, and the last state
        change.save(update_fields=["after"])
        return
    ImportChange.objects.create(
        run=run,
        source_id=source_id[:1000],
        action=action,
        content_type=content_type,
        object_id=str(obj.pk),
        label=str(obj)[:300],
        previous=previous,
        after=after,
    )


# --- Source ids ----------------------------------------------------------------------------


def remember(
    importer: str, organisation: Organisation, source_id: str, obj: models.Model
) -> ImportedObject:
    """Map ``source_id`` to ``obj``, so the next run of this importer updates it."""
    mapping, _ = ImportedObject.objects.update_or_create(
        importer=importer,
        organisation=organisation,
        source_id=source_id,
        defaults={
            "content_type": ContentType.objects.get_for_model(obj),
            "object_id": str(obj.pk),
        },
    )
    return mapping


# --- Undo ----------------------------------------------------------------------------------


def undo_run(run: ImportRun, user=None) -> UndoResult:
    """Remove what ``run`` created and put back what it updated, newest first, in one
    transaction, and record who did it in the organisation's audit trail. Refused, changing
    nothing, when the run was undone already, when something it wrote has been edited since
    (naming each), or when it recorded nothing to undo with."""
    if run.undone_at is not None:
        raise UndoRefused(f"Import run {run.pk} was already undone on {run.undone_at:%Y-%m-%d}.")
    changes = list(run.changes.select_related("content_type").order_by("-pk"))
    if not changes and any(run.counts.get(outcome) for outcome in (Change.CREATED, Change.UPDATED)):
        raise UndoRefused(
            f"Import run {run.pk} recorded no changes to undo with "
            "(it ran before runs kept them, or its importer does not record them)."
        )
    targets = []
    edited = []
    for change in changes:
        model = change.content_type.model_class()
        obj = model._default_manager.filter(pk=change.object_id).first() if model else None
        undoer = undoer_for(model) if model else None
        if obj is not None and undoer is not None and undoer.state(obj) != change.after:
            edited.append(f"{change.label or change.object_id} ({change.source_id})")
        targets.append((change, obj, undoer))
    if edited:
        raise UndoRefused(
            f"Import run {run.pk} cannot be undone: these were changed after it, and undoing "
            f"it would lose those edits: {'; '.join(edited)}. Undo later runs first, or revert "
            "those edits by hand."
        )
    deleted = restored = gone = 0
    with transaction.atomic():
        for change, obj, undoer in targets:
            if obj is None or undoer is None:
                gone += 1
                continue
            if change.action == Change.CREATED:
                ImportedObject.objects.filter(
                    content_type=ContentType.objects.get_for_model(obj),
                    object_id=str(obj.pk),
                ).delete()
                undoer.delete(obj)
                deleted += 1
            else:
                undoer.restore(obj, change.previous or {})
                restored += 1
        run.undone_at = timezone.now()
        run.save(update_fields=["undone_at"])
        audit.record_change(
            user,
            run.organisation,
            run,
            f"import undone: {deleted} removed, {restored} restored, {gone} already gone",
        )
    return UndoResult(deleted, restored, gone)
