"""On the embedded SQLite, the web server, the task worker and an import write at once safely.

Real processes on one database file, as ``make run`` has them: gunicorn (two workers), the
``db_worker`` and ``import_documents`` (whose documents queue text extraction for the worker)
while staff sign in and browse again and again. Before WAL and IMMEDIATE transactions the sign-in
POST failed with a 500 ("database is locked") while the worker indexed the demo.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="proves the embedded SQLite default; PostgreSQL has no database-level write lock",
)

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-password-for-sqlite"
SIGN_INS = 30
DOCUMENTS = 40
MAKE_STAFF = f"""
from intranet.organisations.models import Membership, Organisation
from intranet.users.models import User
wcc = Organisation.objects.get(slug="wcc")
for n in range(3):
    user = User.objects.create_user(f"wcc.staff{{n}}", password="{PASSWORD}")
    Membership.objects.create(user=user, organisation=wcc)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env: dict, *args: str, **popen) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **popen,
    )


def run(env: dict, *args: str) -> None:
    process = manage(env, *args)
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output


def wait_until_serving(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise AssertionError("gunicorn did not start serving")


def fetch(opener, url: str, data: dict | None = None) -> tuple[int, str]:
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(data).encode() if data else None
    )
    request.add_header("Referer", url)
    try:
        response = opener.open(request, timeout=60)
        return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def sign_in_and_browse(base: str, username: str) -> list[int]:
    """Sign in through the form as a person would, then open the home page; the statuses."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    form_status, form = fetch(opener, f"{base}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    credentials = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    sign_in_status, _ = fetch(opener, f"{base}/accounts/login/", credentials)
    home_status, _ = fetch(opener, f"{base}/")
    return [form_status, sign_in_status, home_status]


@pytest.fixture
def site_environment(tmp_path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "OPENSEARCH", "ELASTICSEARCH", "AWS_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="intranet.settings.dev",
        DEBUG="false",
        COMMONS_VAR_DIR=str(tmp_path / "var"),
        PYTHONUNBUFFERED="1",
    )
    run(env, "migrate", "--no-input", "--verbosity", "0")
    run(env, "create_organisation", "wcc", "--name", "Westminster City Council")
    run(env, "shell", "-c", MAKE_STAFF)
    return env


def test_sign_ins_while_the_worker_runs_and_an_import_writes_never_fail(site_environment, tmp_path):
    env = site_environment
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    files = tmp_path / "share"
    files.mkdir()
    for n in range(DOCUMENTS):
        (files / f"note-{n}.txt").write_text(f"Meeting note {n} about parking and leave.\n" * 50)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "intranet/gunicorn.conf.py"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    worker = manage(env, "db_worker", "--interval", "0.1", "--no-startup-delay")
    try:
        wait_until_serving(base)
        importer = manage(env, "import_documents", str(files), "--org", "wcc")
        statuses = []
        for n in range(SIGN_INS):
            statuses += sign_in_and_browse(base, f"wcc.staff{n % 3}")
        import_output, _ = importer.communicate(timeout=300)
    finally:
        for process in (server, worker):
            process.terminate()
        server_output = server.communicate(timeout=30)[0]
        worker_output = worker.communicate(timeout=30)[0]

    assert importer.returncode == 0, import_output
    assert [status for status in statuses if status >= 500] == []
    assert set(statuses) <= {200, 302}
    for output in (server_output, worker_output, import_output):
        assert "database is locked" not in output
