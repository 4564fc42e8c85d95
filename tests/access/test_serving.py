"""Pages and documents are served only through the policy: 404 for others, the statement
for would-be readers, and an audit record for every sensitive view or download."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from intranet.access.models import AuditEvent, CommitmentStatement, InformationSharingAgreement
from intranet.access.statements import accept
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document, set_folder_access
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
    organisation = OrganisationFactory(slug="hf", short_name="H&F")
    CommitmentStatement.objects.create(organisation=organisation, text="Handle with care.")
    return organisation


@pytest.fixture
def rbkc():
    return OrganisationFactory(slug="rbkc", short_name="RBKC")


@pytest.fixture
def sensitive_page(hf):
    page = ContentPageFactory(parent=hf.section_page, title="Case reviews")
    return restrict(
        page, audience="partnership", classification="OFFICIAL-SENSITIVE", caveat="PERSONAL"
    )


def test_a_page_for_another_organisation_is_not_found(hf, rbkc):
    page = restrict(ContentPageFactory(parent=hf.section_page, title="Staff only"), "organisation")
    outsider = UserFactory(username="rbkc.staff", organisations=[rbkc])

    response = signed_in(outsider).get(page.url)

    assert response.status_code == 404
    assert "ask them to check you have access" in response.content.decode()


def test_a_member_who_has_not_accepted_the_statement_is_asked_to_first(hf, sensitive_page):
    member = UserFactory(username="hf.staff", organisations=[hf])

    response = signed_in(member).get(sensitive_page.url)

    assert response.status_code == 302
    assert response["Location"] == f"/statements/hf/?next={sensitive_page.url.replace('/', '%2F')}"


def test_accepting_the_statement_opens_the_page_with_its_classification_banner(hf, sensitive_page):
    member = UserFactory(username="hf.staff", organisations=[hf])
    client = signed_in(member)

    response = client.post(
        "/statements/hf/", {"confirm": "yes", "next": sensitive_page.url}, follow=True
    )

    assert response.redirect_chain[-1][0] == sensitive_page.url
    content = response.content.decode()
    assert "OFFICIAL-SENSITIVE – PERSONAL" in content
    assert 'aria-label="Security classification"' in content


def test_the_statement_must_be_confirmed_not_just_submitted(hf, sensitive_page):
    member = UserFactory(username="hf.staff", organisations=[hf])

    response = signed_in(member).post("/statements/hf/", {"next": sensitive_page.url})

    assert response.status_code == 400
    assert "Confirm that you have read and accept the statement" in response.content.decode()
    assert not member.statement_acceptances.exists()


def test_a_new_statement_version_needs_accepting_again(hf, sensitive_page):
    member = UserFactory(username="hf.staff", organisations=[hf])
    accept(member, hf.statements.get())
    CommitmentStatement.objects.create(organisation=hf, text="Version 2")

    response = signed_in(member).get(sensitive_page.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/statements/hf/")


def test_every_sensitive_view_is_audited_with_its_ground(hf, sensitive_page):
    member = UserFactory(username="hf.staff", organisations=[hf])
    accept(member, hf.statements.get())

    assert signed_in(member).get(sensitive_page.url).status_code == 200

    event = AuditEvent.objects.get(action="view")
    assert (event.username, event.organisation, event.object_id) == (
        "hf.staff",
        hf,
        str(sensitive_page.pk),
    )
    assert event.classification == "OFFICIAL-SENSITIVE"
    assert event.ground == "member of the owning organisation"
    assert event.user_organisations == "hf"


def test_superusers_are_audited_too(hf, sensitive_page):
    operator = UserFactory(username="operator", is_superuser=True)

    assert signed_in(operator).get(sensitive_page.url).status_code == 200
    assert AuditEvent.objects.get(action="view").ground == "platform operator (superuser)"


def test_official_views_are_not_audited(hf):
    page = ContentPageFactory(parent=hf.section_page, title="Annual leave")
    member = UserFactory(username="hf.staff", organisations=[hf])

    assert signed_in(member).get(page.url).status_code == 200
    assert not AuditEvent.objects.filter(action="view").exists()


def test_partner_staff_see_sensitive_content_under_an_agreement_and_the_audit_names_it(
    hf, rbkc, sensitive_page
):
    today = timezone.localdate()
    agreement = InformationSharingAgreement.objects.create(
        grantor=hf,
        grantee=rbkc,
        reference="ISA-7",
        purpose="Joint reviews",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=1),
    )
    agreement.grantee_groups.set(
        [add_to_group(UserFactory(username="x", organisations=[rbkc]), rbkc, "social-care")]
    )
    partner = UserFactory(username="rbkc.socialcare", organisations=[rbkc])
    add_to_group(partner, rbkc, "social-care")
    accept(partner, hf.statements.get())

    assert signed_in(partner).get(sensitive_page.url).status_code == 200
    event = AuditEvent.objects.get(action="view")
    assert event.ground == "information-sharing agreement ISA-7"
    assert event.agreement == agreement


def test_an_agreement_ends_on_its_end_date_with_no_other_action(hf, rbkc, sensitive_page):
    today = timezone.localdate()
    InformationSharingAgreement.objects.create(
        grantor=hf,
        grantee=rbkc,
        reference="ISA-8",
        purpose="Joint reviews",
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today - datetime.timedelta(days=1),
    )
    partner = UserFactory(username="rbkc.staff", organisations=[rbkc])
    accept(partner, hf.statements.get())

    assert signed_in(partner).get(sensitive_page.url).status_code == 404


def test_a_tampered_document_id_is_not_found(hf):
    member = UserFactory(username="hf.staff", organisations=[hf])

    assert signed_in(member).get("/documents/999999/missing.pdf").status_code == 404


def make_document(collection, **access) -> LibraryDocument:
    document = LibraryDocument(title="Case file", collection=collection, **access)
    document.file.save("case-file.txt", ContentFile(b"Names and addresses"), save=False)
    save_document(document)
    return document


def test_document_downloads_follow_the_same_rule_and_are_audited(hf, rbkc):
    document = make_document(hf.library_collection, classification="OFFICIAL-SENSITIVE")
    member = UserFactory(username="hf.staff", organisations=[hf])
    accept(member, hf.statements.get())
    outsider = UserFactory(username="rbkc.staff", organisations=[rbkc])

    assert signed_in(outsider).get(document.url).status_code == 404
    response = signed_in(member).get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Names and addresses"
    event = AuditEvent.objects.get(action="download")
    assert event.object_title == "Case file"


def test_documents_inherit_their_library_collection_access(hf, rbkc):

    set_folder_access(hf.library_collection, audience="organisation")
    document = make_document(hf.library_collection)

    assert document.effective_audience == "organisation"
    assert (
        signed_in(UserFactory(username="r", organisations=[rbkc])).get(document.url).status_code
        == 404
    )
    assert (
        signed_in(UserFactory(username="h", organisations=[hf])).get(document.url).status_code
        == 200
    )
