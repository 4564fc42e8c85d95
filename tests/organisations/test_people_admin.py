"""An organisation's admins manage its groups and members — and no other organisation's."""

import pytest
from django.test import Client

from intranet.access.models import AuditEvent
from intranet.organisations.models import Membership, OrganisationGroup
from tests.clients import refusal
from tests.factories import UserFactory, add_to_group

pytestmark = pytest.mark.django_db


def admin_client(organisation) -> tuple[Client, object]:
    admin = UserFactory(username=f"{organisation.slug}.admin", organisations=[organisation])
    add_to_group(admin, organisation, "admins")
    client = Client()
    client.force_login(admin)
    return client, admin


def test_an_admin_creates_a_group_that_may_include_partner_staff(councils):
    hf, rbkc = councils
    client, _ = admin_client(hf)
    partner = UserFactory(username="rbkc.worker", organisations=[rbkc])

    response = client.post(
        "/admin/snippets/organisations/organisationgroup/add/",
        {
            "organisation": hf.pk,
            "slug": "safeguarding",
            "name": "Safeguarding panel",
            "members": [partner.pk],
        },
    )

    assert response.status_code == 302
    group = OrganisationGroup.objects.get(organisation=hf, slug="safeguarding")
    assert group.identifier == "hf/safeguarding"
    assert list(group.group.user_set.all()) == [partner]
    assert AuditEvent.objects.filter(
        organisation=hf, action="change", object_title="hf/safeguarding"
    ).exists()


def test_an_admin_cannot_create_groups_for_another_organisation(councils):
    hf, rbkc = councils
    client, _ = admin_client(hf)

    response = client.post(
        "/admin/snippets/organisations/organisationgroup/add/",
        {"organisation": rbkc.pk, "slug": "x", "name": "X"},
    )

    assert response.status_code == 200
    assert not OrganisationGroup.objects.filter(organisation=rbkc, slug="x").exists()


def test_an_admin_cannot_open_another_organisations_group(councils):
    hf, rbkc = councils
    client, _ = admin_client(hf)
    theirs = rbkc.groups.get(slug="editors")

    listing = client.get("/admin/snippets/organisations/organisationgroup/").content.decode()

    assert "rbkc/editors" not in listing
    assert "hf/editors" in listing
    assert (
        refusal(client.get(f"/admin/snippets/organisations/organisationgroup/edit/{theirs.pk}/"))
        == "302 /admin/"
    )


def test_an_admin_adds_and_removes_members_and_both_are_audited(councils):
    hf, _ = councils
    client, _ = admin_client(hf)
    newcomer = UserFactory(username="newcomer")

    client.post(
        "/admin/snippets/organisations/membership/add/",
        {"organisation": hf.pk, "user": newcomer.pk},
    )
    membership = Membership.objects.get(user=newcomer, organisation=hf)
    client.post(f"/admin/snippets/organisations/membership/delete/{membership.pk}/")

    assert not Membership.objects.filter(user=newcomer).exists()
    grounds = list(AuditEvent.objects.filter(organisation=hf).values_list("ground", flat=True))
    assert "member added" in grounds and "member removed" in grounds


def test_an_admin_cannot_remove_another_organisations_members(councils):
    hf, rbkc = councils
    client, _ = admin_client(hf)
    theirs = Membership.objects.create(user=UserFactory(username="r"), organisation=rbkc)

    response = client.post(f"/admin/snippets/organisations/membership/delete/{theirs.pk}/")

    assert refusal(response) == "302 /admin/"
    assert Membership.objects.filter(pk=theirs.pk).exists()
