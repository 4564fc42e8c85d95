"""The search engine's process killed (SIGKILL) under the site: pages and writes carry on, search
falls back to the database and says so, and after a restart nothing written meanwhile is lost.

A real node of this test's own (``scripts/opensearch`` in its own folder and port), so the
suite's shared node is never touched; a PostgreSQL of its own too.
"""

import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.operations.processes import (
    ROOT,
    browser,
    fetch,
    free_port,
    manage,
    prepare_site,
    run,
    sign_in,
    site_environment,
    start_gunicorn,
    stop,
    wait_for,
)

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
    or not os.environ.get("OPENSEARCH_URL"),
    reason="kills a real OpenSearch node: runs in the services pass",
)
COMPARE = """
from search.engine_indexes import refresh_entry_index
from search.models import SearchEntry
from wagtail.search.backends import get_search_backend
refresh_entry_index()
backend = get_search_backend()
index = backend.get_index_for_model(SearchEntry)
in_engine = backend.es.count(index=index.name)["count"]
print(SearchEntry.objects.filter(removed=False).count(), in_engine)
"""
STILL_UNREAD = """
from intranet.library.models import ExtractionStatus, LibraryDocument
print(LibraryDocument.objects.filter(extraction_status=ExtractionStatus.PENDING).count())
"""


@pytest.fixture
def opensearch_node():
    """start()/kill() for a node of this test's own; yields them with its URL."""
    folder = tempfile.mkdtemp(prefix="commons-kill-os-", dir="/tmp")
    os.chmod(folder, 0o755)  # the node runs as another user when the tests run as root
    home = os.path.join(folder, "node")  # the script installs into a folder it creates
    port = free_port()
    env = {
        **os.environ,
        "OPENSEARCH_HOME": home,
        "OPENSEARCH_PORT": str(port),
        "OPENSEARCH_JAVA_OPTS": "-Xms384m -Xmx384m",
    }

    def start() -> None:
        subprocess.run([ROOT / "scripts" / "opensearch", "start"], env=env, check=True)

    def kill() -> None:
        pid = int(Path(home, "opensearch.pid").read_text().strip())
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)

    yield f"http://127.0.0.1:{port}", start, kill
    subprocess.run([ROOT / "scripts" / "opensearch", "stop"], env=env, check=False)
    subprocess.run(["rm", "-rf", folder], check=False)


def test_killing_the_engine_loses_nothing_and_search_degrades_then_recovers(
    postgres_server, opensearch_node, tmp_path
):
    url, start_engine, kill_engine = opensearch_node
    start_engine()
    env = site_environment(
        tmp_path / "var",
        DATABASE_URL=f"{postgres_server('start')}/postgres",
        OPENSEARCH_URL=url,
        OPENSEARCH_MAJOR_VERSION=os.environ.get("OPENSEARCH_MAJOR_VERSION", "3"),
        SEARCH_TIMEOUT="2",
    )
    prepare_site(env)
    run(env, "rebuild_search")
    share = tmp_path / "share"
    share.mkdir()
    for n in range(5):
        (share / f"Written while down {n}.txt").write_text(f"Kingfisher rota number {n}.\n")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port, workers=1)
    worker = manage(env, "db_worker", "--no-startup-delay")
    try:
        person = browser()
        sign_in(person, base, "wcc.staff0")

        kill_engine()
        views_while_down = [fetch(person, f"{base}/")[0] for _ in range(5)]
        import_while_down = run(env, "import_documents", str(share), "--org", "wcc")
        # Their words are searchable once the worker has read them (with the engine still down).
        wait_for(lambda: run(env, "shell", "-c", STILL_UNREAD).split()[-1] == "0", interval=0.5)
        search_while_down = fetch(person, f"{base}/search/?q=kingfisher")

        start_engine()
        run(env, "sync_search")  # what the queued retry does, without waiting for it
        counts = run(env, "shell", "-c", COMPARE).split()[-2:]
        search_after = fetch(person, f"{base}/search/?q=kingfisher")
    finally:
        stop(server, worker)

    assert views_while_down == [200] * 5
    assert "Import finished" in import_while_down
    assert search_while_down[0] == 200
    assert 'id="search-degraded-title"' in search_while_down[1]
    assert "Written while down 0" in search_while_down[1]  # the database search answered
    database_entries, engine_entries = counts
    assert database_entries == engine_entries  # 0 lost updates
    assert 'id="search-degraded-title"' not in search_after[1]
    assert "Written while down 4" in search_after[1]
