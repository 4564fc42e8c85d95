"""Image files — originals and renditions — are served only through the access policy: 404
for anyone who may not see the image, the statement for would-be readers, an audit record
for every sensitive view, and no media URL at all."""

import importlib

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import clear_url_caches

from intranet.access.models import AuditEvent
from tests.clients import signed_in
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def rendition_url(image) -> str:
    return image.get_rendition("fill-40x30").url


def test_staff_of_another_council_get_404_for_a_social_care_image_and_its_renditions(
    case_image, rbkc_staff
):
    client = signed_in(rbkc_staff)

    assert client.get(case_image.file.url).status_code == 404
    assert client.get(rendition_url(case_image)).status_code == 404
    assert not AuditEvent.objects.exists()


def test_the_councils_own_staff_outside_social_care_get_404_too(case_image, hf_staff):
    assert signed_in(hf_staff).get(case_image.file.url).status_code == 404


def test_a_social_worker_who_accepted_the_statement_sees_the_image_and_it_is_audited(
    hf, case_image, social_worker
):
    client = signed_in(social_worker)

    original = client.get(case_image.file.url)
    rendition = client.get(rendition_url(case_image))

    assert (original.status_code, rendition.status_code) == (200, 200)
    assert original["Content-Type"] == "image/png"
    assert b"".join(original.streaming_content) == case_image.file.open("rb").read()
    assert rendition["Cache-Control"] == "private, no-store"
    assert rendition["X-Content-Type-Options"] == "nosniff"
    events = AuditEvent.objects.filter(action="view").order_by("pk")
    assert [(e.username, e.organisation, e.object_type, e.object_id) for e in events] == [
        ("hf.socialcare", hf, "images.IntranetImage", str(case_image.pk)),
        ("hf.socialcare", hf, "images.IntranetImage", str(case_image.pk)),
    ]
    assert events[0].classification == "OFFICIAL-SENSITIVE"
    assert events[0].ground == "member of the owning organisation"


def test_a_social_worker_who_has_not_accepted_the_statement_is_asked_to_first(
    hf, case_image, social_care_group
):
    newcomer = UserFactory(username="hf.newcomer", organisations=[hf])
    newcomer.groups.add(social_care_group.group)

    response = signed_in(newcomer).get(case_image.file.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/statements/hf/?next=")


def test_signed_out_visitors_are_sent_to_sign_in(case_image):
    response = Client().get(case_image.file.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_image_tag_points_at_the_guarded_view(open_image):
    html = Template("{% load wagtailimages_tags %}{% image image fill-40x30 %}").render(
        Context({"image": open_image})
    )

    rendition = open_image.renditions.get()
    assert f'src="/images/files/{rendition.file.name}"' in html
    assert open_image.file.url == f"/images/files/{open_image.file.name}"


def test_partnership_images_are_visible_to_every_partners_staff(open_image, rbkc_staff):
    wcc = OrganisationFactory(slug="wcc")
    for user in (rbkc_staff, UserFactory(username="wcc.staff", organisations=[wcc])):
        response = signed_in(user).get(rendition_url(open_image))

        assert response.status_code == 200, user.username
        assert response["Cache-Control"] == "private, max-age=300"
    assert not AuditEvent.objects.exists()  # OFFICIAL views are not audited.


def test_people_in_no_partner_organisation_cannot_see_even_partnership_images(open_image):
    stranger = UserFactory(username="contractor")

    assert signed_in(stranger).get(open_image.file.url).status_code == 404


def test_a_file_name_that_belongs_to_no_image_is_not_found(open_image, rbkc_staff):
    client = signed_in(rbkc_staff)

    assert client.get("/images/files/original_images/missing.png").status_code == 404
    assert client.get("/images/files/../../settings.py").status_code == 404


@pytest.fixture
def debug_urlconf(settings):
    """The URLconf as ``manage.py runserver`` builds it, with DEBUG on."""
    import intranet.urls

    settings.DEBUG = True
    clear_url_caches()
    importlib.reload(intranet.urls)
    yield
    settings.DEBUG = False
    importlib.reload(intranet.urls)
    clear_url_caches()


def test_image_files_have_no_media_url_even_in_development(debug_urlconf, settings, case_image):
    client = signed_in(UserFactory(username="operator", is_superuser=True))

    for name in (case_image.file.name, case_image.get_rendition("fill-40x30").file.name):
        assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404
