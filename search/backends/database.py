"""Database search over the entry table: SQLite FTS5 or PostgreSQL full-text (``fulltext``).

Everything happens in SQL on rows already narrowed by the access policy, so a match the
viewer may not open never reaches a count, a facet or a page. Two queries per search: one
grouped count that yields the total and every facet, and one ranked page of ids.
"""

from contextlib import contextmanager

from django.db import connections, transaction
from django.db.models import Case, CharField, Count, Q, QuerySet, Value, When
from django.db.models.functions import Length
from django.utils import timezone

from intranet.common.text import fold

from ..fulltext import FTS, TABLE
from ..query import UPDATED_WITHIN, Matches, SearchRequest, words
from .facets import Group, total_and_facets

# Up to this many matches, every match is ranked on its whole text; beyond it (very common
# words) only the title/summary vectors are read — bounded work at any corpus size.
RANK_ALL = 2000
# Type-ahead on PostgreSQL orders at most this many word-prefix matches.
SUGGEST_CANDIDATES = 200


class DatabaseSearch:
    name = "database"

    def __init__(self, using: str = "default"):
        self.using = using
        self.vendor = connections[using].vendor

    # --- Matching -----------------------------------------------------------------------------

    def _matching(self, visible: QuerySet, text: str) -> QuerySet | None:
        tokens = words(text)
        if not tokens:
            return None
        if self.vendor == "sqlite":
            expression = " ".join(f'"{token}"' for token in tokens)
            return visible.extra(
                where=[f"{TABLE}.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"],
                params=[expression],
            )
        return visible.extra(
            where=[f"{TABLE}.search_vector @@ websearch_to_tsquery('english', %s)"],
            params=[text],
        )

    def _ranked(self, matched: QuerySet, text: str) -> QuerySet:
        if self.vendor == "sqlite":
            expression = " ".join(f'"{token}"' for token in words(text))
            rank = (
                f"(SELECT -bm25({FTS}, 10.0, 4.0, 1.0) FROM {FTS} "
                f"WHERE {FTS} MATCH %s AND rowid = {TABLE}.id)"
            )
            return matched.extra(select={"rank": rank}, select_params=[expression])
        rank = f"ts_rank_cd({TABLE}.search_vector, websearch_to_tsquery('english', %s), 1)"
        return matched.extra(select={"rank": rank}, select_params=[text])

    def _window_by_head(self, page: QuerySet, text: str, start: int, stop: int) -> list[int]:
        """Too many matches to read every body (PostgreSQL, very common words): matches in the
        title or summary first, ranked on those fields alone (their own GIN index keeps this
        to the few that qualify), then body-only matches, newest first."""
        query = "websearch_to_tsquery('english', %s)"
        in_head = page.extra(where=[f"{TABLE}.head_vector @@ {query}"], params=[text])
        ranked = in_head.extra(
            select={"rank": f"ts_rank({TABLE}.head_vector, {query})"}, select_params=[text]
        ).order_by("-rank", "-updated_at", "-pk")
        ids = list(ranked.values_list("pk", flat=True)[start:stop])
        if len(ids) < stop - start:  # Past the title/summary matches: how many were there?
            head_count = start + len(ids) if ids else in_head.count()
            body_only = page.extra(where=[f"NOT ({TABLE}.head_vector @@ {query})"], params=[text])
            body_only = body_only.order_by("-updated_at", "-pk").values_list("pk", flat=True)
            ids += list(body_only[max(0, start - head_count) : stop - head_count])
        return ids

    # --- Filters ------------------------------------------------------------------------------

    @staticmethod
    def _filters(request: SearchRequest, organisation_ids: dict[str, int]) -> Q:
        q = Q()
        if request.kind != "all":
            q &= Q(kind=request.kind)
        if request.organisations:
            q &= Q(organisation_id__in=[organisation_ids.get(s, 0) for s in request.organisations])
        if request.document_types:
            q &= Q(document_type__in=request.document_types)
        if request.file_types:
            q &= Q(file_type__in=request.file_types)
        since = request.updated_since()
        if since:
            q &= Q(updated_at__gte=since)
        return q

    @staticmethod
    def _groups(matched: QuerySet, slugs: dict[int, str]):
        now = timezone.now()
        age = Case(
            *(
                When(updated_at__gte=now - within, then=Value(bucket))
                for bucket, within in UPDATED_WITHIN.items()
            ),
            default=Value("older"),
            output_field=CharField(),
        )
        rows = (
            matched.order_by()
            .annotate(age=age)
            .values("kind", "organisation_id", "document_type", "file_type", "age")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            yield Group(
                type=row["kind"],
                organisation=slugs.get(row["organisation_id"], ""),
                document_type=row["document_type"],
                file_type=row["file_type"],
                updated=row["age"],
                count=row["n"],
            )

    # --- The questions ------------------------------------------------------------------------

    @contextmanager
    def _planned(self):
        """PostgreSQL: always find matches through the GIN index.

        When a word is in most rows the planner prefers a sequential scan, not knowing that
        each row's vector must then be fetched from TOAST: ten times slower at 100k rows.
        """
        if self.vendor != "postgresql":
            yield
            return
        with transaction.atomic(using=self.using):
            with connections[self.using].cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
            yield

    def search(self, visible: QuerySet, request: SearchRequest, slugs: dict[int, str]) -> Matches:
        with self._planned():
            return self._search(visible, request, slugs)

    def _search(self, visible: QuerySet, request: SearchRequest, slugs: dict[int, str]) -> Matches:
        matched = self._matching(visible.using(self.using), request.text)
        if matched is None:
            return Matches(total=0, entry_ids=[], facets={})
        total, facets = total_and_facets(self._groups(matched, slugs), request)
        if not total:
            return Matches(total=0, entry_ids=[], facets=facets)
        organisation_ids = {slug: pk for pk, slug in slugs.items()}
        page = matched.filter(self._filters(request, organisation_ids))
        start, stop = request.offset, request.offset + request.page_size
        if request.sort == "newest":
            page = page.order_by("-updated_at", "-pk")
        else:
            if self.vendor == "postgresql" and total > RANK_ALL:
                ids = self._window_by_head(page, request.text, start, stop)
                return Matches(total=total, entry_ids=ids, facets=facets)
            page = self._ranked(page, request.text).order_by("-rank", "-updated_at", "-pk")
        return Matches(
            total=total,
            entry_ids=list(page.values_list("pk", flat=True)[start:stop]),
            facets=facets,
        )

    def suggest(self, visible: QuerySet, prefix: str, limit: int) -> list[int]:
        with self._planned():
            return self._suggest(visible, prefix, limit)

    def _suggest(self, visible: QuerySet, prefix: str, limit: int) -> list[int]:
        # Folded, to meet titles' folded words: "Siobhan" or "Siobhán" finds "Siobhán".
        tokens = words(fold(prefix))
        if not tokens:
            return []
        if self.vendor == "sqlite":
            *whole, last = tokens
            expression = " ".join([*(f'"{t}"' for t in whole), f'"{last}" *'])
            matched = visible.extra(
                where=[f"{TABLE}.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"],
                params=[f"title : ({expression})"],
            )
            return self._best_suggestions(matched, limit)
        return self._suggest_postgresql(visible.using(self.using), prefix, tokens, limit)

    @staticmethod
    def _best_suggestions(matched: QuerySet, limit: int) -> list[int]:
        # People first (type-ahead is mostly for finding a colleague), then shorter titles.
        people_first = Case(When(kind="person", then=Value(0)), default=Value(1))
        ordered = matched.annotate(p=people_first, n=Length("title")).order_by("p", "n", "title")
        return list(ordered.values_list("pk", flat=True)[:limit])

    def _suggest_postgresql(self, visible: QuerySet, prefix: str, tokens, limit: int) -> list[int]:
        """Titles that start with what was typed (a B-tree range, in order), then titles with a
        word starting so — from a bounded set of candidates: a three-letter prefix can match a
        third of all titles, and ranking them all cost more than typing the next letter."""
        typed = " ".join(prefix.lower().split())
        pattern = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        starting = visible.extra(
            where=[f'lower({TABLE}.title) COLLATE "C" LIKE %s'],
            params=[pattern],
            select={"ordered_title": f'lower({TABLE}.title) COLLATE "C"'},
            order_by=["ordered_title"],
        )
        ids = list(starting.values_list("pk", flat=True)[:limit])
        if len(ids) < limit:
            expression = " & ".join([*tokens[:-1], f"{tokens[-1]}:*"])
            candidates = visible.extra(
                where=[f"{TABLE}.title_vector @@ to_tsquery('simple', %s)"], params=[expression]
            ).exclude(pk__in=ids)
            # A list, not a subquery: the raw SQL above names the outer table.
            bounded = list(candidates.values_list("pk", flat=True)[:SUGGEST_CANDIDATES])
            more = self._best_suggestions(visible.filter(pk__in=bounded), limit - len(ids))
            ids += more
        return ids
