"""Images inherit their library folder's access, as documents do, and the policy judges them
in both its forms (one item, and a query filter) with the same answer."""

import pytest
from wagtail.models import Collection

from intranet.access.effective import SHARED, refresh_missing
from intranet.access.models import OrganisationPolicy
from intranet.access.policy import can_view, facts_for, visible_to
from intranet.access.rules import AccessFacts
from intranet.images.models import IntranetImage
from intranet.images.services import save_image
from intranet.library.services import organisation_policy_changed, set_folder_access
from tests.factories import ImageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_image_takes_the_access_of_the_library_folder_it_is_filed_in(
    hf, case_image, social_care_group
):
    assert facts_for(case_image) == AccessFacts(
        owner_id=hf.pk,
        audience="groups",
        classification="OFFICIAL-SENSITIVE",
        group_ids=frozenset({social_care_group.pk}),
    )
    stored = IntranetImage.objects.get(pk=case_image.pk)
    assert (stored.owner_organisation, stored.effective_audience) == (hf, "groups")


def test_an_image_outside_every_library_is_for_all_partner_staff_and_official(db):
    image = ImageFactory(title="Partnership logo", collection=Collection.get_first_root_node())

    assert facts_for(image) == SHARED


def test_an_image_in_a_councils_library_follows_its_policy_default(hf, open_image):
    assert facts_for(open_image) == AccessFacts(
        owner_id=hf.pk, audience="partnership", classification="OFFICIAL"
    )

    OrganisationPolicy.objects.filter(organisation=hf).update(default_audience="organisation")
    hf.policy.refresh_from_db()
    hf.policy.refresh_from_db()
    organisation_policy_changed(hf)

    open_image.refresh_from_db()
    assert facts_for(open_image).audience == "organisation"


def test_moving_an_image_into_a_restricted_folder_narrows_it_at_once(
    open_image, social_care_folder, rbkc_staff
):
    assert can_view(rbkc_staff, open_image)

    open_image.collection = social_care_folder
    save_image(open_image)

    assert IntranetImage.objects.get(pk=open_image.pk).effective_audience == "groups"
    assert not can_view(rbkc_staff, IntranetImage.objects.get(pk=open_image.pk))


def test_changing_a_folders_access_recomputes_the_images_in_it_and_below(hf, rbkc_staff):
    folder = hf.library_collection.add_child(name="HR")
    subfolder = folder.add_child(name="Payroll")
    image = ImageFactory(title="Payslip example", collection=subfolder)
    assert can_view(rbkc_staff, image)

    set_folder_access(folder, audience="organisation")

    image = IntranetImage.objects.get(pk=image.pk)
    assert (image.owner_organisation_id, image.effective_audience) == (hf.pk, "organisation")
    assert not can_view(rbkc_staff, image)


def test_images_without_effective_access_are_refused_until_they_are_given_some(
    open_image, hf_staff
):
    IntranetImage.objects.filter(pk=open_image.pk).update(effective_audience="")
    blank = IntranetImage.objects.get(pk=open_image.pk)
    assert facts_for(blank) is None
    assert not can_view(hf_staff, blank)
    assert not visible_to(hf_staff, IntranetImage.objects.all()).exists()

    assert refresh_missing() >= 1

    assert can_view(hf_staff, IntranetImage.objects.get(pk=open_image.pk))


def test_the_query_form_agrees_with_the_item_form_for_every_image_and_viewer(
    hf, rbkc, case_image, open_image, social_worker, hf_staff, rbkc_staff
):
    shared = ImageFactory(title="Partnership logo")
    operator = UserFactory(username="operator", is_superuser=True)
    images = IntranetImage.objects.all()

    for user in (social_worker, hf_staff, rbkc_staff, operator):
        by_item = {image.pk for image in images if can_view(user, image)}
        by_query = set(visible_to(user, images).values_list("pk", flat=True))
        assert by_item == by_query, user.username

    assert set(visible_to(rbkc_staff, images)) == {open_image, shared}
    assert set(visible_to(social_worker, images)) == {case_image, open_image, shared}
