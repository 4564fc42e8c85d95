"""Attachments found under --media-dir (by their URL's path) go into the organisation's
library — documents through the library's one intake check, images as images — and links to
them become document links; an attachment whose file is not there is reported missing with
its URL, and one whose content is not what its name says is refused as an upload would be."""

from io import BytesIO

import pytest
from PIL import Image
from wagtail.contrib.redirects.models import Redirect

from home.models import ContentPage
from intranet.demo import files
from intranet.images.models import IntranetImage
from intranet.library.models import LibraryDocument
from tests.importers.wxr import SITE, item, run_import, sid, write_export

pytestmark = pytest.mark.django_db

UPLOADS = f"{SITE}/wp-content/uploads/2019/03"


def png() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (4, 3), "green").save(buffer, format="PNG")
    return buffer.getvalue()


def attachment(post_id: int, title: str, name: str) -> str:
    return item(
        post_id,
        title,
        post_type="attachment",
        status="inherit",
        attachment_url=f"{UPLOADS}/{name}",
        link=f"{SITE}/{title.lower()}/",
    )


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    folder = tmp_path / "uploads" / "2019" / "03"
    folder.mkdir(parents=True)
    (folder / "policy.pdf").write_bytes(files.pdf(["Travel policy"]))
    (folder / "photo.png").write_bytes(png())
    (folder / "setup.pdf").write_bytes(b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00" + b"\x00" * 100)
    return tmp_path / "uploads"


@pytest.fixture
def export(tmp_path):
    return write_export(
        tmp_path,
        attachment(50, "Policy", "policy.pdf"),
        attachment(51, "Photo", "photo.png"),
        attachment(52, "Setup", "setup.pdf"),
        attachment(53, "Minutes", "minutes.docx"),
        item(1, "Travel", content=f'<p>Read <a href="{UPLOADS}/policy.pdf">the policy</a>.</p>'),
    )


def test_attachments_found_in_the_media_folder_go_into_the_library(organisation, export, media):
    rows, _ = run_import(export, "--media-dir", str(media))

    document = LibraryDocument.objects.get(title="Policy")
    assert rows[sid(50)]["outcome"] == "created"
    assert rows[sid(50)]["target_url"] == f"/documents/{document.pk}/"
    assert document.owner_organisation == organisation
    assert "Travel policy" in document.extracted_text
    image = IntranetImage.objects.get(title="Photo")
    assert rows[sid(51)]["kind"] == "image" and rows[sid(51)]["outcome"] == "created"
    assert (image.width, image.height) == (4, 3)


def test_links_to_an_attachment_become_document_links_and_its_url_redirects(
    organisation, export, media
):
    run_import(export, "--media-dir", str(media))

    document = LibraryDocument.objects.get(title="Policy")
    page = ContentPage.objects.get(title="Travel")
    assert page.body[0].value.source == (
        f'<p>Read <a linktype="document" id="{document.pk}">the policy</a>.</p>'
    )
    redirect = Redirect.objects.get(old_path="/wp-content/uploads/2019/03/policy.pdf")
    assert redirect.link == f"/documents/{document.pk}/"


def test_a_file_that_is_not_what_its_name_says_is_refused_like_an_upload(
    organisation, export, media
):
    rows, _ = run_import(export, "--media-dir", str(media))

    assert rows[sid(52)]["outcome"] == "failed"
    assert rows[sid(52)]["reason"] == (
        "The file is called .pdf but its content is not a document format we accept. "
        "Save it in the format its name says, or rename it, and try again."
    )
    assert not LibraryDocument.objects.filter(title="Setup").exists()


def test_an_attachment_whose_file_is_missing_is_reported_with_its_url(organisation, export, media):
    rows, _ = run_import(export, "--media-dir", str(media))

    assert rows[sid(53)]["outcome"] == "failed"
    assert rows[sid(53)]["reason"] == f"missing: {UPLOADS}/minutes.docx (not found under {media})"


def test_without_a_media_folder_every_attachment_is_reported_missing(organisation, export):
    rows, _ = run_import(export)

    assert rows[sid(50)]["reason"] == f"missing: {UPLOADS}/policy.pdf (no --media-dir given)"


def test_attachments_are_unchanged_on_a_second_run(organisation, export, media):
    run_import(export, "--media-dir", str(media))

    rows, _ = run_import(export, "--media-dir", str(media))

    assert {rows[sid(n)]["outcome"] for n in (50, 51, 1)} == {"unchanged"}
    assert LibraryDocument.objects.filter(title="Policy").count() == 1
