"""PostgreSQL restarting under the site: a styled 503 while it is down, recovery by itself after,
and no task lost.

A real restart of a real server — one started for this test (``scripts/postgres`` on its own
port and data folder), so the suite's own database is never touched. gunicorn keeps its
connections (``DATABASE_CONN_MAX_AGE``), which only health checks make survive a restart.
"""

import pytest
from django.conf import settings

from tests.operations.processes import (
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
)

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="restarts a real PostgreSQL: runs in the services pass",
)
QUEUED_EXTRACTION = """
from intranet.library.models import LibraryDocument
print(LibraryDocument.objects.get(title="Queued before the restart").extraction_status)
"""


def test_a_restart_shows_the_unavailable_page_then_the_site_recovers_and_runs_queued_tasks(
    postgres_server, tmp_path
):
    url = postgres_server("start")
    env = site_environment(
        tmp_path / "var", DATABASE_URL=f"{url}/postgres", DATABASE_CONN_MAX_AGE="600"
    )
    prepare_site(env)
    share = tmp_path / "share"
    share.mkdir()
    (share / "Queued before the restart.txt").write_text("Parking permits for staff.\n")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port, workers=1)
    try:
        person = browser()
        signed_in = sign_in(person, base, "wcc.staff0")
        before = fetch(person, f"{base}/")[0]
        # Queued with no worker running: the task waits in the database across the restart.
        run(env, "import_documents", str(share), "--org", "wcc")

        postgres_server("stop")
        down_status, down_page = fetch(person, f"{base}/")
        health_status, health = fetch(browser(), f"{base}/healthz")
        postgres_server("start")
        after = [fetch(person, f"{base}/")[0] for _ in range(3)]
    finally:
        [server_output] = stop(server)

    worker = manage(env, "db_worker", "--batch", "--no-startup-delay")
    worker.wait(timeout=120)

    assert signed_in == [200, 200] and before == 200
    assert down_status == 503
    assert "Sorry, the service is unavailable" in down_page
    assert "Traceback" not in down_page and "OperationalError" not in down_page
    assert health_status == 503 and '"database": "unavailable"' in health
    assert after == [200, 200, 200], server_output  # the same session, without signing in again
    assert run(env, "shell", "-c", QUEUED_EXTRACTION).strip().endswith("done")
