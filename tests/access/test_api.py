"""The Wagtail API v2 lists only what the user may open, with each item's effective access."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from intranet.access.models import AuditEvent, CommitmentStatement
from intranet.access.statements import accept
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from tests.clients import signed_in
from tests.factories import (
    ContentPageFactory,
    OrganisationFactory,
    UserFactory,
    add_to_group,
    restrict,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hf():
    organisation = OrganisationFactory(slug="hf")
    CommitmentStatement.objects.create(organisation=organisation, text="Care")
    return organisation


def titles(response) -> set[str]:
    return {item["title"] for item in response.json()["items"]}


def test_anonymous_callers_get_401_json_not_a_login_page(hf):
    response = Client().get("/api/v2/pages/")

    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")


def test_page_listing_is_trimmed_and_shows_effective_access(hf):
    rbkc = OrganisationFactory(slug="rbkc")
    care = add_to_group(UserFactory(username="seed"), hf, "social-care")
    ContentPageFactory(parent=hf.section_page, title="Open guidance")
    restrict(ContentPageFactory(parent=hf.section_page, title="Staff only"), "organisation")
    restrict(ContentPageFactory(parent=hf.section_page, title="Care rota"), "groups", groups=[care])
    outsider = UserFactory(username="rbkc.staff", organisations=[rbkc])
    member = UserFactory(username="hf.staff", organisations=[hf])
    member.groups.add(care.group)

    theirs = signed_in(outsider).get("/api/v2/pages/?type=home.ContentPage")
    ours = signed_in(member).get("/api/v2/pages/?type=home.ContentPage&fields=groups")

    assert titles(theirs) == {"Open guidance"}
    assert titles(ours) == {"Open guidance", "Staff only", "Care rota"}
    rota = next(item for item in ours.json()["items"] if item["title"] == "Care rota")
    assert rota["meta"]["organisation"] == "hf"
    assert rota["meta"]["audience"] == "groups"
    assert rota["meta"]["groups"] == ["hf/social-care"]
    assert rota["meta"]["classification"] == "OFFICIAL"


def test_a_hidden_page_is_not_found_in_detail(hf):
    rbkc = OrganisationFactory(slug="rbkc")
    page = restrict(ContentPageFactory(parent=hf.section_page, title="Staff only"), "organisation")

    response = signed_in(UserFactory(username="x", organisations=[rbkc])).get(
        f"/api/v2/pages/{page.pk}/"
    )

    assert response.status_code == 404


def test_reading_a_sensitive_page_through_the_api_is_audited(hf):
    page = restrict(
        ContentPageFactory(parent=hf.section_page, title="Reviews"),
        classification="OFFICIAL-SENSITIVE",
    )
    member = UserFactory(username="hf.staff", organisations=[hf])
    accept(member, hf.statements.get())

    response = signed_in(member).get(f"/api/v2/pages/{page.pk}/")

    assert response.status_code == 200
    assert response.json()["meta"]["classification"] == "OFFICIAL-SENSITIVE"
    assert AuditEvent.objects.filter(action="view", object_id=str(page.pk)).exists()


def test_document_listing_is_trimmed_and_has_download_urls(hf):
    rbkc = OrganisationFactory(slug="rbkc")
    for title, audience in [("Leave form", ""), ("Pay scales", "organisation")]:
        document = LibraryDocument(title=title, collection=hf.library_collection, audience=audience)
        document.file.save(f"{title}.txt", ContentFile(b"x"), save=False)
        save_document(document)

    theirs = signed_in(UserFactory(username="r", organisations=[rbkc])).get("/api/v2/documents/")
    ours = signed_in(UserFactory(username="h", organisations=[hf])).get("/api/v2/documents/")

    assert titles(theirs) == {"Leave form"}
    assert titles(ours) == {"Leave form", "Pay scales"}
    item = ours.json()["items"][0]
    assert "/documents/" in item["meta"]["download_url"]
    assert item["meta"]["organisation"] == "hf"
