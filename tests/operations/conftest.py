import os
import subprocess
import tempfile

import pytest

from tests.operations.processes import ROOT, free_port


@pytest.fixture
def postgres_server():
    """Start/stop functions for a PostgreSQL of this test's own; yields its URL."""
    data = tempfile.mkdtemp(prefix="commons-restart-pg-", dir="/tmp")
    env = {**os.environ, "COMMONS_PG_PORT": str(free_port()), "COMMONS_PG_DATA": data}

    def postgres(action: str) -> str:
        done = subprocess.run(
            [ROOT / "scripts" / "postgres", action],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    yield postgres
    postgres("stop")
    subprocess.run(["rm", "-rf", data], check=False)
