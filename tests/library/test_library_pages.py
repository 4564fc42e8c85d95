"""Staff browse each organisation's library, all libraries at once, and a document's page —
seeing only what the policy lets them open."""

import pytest
from django.core.files.base import ContentFile

from intranet.access.models import AuditEvent, CommitmentStatement
from intranet.access.statements import accept
from intranet.demo import files
from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from tests.clients import signed_in
from tests.factories import LibraryDocumentFactory, UserFactory, add_to_group

pytestmark = pytest.mark.django_db


def add(collection, title, fmt="pdf", **fields) -> LibraryDocument:
    return LibraryDocumentFactory(
        title=title,
        collection=collection,
        content={"pdf": files.pdf, "docx": files.docx}[fmt]([title]),
        filename=f"{title.lower().replace(' ', '-')}.{fmt}",
        **fields,
    )


def test_an_organisations_library_lists_its_visible_documents(councils):
    hf, rbkc = councils
    add(hf.library_collection, "Leave policy", document_type="policy")
    add(hf.library_collection, "Pay scales", audience="organisation")
    add(rbkc.library_collection, "RBKC guide")
    outsider = signed_in(UserFactory(username="r", organisations=[rbkc]))
    member = signed_in(UserFactory(username="h", organisations=[hf]))

    theirs = outsider.get("/hf/documents/").content.decode()
    ours = member.get("/hf/documents/").content.decode()

    assert "Leave policy" in theirs and "Pay scales" not in theirs and "RBKC guide" not in theirs
    assert "1 document<" in theirs
    assert "Leave policy" in ours and "Pay scales" in ours


def test_the_library_filters_by_folder_type_and_format(councils):
    hf, _ = councils
    policies = hf.library_collection.add_child(name="Policies")
    add(policies, "Leave policy", document_type="policy")
    add(hf.library_collection, "Meeting minutes", "docx", document_type="minutes")
    client = signed_in(UserFactory(username="h", organisations=[hf]))

    by_folder = client.get(f"/hf/documents/?collection={policies.pk}").content.decode()
    by_type = client.get("/hf/documents/?type=minutes").content.decode()
    by_format = client.get("/hf/documents/?format=pdf").content.decode()

    assert "Leave policy" in by_folder and "Meeting minutes" not in by_folder
    assert "Meeting minutes" in by_type and "Leave policy" not in by_type
    assert "Leave policy" in by_format and "Meeting minutes" not in by_format


def test_all_libraries_are_searchable_together(councils):
    hf, rbkc = councils
    add(hf.library_collection, "H&F guide")
    add(rbkc.library_collection, "RBKC guide")
    add(rbkc.library_collection, "RBKC staff only", audience="organisation")

    content = (
        signed_in(UserFactory(username="h", organisations=[hf])).get("/documents/").content.decode()
    )

    assert "H&amp;F guide" in content and "RBKC guide" in content
    assert "RBKC staff only" not in content


def test_a_document_page_shows_its_metadata_and_download(councils):
    hf, _ = councils
    document = add(hf.library_collection, "Leave policy", document_type="policy")

    content = (
        signed_in(UserFactory(username="h", organisations=[hf]))
        .get(f"/documents/{document.pk}/")
        .content.decode()
    )

    assert '<h1 class="govuk-heading-xl">Leave policy</h1>' in content
    assert f'href="{document.url}"' in content
    assert "Hammersmith &amp; Fulham Council" in content


def test_a_hidden_document_page_is_not_found(councils):
    hf, rbkc = councils
    document = add(hf.library_collection, "Pay scales", audience="organisation")

    response = signed_in(UserFactory(username="r", organisations=[rbkc])).get(
        f"/documents/{document.pk}/"
    )

    assert response.status_code == 404


def test_a_sensitive_document_page_has_the_banner_and_is_audited(councils):
    hf, _ = councils
    CommitmentStatement.objects.create(organisation=hf, text="Care")
    document = add(hf.library_collection, "Case file", classification="OFFICIAL-SENSITIVE")
    member = UserFactory(username="h", organisations=[hf])
    accept(member, hf.statements.get())

    content = signed_in(member).get(f"/documents/{document.pk}/").content.decode()

    assert 'aria-label="Security classification"' in content
    assert AuditEvent.objects.filter(action="view", object_title="Case file").exists()


def test_editors_see_why_text_could_not_be_read(councils):

    hf, _ = councils
    document = LibraryDocument(title="Broken", collection=hf.library_collection)
    document.file.save("broken.pdf", ContentFile(b"%PDF-1.4 broken"), save=False)
    save_document(document)
    editor = UserFactory(username="e", organisations=[hf])
    add_to_group(editor, hf, "editors")

    content = signed_in(editor).get(f"/documents/{document.pk}/").content.decode()
    staff_view = (
        signed_in(UserFactory(username="s", organisations=[hf]))
        .get(f"/documents/{document.pk}/")
        .content.decode()
    )

    assert "Could not be read" in content
    assert "Could not be read" not in staff_view
