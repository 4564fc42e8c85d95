"""Image files on a real S3-compatible server: the page's URL is still the guarded view,
which redirects only permitted viewers to a short-lived signed URL.

Runs when COMMONS_TEST_S3_ENDPOINT is set (`.ci/run` sets it)."""

import urllib.request

import pytest

from tests.clients import signed_in
from tests.factories import ImageFactory
from tests.library.test_s3_storage import ENDPOINT, buckets, keys  # noqa: F401  (fixture)

pytestmark = [
    pytest.mark.s3,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not ENDPOINT, reason="no S3 server (set COMMONS_TEST_S3_ENDPOINT; `scripts/s3proxy start`)"
    ),
]


def test_a_permitted_viewer_is_redirected_to_a_signed_url_of_the_image(
    buckets,  # noqa: F811
    social_worker,
    social_care_folder,
):
    image = ImageFactory(title="Case chronology diagram", collection=social_care_folder)
    rendition = image.get_rendition("fill-40x30")
    assert {image.file.name, rendition.file.name} <= keys(buckets["shared"])
    assert rendition.url == f"/images/files/{rendition.file.name}"

    response = signed_in(social_worker).get(rendition.url)

    assert response.status_code == 302
    signed_url = response["Location"]
    assert "X-Amz-Signature=" in signed_url and "X-Amz-Expires=60" in signed_url
    assert response["Cache-Control"] == "private, no-store"
    with urllib.request.urlopen(signed_url) as fetched:
        assert fetched.read()[:8] == b"\x89PNG\r\n\x1a\n"


def test_someone_who_may_not_see_the_image_gets_no_signed_url(
    buckets,  # noqa: F811
    rbkc_staff,
    case_image,
):
    response = signed_in(rbkc_staff).get(case_image.file.url)

    assert response.status_code == 404
    assert "Location" not in response
