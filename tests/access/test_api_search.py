"""Searching through the Wagtail API v2 (``?search=``) works, and stays trimmed by the policy.

It used to answer 400 ("cannot filter by 'audience' while searching").
"""

import pytest
from django.core.files.base import ContentFile

from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from search.engine_indexes import refresh_all_indexes
from tests.clients import signed_in
from tests.factories import ContentPageFactory, UserFactory, restrict

pytestmark = pytest.mark.django_db


def searched(client, path: str, **params):
    """GET the API once all indexed so far is searchable (the engine refreshes each second)."""
    refresh_all_indexes()
    return client.get(path, params)


def titles(response) -> list[str]:
    return sorted(item["title"] for item in response.json()["items"])


def test_a_page_search_finds_what_the_user_may_open_and_nothing_else(councils):
    hf, rbkc = councils
    ContentPageFactory(parent=hf.section_page, title="Parking permits for all")
    restrict(
        ContentPageFactory(parent=hf.section_page, title="Parking for H&F staff"), "organisation"
    )
    ContentPageFactory(parent=hf.section_page, title="Annual leave")
    outsider = signed_in(UserFactory(username="rbkc.staff", organisations=[rbkc]))
    member = signed_in(UserFactory(username="hf.staff", organisations=[hf]))

    theirs = searched(outsider, "/api/v2/pages/", search="parking")
    ours = searched(member, "/api/v2/pages/", search="parking")

    assert theirs.status_code == 200
    assert titles(theirs) == ["Parking permits for all"]
    assert theirs.json()["meta"]["total_count"] == 1
    assert titles(ours) == ["Parking for H&F staff", "Parking permits for all"]


def test_a_page_search_can_be_narrowed_by_type(councils):
    hf, rbkc = councils
    ContentPageFactory(parent=hf.section_page, title="Parking permits")
    client = signed_in(UserFactory(username="rbkc.staff", organisations=[rbkc]))

    response = searched(client, "/api/v2/pages/", search="parking", type="home.ContentPage")

    assert response.status_code == 200
    assert titles(response) == ["Parking permits"]


def test_a_document_search_is_trimmed_too(councils):
    hf, rbkc = councils
    for title, audience in (("Parking map", ""), ("Parking rota", "organisation")):
        document = LibraryDocument(title=title, collection=hf.library_collection, audience=audience)
        document.file.save("parking.txt", ContentFile(b"Parking"), save=False)
        save_document(document)
    outsider = signed_in(UserFactory(username="rbkc.staff", organisations=[rbkc]))
    member = signed_in(UserFactory(username="hf.staff", organisations=[hf]))

    theirs = searched(outsider, "/api/v2/documents/", search="parking")
    ours = searched(member, "/api/v2/documents/", search="parking")

    assert theirs.status_code == 200
    assert titles(theirs) == ["Parking map"]
    assert titles(ours) == ["Parking map", "Parking rota"]
