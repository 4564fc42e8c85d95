"""Library files on a real S3-compatible server (s3proxy, started by `scripts/s3proxy`):
organisation prefixes, a bucket of one's own, and downloads as access-checked signed redirects.

Runs when COMMONS_TEST_S3_ENDPOINT is set (`.ci/run` sets it)."""

import os
import urllib.error
import urllib.request
import uuid

import pytest
from django.core.files.base import ContentFile

from intranet.demo import files
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from tests.clients import signed_in
from tests.factories import OrganisationFactory, UserFactory

ENDPOINT = os.environ.get("COMMONS_TEST_S3_ENDPOINT", "")
ACCESS_KEY = os.environ.get("S3PROXY_ACCESS_KEY", "local-identity")
SECRET_KEY = os.environ.get("S3PROXY_SECRET_KEY", "local-credential")

pytestmark = [
    pytest.mark.s3,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not ENDPOINT, reason="no S3 server (set COMMONS_TEST_S3_ENDPOINT; `scripts/s3proxy start`)"
    ),
]


def client():
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=ENDPOINT,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )


@pytest.fixture
def buckets(settings):
    """A fresh shared bucket and a bucket of RBKC's own, with S3 switched on."""
    names = {"shared": f"commons-{uuid.uuid4().hex[:8]}", "rbkc": f"rbkc-{uuid.uuid4().hex[:8]}"}
    s3 = client()
    for name in names.values():
        s3.create_bucket(Bucket=name)
    settings.AWS_STORAGE_BUCKET_NAME = names["shared"]
    settings.COMMONS_S3_BUCKETS = {"rbkc": names["rbkc"]}
    settings.AWS_S3_ENDPOINT_URL = ENDPOINT
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_ACCESS_KEY_ID = ACCESS_KEY
    settings.AWS_SECRET_ACCESS_KEY = SECRET_KEY
    settings.AWS_S3_ADDRESSING_STYLE = "path"
    settings.AWS_S3_SIGNATURE_VERSION = "s3v4"
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_QUERYSTRING_AUTH = True
    settings.AWS_QUERYSTRING_EXPIRE = 60
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    yield names
    for name in names.values():
        for item in s3.list_objects_v2(Bucket=name).get("Contents", []):
            s3.delete_object(Bucket=name, Key=item["Key"])
        s3.delete_bucket(Bucket=name)


def add(collection, title: str) -> LibraryDocument:
    document = LibraryDocument(title=title, collection=collection)
    document.file.save(f"{title}.pdf", ContentFile(files.pdf([title])), save=False)
    save_document(document)
    document.refresh_from_db()
    return document


def keys(bucket: str) -> set[str]:
    return {item["Key"] for item in client().list_objects_v2(Bucket=bucket).get("Contents", [])}


def test_each_organisations_files_go_under_its_own_prefix_and_are_read(buckets):
    wcc = OrganisationFactory(slug="wcc")

    document = add(wcc.library_collection, "parking-policy")

    assert document.file.name.startswith("wcc/documents/")
    assert document.file.name in keys(buckets["shared"])
    assert document.extraction_status == "done"
    assert "parking-policy" in document.extracted_text


def test_an_organisation_may_keep_its_files_in_a_bucket_of_its_own(buckets):
    rbkc = OrganisationFactory(slug="rbkc")

    document = add(rbkc.library_collection, "rbkc-policy")

    assert document.file.name in keys(buckets["rbkc"])
    assert not keys(buckets["shared"])


def test_a_download_is_a_checked_redirect_to_a_short_lived_signed_url(buckets):
    wcc = OrganisationFactory(slug="wcc")
    document = add(wcc.library_collection, "leave")
    member = signed_in(UserFactory(username="w", organisations=[wcc]))

    response = member.get(document.url)

    assert response.status_code == 302
    signed_url = response["Location"]
    assert "X-Amz-Signature=" in signed_url and "X-Amz-Expires=60" in signed_url
    with urllib.request.urlopen(signed_url) as fetched:
        assert fetched.read()[:5] == b"%PDF-"
    unsigned = signed_url.split("?", 1)[0]
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(unsigned)
    assert refused.value.code == 403


def test_someone_who_may_not_see_the_document_gets_no_signed_url(buckets):
    wcc, hf = OrganisationFactory(slug="wcc"), OrganisationFactory(slug="hf")
    document = LibraryDocument(
        title="pay", collection=wcc.library_collection, audience="organisation"
    )
    document.file.save("pay.pdf", ContentFile(files.pdf(["pay"])), save=False)
    save_document(document)

    response = signed_in(UserFactory(username="h", organisations=[hf])).get(document.url)

    assert response.status_code == 404
    assert "Location" not in response
