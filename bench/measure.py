"""What the PostgreSQL benchmarks in bench/ share, so their figures are taken the same way.

``fresh_database`` runs before ``django.setup()`` (the settings read DATABASE_URL once); the
rest after it. Figures only: nothing here asserts a target.
"""

import logging
import statistics
import time
from collections.abc import Callable
from urllib.parse import urlparse

# Each figure is the median of three runs after a warm one: one stray pause (another process
# on the two cores, a checkpoint) is not a p95.
REPEATS = 3


def fresh_database(server: str, name: str) -> str:
    """Drop and create the throwaway database ``name`` on the PostgreSQL server at ``server``
    (any database's URL on it); returns the new database's URL. Never the server's own."""
    import psycopg

    with psycopg.connect(
        urlparse(server)._replace(path="/postgres").geturl(), autocommit=True
    ) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name}")
        c.execute(f"CREATE DATABASE {name}")
    return urlparse(server)._replace(path=f"/{name}").geturl()


def quiet_engine_logs() -> None:
    """The engine clients log every request; at thousands of queries that drowns the table."""
    for noisy in ("opensearch", "elasticsearch", "elastic_transport", "opensearchpy.trace"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def timed(call: Callable[[], object], repeats: int = REPEATS, *, warm: bool = True) -> float:
    """Seconds one ``call`` takes: warmed once (unless the caller did), then the median of
    ``repeats`` runs."""
    if warm:
        call()
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def time_suggest(user, prefixes: list[str]) -> list[float]:
    """``search.service.suggest`` per prefix, as the type-ahead calls it (engine errors raise
    rather than quietly timing the database fallback); warmed with the fallback allowed."""
    from search.service import suggest

    samples = []
    for prefix in prefixes:
        suggest(user, prefix)
        samples.append(
            timed(lambda prefix=prefix: suggest(user, prefix, fallback=False), warm=False)
        )
    return samples
