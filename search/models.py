"""One row per searchable thing — page, document, person or event — with its access facts.

Federated search ranks one list across every kind of item and trims it per user inside the
query. Both need one denormalised "search document": scores from different tables or indexes
are not comparable, and the access rule needs the same flat facts on every item. The row is
written in the same transaction as the change it reflects (so the database search is never
stale), and is the outbox from which the search engine, a replica, is brought up to date.
"""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.search import index

from intranet.access.choices import Audience, Classification
from intranet.access.policy import facts_for
from intranet.access.rules import AccessPaths
from intranet.organisations.models import Organisation, OrganisationGroup

from .config import uses_search_engine

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
            # Only the few rows waiting for the engine: searches ask for them every time.
            models.Index(
                fields=["engine_state"],
                name="search_entry_pending",
                condition=models.Q(engine_state="pending"),
            ),
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
        if not uses_search_engine():
            return cls.objects.none()
        return cls.objects.filter(removed=False).prefetch_related("groups")


# --- Best bets and search analytics -----------------------------------------------------------

_APOSTROPHES = re.compile(r"['’‘`]")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
QUERY_LENGTH = 200


def normalise_query(text: str) -> str:
    """A query as best bets match it and analytics count it.

    Lower case, punctuation stripped (apostrophes dropped, anything else a space) and runs of
    whitespace collapsed: "Annual-leave  policy?" → "annual leave policy", "Who's who" → "whos who".
    """
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = _PUNCTUATION.sub(" ", _APOSTROPHES.sub("", text))
    return " ".join(text.split())


class BestBet(models.Model):
    """A page or document an organisation pins above the results of the queries it lists.

    Its owner's admins manage it (``search.wagtail_hooks``); it is shown only to people the
    access policy lets open the target (``search.promotions``).
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="best_bets",
        help_text="The organisation that owns this best bet.",
    )
    queries = models.TextField(
        help_text=(
            "One search per line, e.g. “annual leave”. A search matches when it is the same "
            "words, ignoring capitals and punctuation."
        )
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Pin a page, or a document — not both.",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Pin a document, or a page — not both.",
    )
    title = models.CharField(
        max_length=255, blank=True, help_text="Leave blank to use the page's or document's title."
    )
    description = models.CharField(
        max_length=255, blank=True, help_text="One short sentence shown under the title."
    )
    sort_order = models.IntegerField(
        default=0, help_text="Lower numbers are shown first among your organisation's best bets."
    )
    active = models.BooleanField(default=True, help_text="Untick to stop showing it.")
    # The normalised queries, each on its own line and the whole wrapped in newlines, so a
    # search finds its best bets with one ``contains`` lookup.
    normalised_queries = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "best bet"
        verbose_name_plural = "best bets"
        ordering = ["organisation__name", "sort_order", "title"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(page__isnull=False, document__isnull=True)
                    | models.Q(page__isnull=True, document__isnull=False)
                ),
                name="best_bet_one_target",
                violation_error_message="Choose a page or a document, not both.",
            )
        ]

    def __str__(self) -> str:
        return self.display_title or "Best bet"

    def save(self, *args, **kwargs):
        queries = self.query_list
        self.normalised_queries = "\n" + "".join(f"{q}\n" for q in queries) if queries else ""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "queries" in update_fields:
            kwargs["update_fields"] = {*update_fields, "normalised_queries"}
        super().save(*args, **kwargs)

    @property
    def target(self):
        return self.page if self.page_id else self.document if self.document_id else None

    @property
    def kind(self) -> str:
        return "page" if self.page_id else "document"

    @property
    def display_title(self) -> str:
        target = self.target
        return self.title or (target.title if target is not None else "")

    @property
    def query_list(self) -> list[str]:
        """The normalised queries, without repeats, in the order written."""
        found = (normalise_query(line) for line in self.queries.splitlines())
        return list(dict.fromkeys(q for q in found if q))

    @property
    def query_summary(self) -> str:
        queries = self.query_list
        more = f" and {len(queries) - 3} more" if len(queries) > 3 else ""
        return ", ".join(queries[:3]) + more

    def clean(self):
        errors = {}
        if not self.query_list:
            errors["queries"] = "Enter at least one search."
        if self.page_id and self.document_id:
            errors["document"] = "Choose a page or a document, not both."
        elif not (self.page_id or self.document_id):
            errors["page"] = "Choose the page or the document to pin."
        else:
            field = "page" if self.page_id else "document"
            facts = facts_for(self.target)
            if facts is None:
                errors[field] = f"This {field} has no access settings yet; publish it first."
            elif facts.owner_id is not None and facts.owner_id != self.organisation_id:
                errors[field] = (
                    f"You can pin your organisation's own content or shared content, not "
                    f"another organisation's {field}."
                )
        if errors:
            raise ValidationError(errors)


class SearchQueryDay(models.Model):
    """How often one normalised query was searched on one day by one organisation's staff.

    Deliberately anonymous: no user, session or address is kept, only the searcher's first
    organisation. Rows older than the retention period are purged (``search.analytics``).
    """

    day = models.DateField()
    # The searcher's first organisation (by membership); null for someone in none.
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    query = models.CharField(max_length=QUERY_LENGTH)
    searches = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)
    # The sum of every search's total, for the average number of results.
    results_total = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "search query count"
        verbose_name_plural = "search query counts"
        # Unique (day, organisation, query), NULL organisation included: SQL treats NULLs as
        # distinct in a plain unique constraint, so the organisation-less rows get their own.
        constraints = [
            models.UniqueConstraint(
                fields=["day", "organisation", "query"],
                condition=models.Q(organisation__isnull=False),
                name="search_query_day_unique",
            ),
            models.UniqueConstraint(
                fields=["day", "query"],
                condition=models.Q(organisation__isnull=True),
                name="search_query_day_unique_no_org",
            ),
        ]
        indexes = [models.Index(fields=["day"], name="search_query_day_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.query!r}: {self.searches}"
