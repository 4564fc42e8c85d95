"""What every importer shares: a run, its per-item report, and the map from source ids to what
was created, so running an import again updates instead of duplicating."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from intranet.organisations.models import Organisation


class Outcome(models.TextChoices):
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"
    UNCHANGED = "unchanged", "Unchanged"
    SKIPPED = "skipped", "Skipped"
    FAILED = "failed", "Failed"


class ImportRun(models.Model):
    importer = models.CharField(max_length=50)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=500)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    counts = models.JSONField(default=dict)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.importer} of {self.source} into {self.organisation.slug}"

    @property
    def summary(self) -> str:
        counts = ((outcome, self.counts.get(outcome, 0)) for outcome in Outcome.values)
        return ", ".join(f"{count} {outcome}" for outcome, count in counts if count)


class ImportItem(models.Model):
    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="items")
    source_id = models.CharField(max_length=1000)
    kind = models.CharField(max_length=50)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.CharField(max_length=500, blank=True)
    target_url = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.source_id}: {self.outcome}"


class ImportedObject(models.Model):
    """Which object an importer created for a source id, per organisation."""

    importer = models.CharField(max_length=50)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    source_id = models.CharField(max_length=1000)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["importer", "organisation", "source_id"], name="one_object_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.importer}:{self.source_id}"


class Change(models.TextChoices):
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"


class ImportChange(models.Model):
    """One object a run created or updated, with what undoing the run needs: the object's
    state before (``previous``, for an update) and the state the run left it in (``after``),
    so an undo can tell whether someone has changed it since. States are whatever the
    object's registered undoer records (``intranet.imports.undo``), e.g. a page's revision id
    or a JSON snapshot of a document's fields."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="changes")
    source_id = models.CharField(max_length=1000)
    action = models.CharField(max_length=10, choices=Change.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    label = models.CharField(max_length=300, blank=True)
    previous = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "content_type", "object_id"], name="one_change_per_object_per_run"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.label or self.object_id} ({self.source_id})"
