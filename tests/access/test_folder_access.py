"""Organisation admins restrict folders of their own library; documents inside follow."""

import pytest

from intranet.access.models import AuditEvent, CollectionAccess
from intranet.library.models import LibraryDocument
from intranet.library.services import set_folder_access
from tests.clients import signed_in
from tests.factories import LibraryDocumentFactory, OrganisationFactory, UserFactory, add_to_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(hf):
    user = UserFactory(username="hf.admin", organisations=[hf])
    add_to_group(user, hf, "admins")
    return user


def document_in(collection) -> LibraryDocument:
    return LibraryDocumentFactory(title="Case notes", collection=collection)


def test_an_admin_limits_a_folder_to_a_group_and_its_documents_follow(hf, admin):
    folder = hf.library_collection.add_child(name="Social care")
    care = add_to_group(UserFactory(username="x"), hf, "social-care")
    document = document_in(folder)

    response = signed_in(admin).post(
        "/admin/snippets/access/collectionaccess/add/",
        {
            "collection": folder.pk,
            "audience": "groups",
            "groups": [care.pk],
            "classification": "OFFICIAL-SENSITIVE",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    document.refresh_from_db()
    assert document.effective_audience == "groups"
    assert set(document.effective_groups.all()) == {care}
    assert document.effective_classification == "OFFICIAL-SENSITIVE"
    access = CollectionAccess.objects.get()
    assert access.organisation == hf
    assert AuditEvent.objects.filter(action="change", organisation=hf).exists()


def test_an_admin_cannot_restrict_another_organisations_folder(hf, admin):
    rbkc = OrganisationFactory(slug="rbkc", name="Kensington")

    response = signed_in(admin).post(
        "/admin/snippets/access/collectionaccess/add/",
        {"collection": rbkc.library_collection.pk, "audience": "organisation"},
    )

    assert response.status_code == 200
    assert not CollectionAccess.objects.exists()


def test_a_folder_cannot_be_wider_than_the_one_it_is_in(hf, admin):
    parent = hf.library_collection.add_child(name="HR")
    set_folder_access(parent, audience="organisation")
    child = parent.add_child(name="Policies")

    response = signed_in(admin).post(
        "/admin/snippets/access/collectionaccess/add/",
        {"collection": child.pk, "audience": "partnership"},
    )

    assert response.status_code == 200
    assert "not widen it" in response.content.decode()


def test_admins_list_only_their_own_folders(hf, admin):
    rbkc = OrganisationFactory(slug="rbkc", name="Kensington")
    set_folder_access(hf.library_collection, audience="organisation")
    set_folder_access(rbkc.library_collection, audience="organisation")

    listing = signed_in(admin).get("/admin/snippets/access/collectionaccess/").content.decode()

    assert "Hammersmith" in listing
    assert "Kensington" not in listing
