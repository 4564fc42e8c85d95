"""The library pages meet WCAG 2.2 AA in a real browser."""

import pytest
from django.core.files.base import ContentFile

from intranet.access.models import CommitmentStatement
from intranet.access.statements import accept
from intranet.demo import files
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from intranet.library.versions import archive_file
from tests.browser.axe import assert_accessible
from tests.factories import OrganisationFactory, UserFactory, add_to_group

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def library():
    hf = OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council", short_name="H&F")
    CommitmentStatement.objects.create(organisation=hf, text="Care")
    policies = hf.library_collection.add_child(name="Policies")
    documents = {}
    for title, collection, access in [
        ("Annual leave policy", policies, {}),
        (
            "Adult safeguarding procedure",
            hf.library_collection,
            {"classification": "OFFICIAL-SENSITIVE"},
        ),
    ]:
        document = LibraryDocument(
            title=title, collection=collection, document_type="policy", **access
        )
        document.file.save(f"{title}.pdf", ContentFile(files.pdf([title])), save=False)
        save_document(document)
        documents[title] = document
    member = UserFactory(username="hf.staff", organisations=[hf])
    accept(member, hf.statements.get())
    return member, documents


def test_the_library_page_is_accessible(signed_in_page, library):
    member, _ = library
    page = signed_in_page(member)

    page.goto("/hf/documents/")

    assert page.get_by_role("link", name="Annual leave policy").is_visible()
    assert_accessible(page)
    page.get_by_label("Document type").select_option("policy")
    page.get_by_role("button", name="Apply filters").click()
    assert_accessible(page)


def test_a_sensitive_document_page_is_accessible(signed_in_page, library):
    member, documents = library
    page = signed_in_page(member)

    page.goto(f"/documents/{documents['Adult safeguarding procedure'].pk}/")

    assert "OFFICIAL-SENSITIVE" in page.get_by_role("note").inner_text()
    assert_accessible(page)


def test_an_editors_document_page_with_versions_is_accessible(signed_in_page, library):

    member, documents = library
    document = documents["Annual leave policy"]
    archive_file(document, document.file, member, note="Carry-over rules changed")
    add_to_group(member, document.owner_organisation, "editors")
    page = signed_in_page(member)

    page.goto(f"/documents/{document.pk}/")

    assert page.get_by_role("heading", name="Earlier versions").is_visible()
    assert_accessible(page)


def test_the_upload_form_is_accessible_and_explains_a_mismatched_file(
    signed_in_page, library, tmp_path
):

    member, documents = library
    add_to_group(member, documents["Annual leave policy"].owner_organisation, "editors")
    page = signed_in_page(member)
    page.goto("/hf/documents/add/")
    assert_accessible(page)

    wrong = tmp_path / "policy.pdf"
    wrong.write_bytes(files.docx(["Not really a PDF"]))
    page.get_by_label("Title").fill("Policy")
    page.get_by_label("File").set_input_files(str(wrong))
    page.get_by_role("button", name="Add document").click()

    assert "its content is a Word document" in page.get_by_role("alert").inner_text()
    assert_accessible(page)
