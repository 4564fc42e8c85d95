"""The web tier is stateless: two gunicorn instances and two workers on one PostgreSQL, one
OpenSearch and S3 (s3proxy) serve one site — a person signed in on one is signed in on the
other, a document imported through one machine downloads through either, and search finds it.

Everything real (the services pass starts OpenSearch and s3proxy; the database is a PostgreSQL
of this test's own). This is how a partnership scales out: more web and worker processes.
"""

import os
import re
import time
import uuid

import boto3
import pytest
from botocore.config import Config
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

S3_ENDPOINT = os.environ.get("COMMONS_TEST_S3_ENDPOINT", "")
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
    or not (S3_ENDPOINT and OPENSEARCH_URL),
    reason="needs PostgreSQL, OpenSearch and s3proxy: runs in the services pass",
)
S3_KEYS = {
    "AWS_ACCESS_KEY_ID": os.environ.get("S3PROXY_ACCESS_KEY", "local-identity"),
    "AWS_SECRET_ACCESS_KEY": os.environ.get("S3PROXY_SECRET_KEY", "local-credential"),
}
DOCUMENT_ID = """
from intranet.library.models import LibraryDocument
print(LibraryDocument.objects.get(title="Shared parking rota").pk)
"""


@pytest.fixture
def bucket() -> str:
    name = f"commons-two-{uuid.uuid4().hex[:8]}"
    boto3.client(
        "s3",
        endpoint_url=S3_ENDPOINT,
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        aws_access_key_id=S3_KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_KEYS["AWS_SECRET_ACCESS_KEY"],
    ).create_bucket(Bucket=name)
    return name


def search_until_found(person, base: str, word: str, title: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        page = fetch(person, f"{base}/search/?q={word}")[1]
        if title in page or time.monotonic() > deadline:
            return page
        time.sleep(1)


def test_two_web_instances_and_two_workers_serve_one_site(postgres_server, bucket, tmp_path):
    prefix = f"commons_two_{uuid.uuid4().hex[:6]}_"
    env = site_environment(
        tmp_path / "var",
        DATABASE_URL=f"{postgres_server('start')}/postgres",
        OPENSEARCH_URL=OPENSEARCH_URL,
        OPENSEARCH_MAJOR_VERSION=os.environ.get("OPENSEARCH_MAJOR_VERSION", "3"),
        SEARCH_INDEX_PREFIX=prefix,
        AWS_STORAGE_BUCKET_NAME=bucket,
        AWS_S3_ENDPOINT_URL=S3_ENDPOINT,
        AWS_S3_REGION_NAME="us-east-1",
        **S3_KEYS,
    )
    prepare_site(env)
    run(env, "rebuild_search")  # creates the engine's indexes with their mappings
    share = tmp_path / "share"
    share.mkdir()
    (share / "Shared parking rota.txt").write_text("Zebrafinch rota for the Town Hall car park.\n")
    ports = free_port(), free_port()
    one, two = (f"http://127.0.0.1:{port}" for port in ports)
    processes = [start_gunicorn(env, port, workers=1) for port in ports]
    processes += [manage(env, "db_worker", "--no-startup-delay") for _ in range(2)]
    try:
        person = browser()
        signed_in_on_one = sign_in(person, one, "wcc.staff0")
        run(env, "import_documents", str(share), "--org", "wcc")
        document_id = run(env, "shell", "-c", DOCUMENT_ID).strip().splitlines()[-1]
        page_on_two = fetch(person, f"{two}/documents/{document_id}/")
        link = re.search(rf'href="(/documents/{document_id}/[^"/]+\.txt)"', page_on_two[1])
        download_on_two = fetch(person, f"{two}{link.group(1)}")
        found_on_one = search_until_found(person, one, "zebrafinch", "Shared parking rota")
        anonymous_on_two = fetch(browser(), f"{two}/documents/{document_id}/")
    finally:
        outputs = stop(*processes)
        run(
            env,
            "shell",
            "-c",
            "from search.engine_indexes import delete_all_indexes; delete_all_indexes()",
        )

    assert signed_in_on_one == [200, 200]
    assert page_on_two[0] == 200 and "Shared parking rota" in page_on_two[1], outputs[1]
    # The download is checked, then redirected to S3 (followed here): the file's bytes.
    assert download_on_two == (200, "Zebrafinch rota for the Town Hall car park.\n")
    assert "Shared parking rota" in found_on_one
    assert anonymous_on_two[0] == 200 and "Sign in" in anonymous_on_two[1]  # the sign-in page
