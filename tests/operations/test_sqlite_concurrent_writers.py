"""On the embedded SQLite, the web server, the task worker and an import write at once safely.

Real processes on one database file, as ``make run`` has them: gunicorn (two workers), the
``db_worker`` and ``import_documents`` (whose documents queue text extraction for the worker)
while staff sign in and browse again and again. Before WAL and IMMEDIATE transactions the sign-in
POST failed with a 500 ("database is locked") while the worker indexed the demo.
"""

import pytest
from django.conf import settings

from tests.operations.processes import (
    browser,
    fetch,
    finished,
    free_port,
    manage,
    prepare_site,
    sign_in,
    site_environment,
    start_gunicorn,
    stop,
)

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="proves the embedded SQLite default; PostgreSQL has no database-level write lock",
)

SIGN_INS = 30
DOCUMENTS = 40


def sign_in_and_browse(base: str, username: str) -> list[int]:
    opener = browser()
    return [*sign_in(opener, base, username), fetch(opener, f"{base}/")[0]]


def test_sign_ins_while_the_worker_runs_and_an_import_writes_never_fail(tmp_path):
    env = site_environment(tmp_path / "var")
    prepare_site(env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    files = tmp_path / "share"
    files.mkdir()
    for n in range(DOCUMENTS):
        (files / f"note-{n}.txt").write_text(f"Meeting note {n} about parking and leave.\n" * 50)
    server = start_gunicorn(env, port)
    worker = manage(env, "db_worker", "--interval", "0.1", "--no-startup-delay")
    try:
        importer = manage(env, "import_documents", str(files), "--org", "wcc")
        statuses = []
        for n in range(SIGN_INS):
            statuses += sign_in_and_browse(base, f"wcc.staff{n % 3}")
        import_output = finished(importer)
    finally:
        server_output, worker_output = stop(server, worker)

    assert importer.returncode == 0, import_output
    assert [status for status in statuses if status >= 500] == []
    assert set(statuses) <= {200, 302}
    for output in (server_output, worker_output, import_output):
        assert "database is locked" not in output
