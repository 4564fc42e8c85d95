"""Images added through Wagtail's admin take their folder's access as they are saved: one at a
time, several at a time, or edited into another folder."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intranet.access.policy import can_view
from intranet.demo import files
from intranet.images.models import IntranetImage
from tests.clients import signed_in

pytestmark = pytest.mark.django_db


def png(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, files.png(name, size=(80, 60)), content_type="image/png")


def test_an_image_uploaded_several_at_a_time_takes_its_folders_access(
    hf_editor, social_care_folder, hf_staff
):
    response = signed_in(hf_editor).post(
        reverse("wagtailimages:add_multiple"),
        {"collection": social_care_folder.pk, "files[]": png("case-map.png")},
    )

    assert response.json()["success"] is True, response.json()
    image = IntranetImage.objects.get()
    assert (image.effective_audience, image.effective_classification) == (
        "groups",
        "OFFICIAL-SENSITIVE",
    )
    assert not can_view(hf_staff, image)


def test_an_image_edited_into_a_restricted_folder_is_restricted_at_once(
    hf_editor, open_image, social_care_folder, hf_staff
):
    response = signed_in(hf_editor).post(
        reverse("wagtailimages:edit", args=[open_image.pk]),
        {"title": open_image.title, "collection": social_care_folder.pk},
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    moved = IntranetImage.objects.get(pk=open_image.pk)
    assert moved.effective_audience == "groups"
    assert not can_view(hf_staff, moved)
