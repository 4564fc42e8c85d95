"""Wagtail's image admin obeys the access policy: an editor never sees, opens, chooses or
reads through the admin API an image they may not view, even in their own library."""

import pytest
from django.urls import reverse

from intranet.images.models import IntranetImage
from tests.clients import signed_in
from tests.factories import UserFactory, add_to_group
from tests.images.conftest import make_images_searchable

pytestmark = pytest.mark.django_db

CASE = "Case chronology diagram"
OPEN = "Town hall at dusk"


@pytest.fixture
def editor_client(hf_editor, case_image, open_image):
    make_images_searchable()
    return signed_in(hf_editor)


def test_the_image_index_and_its_search_leave_out_images_the_editor_may_not_view(
    editor_client,
):
    listing = editor_client.get("/admin/images/")
    hidden = editor_client.get("/admin/images/", {"q": "diagram"})
    found = editor_client.get("/admin/images/", {"q": "town"})

    assert (listing.status_code, hidden.status_code, found.status_code) == (200, 200, 200)
    assert OPEN in listing.content.decode()
    assert CASE not in listing.content.decode()
    assert CASE not in hidden.content.decode()
    assert OPEN in found.content.decode()


def test_the_image_chooser_and_its_search_leave_them_out(editor_client):
    chooser = editor_client.get(reverse("wagtailimages_chooser:choose"))
    search = editor_client.get(reverse("wagtailimages_chooser:choose_results"), {"q": "diagram"})
    everything = editor_client.get(reverse("wagtailimages_chooser:choose_results"))

    assert (chooser.status_code, search.status_code) == (200, 200)
    assert CASE not in chooser.content.decode()
    assert CASE not in search.content.decode()
    assert (
        OPEN
        in editor_client.get(
            reverse("wagtailimages_chooser:choose_results"), {"q": "town"}
        ).content.decode()
    )
    assert OPEN in everything.content.decode()
    assert CASE not in everything.content.decode()


def test_choosing_a_hidden_image_by_its_id_is_refused(editor_client, case_image):
    response = editor_client.get(
        reverse("wagtailimages_chooser:chosen", args=[case_image.pk]),
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 403
    assert CASE not in response.content.decode()


def test_opening_a_hidden_image_in_the_editor_is_permission_denied(editor_client, case_image):
    for url in (
        reverse("wagtailimages:edit", args=[case_image.pk]),
        reverse("wagtailimages:delete", args=[case_image.pk]),
        reverse("wagtailimages:preview", args=[case_image.pk, "fill-40x30"]),
        reverse("wagtailimages:image_usage", args=[case_image.pk]),
    ):
        response = editor_client.get(url)

        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home")
    # The multiple-upload form edits an image by id over XHR.
    multiple = editor_client.post(
        reverse("wagtailimages:edit_multiple", args=[case_image.pk]),
        {f"image-{case_image.pk}-title": "Renamed"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert multiple.status_code == 403
    assert IntranetImage.objects.get(pk=case_image.pk).title == CASE


def test_the_permission_denied_message_is_wagtails_own(editor_client, case_image):
    response = editor_client.get(reverse("wagtailimages:edit", args=[case_image.pk]), follow=True)

    assert "Sorry, you do not have permission to access this area." in response.content.decode()


def test_the_admin_api_lists_and_shows_only_images_the_editor_may_view(
    editor_client, case_image, open_image
):
    listing = editor_client.get("/admin/api/main/images/")
    detail = editor_client.get(f"/admin/api/main/images/{case_image.pk}/")

    assert listing.status_code == 200
    assert [item["title"] for item in listing.json()["items"]] == [OPEN]
    assert listing.json()["meta"]["total_count"] == 1
    assert detail.status_code == 404
    assert CASE not in detail.content.decode()
    searched = editor_client.get("/admin/api/main/images/", {"search": "diagram"})
    assert (searched.status_code, searched.json()["items"]) == (200, [])


def test_an_editor_in_social_care_who_accepted_the_statement_sees_the_image(
    hf, social_worker, case_image
):
    add_to_group(social_worker, hf, "editors")
    client = signed_in(social_worker)

    assert CASE in client.get("/admin/images/").content.decode()
    assert client.get(reverse("wagtailimages:edit", args=[case_image.pk])).status_code == 200
    titles = [item["title"] for item in client.get("/admin/api/main/images/").json()["items"]]
    assert titles == [CASE]


def test_moving_images_in_bulk_recomputes_their_access(
    hf, hf_editor, open_image, social_care_folder, rbkc_staff
):
    # The editor may add to the social-care folder without being allowed to see inside it.
    response = signed_in(hf_editor).post(
        reverse("wagtail_bulk_action", args=["images", "intranetimage", "add_to_collection"])
        + f"?id={open_image.pk}",
        {"collection": social_care_folder.pk},
    )

    assert response.status_code == 302
    moved = IntranetImage.objects.get(pk=open_image.pk)
    assert moved.collection_id == social_care_folder.pk
    assert (moved.effective_audience, moved.effective_classification) == (
        "groups",
        "OFFICIAL-SENSITIVE",
    )
    assert signed_in(rbkc_staff).get(moved.file.url).status_code == 404


def test_operators_see_every_image(case_image, open_image):
    operator = signed_in(UserFactory(username="operator", is_superuser=True))

    titles = {item["title"] for item in operator.get("/admin/api/main/images/").json()["items"]}

    assert titles == {CASE, OPEN}
