"""A profile's contact card downloads as vCard 3.0, which Outlook and phones import."""

import pytest
import vobject
from django.test import Client

from intranet.people.services import ensure_building, ensure_team
from tests.clients import signed_in
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def siobhan(hf):
    base = ensure_building(hf, "Hammersmith Town Hall")
    base.address = "King Street\nLondon\nW6 9JU"
    base.save()
    return PersonFactory(
        organisation=hf,
        first_name="Siobhán",
        last_name="O’Brien-Nuñez",
        preferred_name="Shiv",
        job_title="Team manager",
        email="siobhan.obrien@lbhf.gov.uk",
        work_phone="020 7946 0456",
        mobile_phone="07700 900456",
        sip_address="siobhan.obrien@lbhf.gov.uk",
        team=ensure_team(hf, ["Housing", "Allocations"]),
        base=base,
    )


def card_for(client: Client) -> vobject.base.Component:
    response = client.get("/people/siobhan-obrien-nunez/vcard.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="siobhan-obrien-nunez.vcf"'
    return vobject.readOne(response.content.decode())


def test_the_card_parses_back_with_name_job_organisation_and_address(staff_client: Client, siobhan):
    card = card_for(staff_client)

    assert card.version.value == "3.0"
    assert card.fn.value == "Shiv O’Brien-Nuñez"
    assert card.n.value.family == "O’Brien-Nuñez"
    assert card.nickname.value == "Shiv"
    assert card.title.value == "Team manager"
    assert card.org.value == ["Hammersmith & Fulham Council", "Housing", "Allocations"]
    assert card.email.value == "siobhan.obrien@lbhf.gov.uk"
    assert card.adr.value.street == "Hammersmith Town Hall, King Street, London"
    assert card.adr.value.code == "W6 9JU"
    assert card.impp.value == "sip:siobhan.obrien@lbhf.gov.uk"
    assert card.url.value == "http://testserver/people/siobhan-obrien-nunez/"


def test_the_card_carries_the_mobile_only_for_the_persons_own_organisation(
    staff_client: Client, siobhan, hf
):
    partner_phones = [tel.value for tel in card_for(staff_client).contents["tel"]]
    own = signed_in(UserFactory(username="hf.colleague", organisations=[hf]))
    own_phones = [tel.value for tel in card_for(own).contents["tel"]]

    assert partner_phones == ["020 7946 0456"]
    assert own_phones == ["020 7946 0456", "07700 900456"]


def test_the_card_of_someone_the_viewer_may_not_see_is_not_found(siobhan):
    outsider = signed_in(UserFactory(username="contractor"))

    assert outsider.get("/people/siobhan-obrien-nunez/vcard.vcf").status_code == 404
