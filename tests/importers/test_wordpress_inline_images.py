"""Images in a post's text that are among the export's imported attachments are embedded as
Wagtail images (by WordPress's wp-image-<id> class, or by their file's path, a size variant
included); any other image is removed and its address reported."""

from io import BytesIO

import pytest
from PIL import Image

from home.models import ContentPage
from intranet.images.models import IntranetImage
from tests.importers.wxr import SITE, item, run_import, sid, write_export

pytestmark = pytest.mark.django_db

UPLOADS = f"{SITE}/wp-content/uploads/2019/03"


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    folder = tmp_path / "uploads" / "2019" / "03"
    folder.mkdir(parents=True)
    buffer = BytesIO()
    Image.new("RGB", (4, 3), "green").save(buffer, format="PNG")
    (folder / "bridge.png").write_bytes(buffer.getvalue())
    return tmp_path / "uploads"


def page_with(tmp_path, content: str):
    return write_export(
        tmp_path,
        item(
            60,
            "Bridge",
            post_type="attachment",
            status="inherit",
            attachment_url=f"{UPLOADS}/bridge.png",
        ),
        item(1, "Works", content=content),
    )


def test_an_image_with_its_wordpress_class_is_embedded(organisation, tmp_path, media):
    export = page_with(
        tmp_path, '<p>See <img class="wp-image-60" src="x.png" alt="The bridge"></p>'
    )

    run_import(export, "--media-dir", str(media))

    image = IntranetImage.objects.get(title="Bridge")
    assert ContentPage.objects.get(title="Works").body[0].value.source == (
        f'<p>See <embed embedtype="image" id="{image.pk}" format="fullwidth" alt="The bridge"/></p>'
    )


def test_a_size_variant_of_an_imported_image_is_embedded_as_that_image(
    organisation, tmp_path, media
):
    export = page_with(tmp_path, f'<img src="{UPLOADS}/bridge-300x225.png" alt="">')

    run_import(export, "--media-dir", str(media))

    image = IntranetImage.objects.get(title="Bridge")
    body = ContentPage.objects.get(title="Works").body[0].value.source
    assert f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt=""/>' in body


def test_an_image_that_was_not_imported_is_removed_and_reported(organisation, tmp_path, media):
    export = page_with(tmp_path, '<p>Map <img src="https://maps.example/tile.png"></p>')

    rows, _ = run_import(export, "--media-dir", str(media))

    assert ContentPage.objects.get(title="Works").body[0].value.source == "<p>Map </p>"
    assert rows[sid(1)]["reason"] == "images not imported, removed: https://maps.example/tile.png"


def test_an_embedded_image_is_shown_on_the_page(organisation, tmp_path, media, staff_client):
    export = page_with(tmp_path, '<img class="wp-image-60" src="x.png" alt="The bridge">')
    run_import(export, "--media-dir", str(media))

    response = staff_client.get(ContentPage.objects.get(title="Works").url)

    assert 'alt="The bridge"' in response.content.decode()
