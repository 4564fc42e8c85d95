"""Benchmark: federated search at scale on PostgreSQL and OpenSearch. Prints figures only.

Run with `make bench` (which starts PostgreSQL and OpenSearch with the scripts in scripts/),
or directly with DATABASE_URL (PostgreSQL server URL) and OPENSEARCH_URL set. BENCH_ITEMS
sets the corpus size (default 100,000).

What it does, in a throwaway database `commons_bench`:
1. nDCG@10 of the judged queries (tests/search_judgements) on each backend, on a clean corpus.
2. The write path: entries written per second by `search.indexing` for real Wagtail pages.
3. N generated search entries (documents 50 %, pages 35 %, people 10 %, events 5 %; 300-word
   bodies from a Zipf vocabulary; every audience and classification; three organisations),
   bulk-inserted (PostgreSQL computes their vectors), then sent to OpenSearch.
4. For 50 queries (rare, medium, common words, two-word phrases): `search.service.run_search`
   (median of three runs per query) p50/p95 as a member of one council with one group
   (trimmed) and as a superuser (untrimmed — no access filter at all), the ratio, and
   type-ahead p50/p95.
"""

import itertools
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
SERVER = os.environ.get("DATABASE_URL", "")
if not SERVER.startswith("postgres"):
    sys.exit("bench/search.py needs DATABASE_URL=postgres://… (make bench starts one)")
ENGINE_URL = os.environ.get("OPENSEARCH_URL", "")
BENCH_DB = "commons_bench"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import (  # noqa: E402
    REPEATS,
    fresh_database,
    ms,
    percentile,
    quiet_engine_logs,
    time_suggest,
)

os.environ["DATABASE_URL"] = fresh_database(SERVER, BENCH_DB)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import override_settings  # noqa: E402

quiet_engine_logs()

N = int(os.environ.get("BENCH_ITEMS", "100000"))
RNG = random.Random(20261128)
DATABASE = {"default": {"BACKEND": "wagtail.search.backends.database"}}
ENGINE = settings.WAGTAILSEARCH_BACKENDS if ENGINE_URL else None


# --- Corpus -----------------------------------------------------------------------------------

COMMON_WORDS = """council staff service policy team work information support manager residents
social care housing training review report meeting guidance form process"""
COMMON = COMMON_WORDS.split()


def vocabulary(size: int = 20000) -> list[str]:
    syllables = ["ka", "lo", "mi", "ter", "san", "po", "rel", "vin", "du", "gar", "ne", "sto"]
    words = set()
    while len(words) < size:
        words.add("".join(RNG.choices(syllables, k=RNG.randint(2, 4))))
    return COMMON + sorted(words)


WORDS = vocabulary()
# Zipf, shifted past the head that stemming's stop words remove: the commonest word is in
# about two thirds of all bodies (like "council" on a council intranet).
CUMULATIVE = list(itertools.accumulate(1 / (rank + 50) for rank in range(len(WORDS))))


def text(words: int) -> str:
    return " ".join(RNG.choices(WORDS, cum_weights=CUMULATIVE, k=words))


def generate_entries(organisations, groups_by_org) -> float:
    from django.utils import timezone

    from search.models import SearchEntry

    kinds = ["document"] * 50 + ["page"] * 35 + ["person"] * 10 + ["event"] * 5
    audiences = ["partnership"] * 70 + ["organisation"] * 20 + ["groups"] * 10
    now = timezone.now()
    started = time.perf_counter()
    through = SearchEntry.groups.through
    batch, memberships = [], []
    for n in range(N):
        kind = RNG.choice(kinds)
        organisation = organisations[n % len(organisations)]
        audience = RNG.choice(audiences) if kind != "person" else "partnership"
        sensitive = kind in ("document", "page") and RNG.random() < 0.1
        batch.append(
            SearchEntry(
                kind=kind,
                object_id=1_000_000 + n,
                title=text(RNG.randint(3, 8)).capitalize(),
                summary=text(20),
                body=text(300) if kind != "person" else "",
                url=f"/bench/{kind}/{n}/",
                organisation=organisation,
                audience=audience,
                classification="OFFICIAL-SENSITIVE" if sensitive else "OFFICIAL",
                document_type=RNG.choice(["policy", "form", "guidance"])
                if kind == "document"
                else "",
                file_type=RNG.choice(["pdf", "docx", "xlsx"]) if kind == "document" else "",
                updated_at=now - timedelta(days=RNG.randint(0, 900)),
                engine_state="pending",
            )
        )
        if audience == "groups":
            memberships.append((len(batch) - 1, RNG.choice(groups_by_org[organisation.pk])))
        if len(batch) == 2000 or n == N - 1:
            created = SearchEntry.objects.bulk_create(batch)
            through.objects.bulk_create(
                through(searchentry_id=created[i].pk, organisationgroup_id=g.pk)
                for i, g in memberships
            )
            batch, memberships = [], []
    return time.perf_counter() - started


from datetime import timedelta  # noqa: E402


def queries() -> list[str]:
    tail = WORDS[len(COMMON) :]
    rare = RNG.sample(tail[5000:], 20)
    medium = RNG.sample(tail[200:2000], 15)
    common = RNG.sample(COMMON, 10)
    pairs = [f"{RNG.choice(COMMON)} {RNG.choice(tail[:500])}" for _ in range(5)]
    return rare + medium + common + pairs


def time_searches(user, texts: list[str], expected_backend: str) -> list[float]:
    from search.query import SearchRequest
    from search.service import run_search

    samples = []
    for text_ in texts:
        run_search(user, SearchRequest(text_))  # warm
        runs = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            response = run_search(user, SearchRequest(text_), fallback=False)
            runs.append(time.perf_counter() - started)
        samples.append(statistics.median(runs))
        assert response.backend == expected_backend, (response.backend, expected_backend)
    return samples


def report_latency(name: str, member, operator, texts, prefixes) -> None:
    from search.backends.engine import EngineSearch

    expected = "database" if name == "PostgreSQL" else EngineSearch().name
    time_searches(member, texts, expected)  # warm caches once over the whole set
    trimmed = time_searches(member, texts, expected)
    untrimmed = time_searches(operator, texts, expected)
    typeahead = time_suggest(member, prefixes)
    p50t, p95t = percentile(trimmed, 50), percentile(trimmed, 95)
    p50u, p95u = percentile(untrimmed, 50), percentile(untrimmed, 95)
    print(f"  {name} search, trimmed (member):     p50 {ms(p50t)}, p95 {ms(p95t)}")
    print(f"  {name} search, untrimmed (operator): p50 {ms(p50u)}, p95 {ms(p95u)}")
    print(f"  {name} trimmed/untrimmed ratio:      p50 {p50t / p50u:.2f}x, p95 {p95t / p95u:.2f}x")
    print(
        f"  {name} suggest (type-ahead):         p50 {ms(percentile(typeahead, 50))}, "
        f"p95 {ms(percentile(typeahead, 95))}"
    )


def main() -> None:
    from django.contrib.auth import get_user_model

    from intranet.access.models import CommitmentStatement
    from intranet.access.statements import accept
    from intranet.organisations.models import Membership
    from intranet.organisations.provisioning import ensure_group
    from search import indexing
    from search.backends.engine import EngineSearch
    from search.engine_indexes import refresh_entry_index, reset_indexes
    from search.engine_sync import push_pending
    from tests.factories import ContentPageFactory
    from tests.search_judgements.evaluate import load_corpus, ndcg_at_10

    call_command("migrate", verbosity=0)
    print(f"Search benchmark: {N:,} items, PostgreSQL{' + OpenSearch' if ENGINE else ''}")
    backends = [("PostgreSQL", DATABASE)] + ([("OpenSearch", ENGINE)] if ENGINE else [])

    User = get_user_model()
    operator = User.objects.create(username="bench-operator", is_superuser=True)

    # 1. Relevance on the judged corpus, before the generated items drown it.
    for name, backend in backends:
        with override_settings(WAGTAILSEARCH_BACKENDS=backend):
            if backend is ENGINE:
                reset_indexes()
            keys = load_corpus() if name == "PostgreSQL" else _engine_copy()
            scores = ndcg_at_10(operator, keys)
            print(f"  {name} nDCG@10 (judged queries): {sum(scores.values()) / len(scores):.3f}")
            _judged_keys.update(keys)

    # 2. The write path, through real pages.
    from intranet.organisations.models import Organisation

    organisations = list(Organisation.objects.order_by("pk"))
    with override_settings(WAGTAILSEARCH_BACKENDS=DATABASE):
        pages = [
            ContentPageFactory(parent=organisations[n % 3].section_page, title=f"Bench page {n}")
            for n in range(200)
        ]
        started = time.perf_counter()
        indexing.refresh_pages([p.pk for p in pages])
        elapsed = time.perf_counter() - started
    print(f"  Entry writes (real pages, search.indexing): {len(pages) / elapsed:,.0f} entries/s")

    # 3. The generated corpus.
    groups_by_org = {
        o.pk: [ensure_group(o, s, s) for s in ("team", "care", "finance")] for o in organisations
    }
    elapsed = generate_entries(organisations, groups_by_org)
    print(f"  PostgreSQL bulk insert incl. vectors: {N / elapsed:,.0f} entries/s ({elapsed:.0f} s)")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE search_searchentry")

    member = User.objects.create(username="bench-member")
    Membership.objects.create(user=member, organisation=organisations[0])
    member.groups.add(groups_by_org[organisations[0].pk][0].group)
    statement = CommitmentStatement.objects.create(organisation=organisations[0], text="v1")
    accept(member, statement)

    texts = queries()
    prefixes = [w[:3] for w in RNG.sample(WORDS, 25)] + [
        w[:5] for w in RNG.sample(WORDS[:3000], 25)
    ]
    with override_settings(WAGTAILSEARCH_BACKENDS=DATABASE):
        report_latency("PostgreSQL", member, operator, texts, prefixes)
    if ENGINE:
        with override_settings(WAGTAILSEARCH_BACKENDS=ENGINE):
            started = time.perf_counter()
            sent = push_pending()
            elapsed = time.perf_counter() - started
            refresh_entry_index()
            print(f"  OpenSearch indexing (bulk, entry table): {sent / elapsed:,.0f} entries/s")
            with connection.cursor() as cursor:  # the sync marked every row: tidy up
                cursor.execute("VACUUM ANALYZE search_searchentry")
            # As after any bulk load: merge segments, so queries meet a settled index.
            engine = EngineSearch()
            engine.client.indices.forcemerge(
                index=engine.index, max_num_segments=1, params={"request_timeout": 900}
            )
            refresh_entry_index()
            report_latency("OpenSearch", member, operator, texts, prefixes)


_judged_keys: dict = {}


def _engine_copy() -> dict:
    """The corpus already exists in the database: send it to the engine and reuse its keys."""
    from search.engine_indexes import refresh_entry_index
    from search.engine_sync import push_pending
    from search.models import SearchEntry

    SearchEntry.objects.update(engine_state="pending")
    push_pending()
    refresh_entry_index()
    return dict(_judged_keys)


if __name__ == "__main__":
    # Writes must not reach the engine as they happen: its indexing is timed on its own.
    with override_settings(WAGTAILSEARCH_BACKENDS=DATABASE):
        main()
