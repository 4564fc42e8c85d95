"""One row per searchable thing — page, document, person or event — with its access facts.

Federated search ranks one list across every kind of item and trims it per user inside the
query. Both need one denormalised "search document": scores from different tables or indexes
are not comparable, and the access rule needs the same flat facts on every item. The row is
written in the same transaction as the change it reflects (so the database search is never
stale), and is the outbox from which the search engine, a replica, is brought up to date.
"""

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.search import index

from intranet.access.choices import Audience, Classification
from intranet.access.rules import AccessPaths
from intranet.organisations.models import Organisation, OrganisationGroup

# What one entry keeps of a body of text; the rest of a very long document is not searched.
BODY_LIMIT = 200_000


PLAIN_WORDS = {"fields": {"plain": {"type": "text", "analyzer": "standard"}}}


class Kind(models.TextChoices):
    PAGE = "page", "Pages"
    DOCUMENT = "document", "Documents"
    PERSON = "person", "People"
    EVENT = "event", "Events"


class EngineState(models.TextChoices):
    SYNCED = "synced", "In the search engine"
    PENDING = "pending", "Waiting for the search engine"


class SearchEntry(index.Indexed, models.Model):
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    title = models.CharField(max_length=255)
    # Shown under the title when nothing in the body matched (a page's summary, a job title).
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    # "News article", "Policy (PDF)", "Westminster social worker"… shown beside the result.
    label = models.CharField(max_length=100, blank=True)

    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    audience = models.CharField(max_length=20, choices=Audience.choices)
    classification = models.CharField(max_length=20, choices=Classification.choices)
    groups = models.ManyToManyField(OrganisationGroup, blank=True, related_name="+")

    document_type = models.CharField(max_length=20, blank=True)
    file_type = models.CharField(max_length=10, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    # Outbox state towards the search engine (unused with database search).
    engine_state = models.CharField(
        max_length=10, choices=EngineState.choices, default=EngineState.PENDING
    )
    # Bumped on every write, so a slow sync never marks a newer write as synced.
    revision = models.PositiveIntegerField(default=0)
    # The source is gone: the row stays only until the engine has dropped it too.
    removed = models.BooleanField(default=False)

    # Where the access policy (``intranet.access.policy.visible_to``) finds the copied facts.
    access_paths = AccessPaths(
        owner="organisation",
        audience="audience",
        classification="classification",
        has_group=lambda ids: Exists(
            SearchEntry.groups.through.objects.filter(
                searchentry_id=OuterRef("pk"), organisationgroup_id__in=ids
            )
        ),
    )

    search_auto_update = False  # Written by search.indexing, never by Wagtail's signals.
    search_fields = [
        # ``plain``: the words as written, for the engine's "did you mean" suggestions.
        index.SearchField("title", boost=5, es_extra=PLAIN_WORDS),
        index.SearchField("summary", boost=2),
        index.SearchField("body", es_extra=PLAIN_WORDS),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("organisation_id"),
        index.FilterField("audience"),
        index.FilterField("classification"),
        # A list: the engine matches a ``terms`` filter on any one of them.
        index.FilterField("group_ids"),
        index.FilterField("document_type"),
        index.FilterField("file_type"),
        index.FilterField("updated_at"),
    ]

    class Meta:
        verbose_name = "search entry"
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique_item")
        ]
        indexes = [
            models.Index(fields=["engine_state"], name="search_entry_engine_state"),
            models.Index(fields=["updated_at"], name="search_entry_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"

    @property
    def group_ids(self) -> list[int]:
        return sorted(group.pk for group in self.groups.all()) if self.pk else []

    @classmethod
    def get_indexed_objects(cls):
        """What ``update_index`` sends to a search engine (the database search reads the table)."""
        from .indexes import uses_search_engine

        if not uses_search_engine():
            return cls.objects.none()
        return cls.objects.filter(removed=False).prefetch_related("groups")
