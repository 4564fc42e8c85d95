"""Running the site as real processes (gunicorn, db_worker, commands) and talking HTTP to it."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-password-for-processes"
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


def site_environment(var_dir: Path, **settings: str) -> dict:
    """This process's environment without its services, for a site of its own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "OPENSEARCH", "ELASTICSEARCH", "AWS_", "PYTEST"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="intranet.settings.dev",
        DEBUG="false",
        COMMONS_VAR_DIR=str(var_dir),
        PYTHONUNBUFFERED="1",
        **settings,
    )
    return env


def _started(command: list[str], env: dict) -> subprocess.Popen:
    """Output to a file, read by ``output()``: a pipe nobody reads fills and blocks the process."""
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 — lives as long as the process
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True
    )
    process.log = log
    return process


def output(process: subprocess.Popen) -> str:
    process.log.seek(0)
    return process.log.read()


def manage(env: dict, *args: str) -> subprocess.Popen:
    return _started([sys.executable, "manage.py", *args], env)


def finished(process: subprocess.Popen, timeout: float = 300) -> str:
    """Wait for the process; its output."""
    process.wait(timeout=timeout)
    return output(process)


def run(env: dict, *args: str) -> str:
    process = manage(env, *args)
    text = finished(process)
    assert process.returncode == 0, text
    return text


def prepare_site(env: dict) -> None:
    """Migrated, with one organisation (wcc) and three staff: wcc.staff0 … wcc.staff2."""
    run(env, "migrate", "--no-input", "--verbosity", "0")
    run(env, "create_organisation", "wcc", "--name", "Westminster City Council")
    run(env, "shell", "-c", MAKE_STAFF)


def start_gunicorn(env: dict, port: int, workers: int = 2) -> subprocess.Popen:
    server = _started(
        [sys.executable, "-m", "gunicorn", "--config", "intranet/gunicorn.conf.py"],
        {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10)
            return server
        except OSError:  # refused, reset or timed out while it starts
            time.sleep(0.3)
    server.kill()
    raise AssertionError(f"gunicorn did not start serving: {finished(server)}")


def processes_of(var_dir: Path) -> list[int]:
    """The processes still running for the site in ``var_dir`` (its children too), found by
    their environment: Linux's /proc."""
    marker = f"COMMONS_VAR_DIR={var_dir}".encode()
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker in environ.read_bytes().split(b"\0"):
                found.append(int(environ.parent.name))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


def wait_for(condition, timeout: float = 120, interval: float = 0.05):
    """The first truthy value of condition(), polled until timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(interval)
    raise AssertionError("timed out waiting")


def stop(*processes: subprocess.Popen) -> list[str]:
    """Terminate the processes; their output."""
    for process in processes:
        process.terminate()
    return [finished(process, timeout=30) for process in processes]


def browser():
    """A cookie-keeping HTTP client, like one person's browser."""
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


def fetch(opener, url: str, data: dict | None = None) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if data else None
    request = urllib.request.Request(url, data=body)
    request.add_header("Referer", url)
    try:
        response = opener.open(request, timeout=60)
        return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def sign_in(opener, base: str, username: str) -> list[int]:
    """Through the sign-in form, as a person would; the statuses of the form and the POST."""
    form_status, form = fetch(opener, f"{base}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    credentials = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    sign_in_status, _ = fetch(opener, f"{base}/accounts/login/", credentials)
    return [form_status, sign_in_status]
