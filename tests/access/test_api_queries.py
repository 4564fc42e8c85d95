"""The API's listings cost the same queries for 5 items or 20: access facts, organisations,
groups and tags are read with the listing, not once per item."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.clients import signed_in
from tests.factories import ContentPageFactory, UserFactory, document_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(hf):
    for n in range(20):
        ContentPageFactory(parent=hf.section_page, title=f"Page {n}")
        document = document_in(hf.library_collection, f"Document {n}")
        document.tags.add("rota", f"tag {n}")
    client = signed_in(UserFactory(username="hf.staff", organisations=[hf]))
    client.get("/api/v2/pages/")  # The session and site are loaded once, outside the counts.
    return client


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("endpoint", ["pages", "documents"])
def test_a_listing_of_twenty_costs_what_a_listing_of_five_does(client, endpoint):
    five = queries(client, f"/api/v2/{endpoint}/?limit=5")

    assert queries(client, f"/api/v2/{endpoint}/?limit=20") == five


def test_documents_still_list_their_tags_and_effective_access(client, hf):
    items = client.get("/api/v2/documents/?limit=1&fields=tags").json()["items"]

    assert items[0]["meta"]["tags"] == ["rota", "tag 0"]
    assert (items[0]["meta"]["organisation"], items[0]["meta"]["audience"]) == (
        "hf",
        "partnership",
    )
