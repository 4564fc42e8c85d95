"""The JSON search API: its contract, its errors, and facets that ignore only their own filter."""

import pytest
from django.test import Client

from search.engine_indexes import refresh_entry_index
from tests.factories import (
    ContentPageFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    restrict,
)

from .helpers import library_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    return OrganisationFactory(slug="hf", short_name="H&F")


@pytest.fixture
def corpus(organisation, partner):

    ContentPageFactory(parent=organisation.section_page, title="Fostering allowances")
    ContentPageFactory(parent=partner.section_page, title="Fostering panel dates")
    restrict(
        ContentPageFactory(parent=partner.section_page, title="Fostering panel minutes"),
        audience="organisation",
    )
    library_document(
        organisation, "Fostering handbook", "Everything about fostering.", document_type="guidance"
    )
    library_document(partner, "Fostering form", "Apply to foster.", document_type="form")
    refresh_entry_index()


def test_the_response_has_the_documented_shape(staff_client, corpus):
    body = staff_client.get("/api/search/", {"q": "fostering"}).json()

    assert set(body) >= {
        "query",
        "total",
        "page",
        "page_size",
        "backend",
        "results",
        "facets",
        "promotions",
    }
    assert body["query"] == "fostering"
    assert body["total"] == 4  # H&F's organisation-only minutes are not counted
    result = body["results"][0]
    assert set(result) >= {
        "type",
        "id",
        "title",
        "url",
        "organisation",
        "classification",
        "snippet",
        "updated_at",
    }
    assert set(body["facets"]) >= {"type", "organisation", "document_type", "file_type"}
    assert body["facets"]["type"] == {"page": 2, "document": 2}


def test_each_facet_counts_matches_with_the_other_filters_applied(staff_client, corpus):
    body = staff_client.get("/api/search/", {"q": "fostering", "type": "document", "org": "hf"})
    facets = body.json()["facets"]

    assert body.json()["total"] == 1
    # type ignores type=document but applies org=hf: one page, one document at H&F.
    assert facets["type"] == {"page": 1, "document": 1}
    # organisation ignores org=hf but applies type=document.
    assert facets["organisation"] == {"wcc": 1, "hf": 1}
    assert facets["document_type"] == {"form": 1}
    assert facets["file_type"] == {"txt": 1}


def test_paging_and_newest_first(staff_client, corpus):
    first = staff_client.get("/api/search/", {"q": "fostering", "page_size": 3}).json()
    second = staff_client.get("/api/search/", {"q": "fostering", "page_size": 3, "page": 2}).json()
    newest = staff_client.get("/api/search/", {"q": "fostering", "sort": "newest"}).json()

    assert len(first["results"]) == 3 and len(second["results"]) == 1
    ids = {(r["type"], r["id"]) for r in first["results"] + second["results"]}
    assert len(ids) == 4
    dates = [r["updated_at"] for r in newest["results"]]
    assert dates == sorted(dates, reverse=True)


def test_suggestions_cover_titles_and_people_and_are_trimmed(staff_client, corpus, partner):
    PersonFactory(
        organisation=partner,
        first_name="Fola",
        last_name="Adeyemi",
        job_title="Fostering social worker",
    )

    refresh_entry_index()

    body = staff_client.get("/api/search/suggest/", {"q": "fo"}).json()

    titles = [s["title"] for s in body["suggestions"]]
    assert titles[0] == "Fola Adeyemi"  # people first
    assert body["suggestions"][0]["label"] == "Fostering social worker"
    assert body["suggestions"][0]["organisation_name"] == "H&F"
    assert "Fostering panel dates" in titles
    assert "Fostering panel minutes" not in titles


def test_anonymous_callers_get_401_json():
    response = Client().get("/api/search/", {"q": "fostering"})

    assert response.status_code == 401
    assert response.json() == {"error": "Sign in to search."}
    assert Client().get("/api/search/suggest/", {"q": "fo"}).status_code == 401


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "x", "type": "video"}, "type must be one of"),
        ({"q": "x", "sort": "oldest"}, "sort must be one of"),
        ({"q": "x", "page": "0"}, "page must be 1 or more"),
        ({"q": "x", "page_size": "many"}, "page_size must be a whole number"),
    ],
)
def test_unknown_parameter_values_get_400_json(staff_client, params, message):
    response = staff_client.get("/api/search/", params)

    assert response.status_code == 400
    assert message in response.json()["error"]


def test_an_inactive_account_gets_401(organisation):
    user = UserFactory(username="gone", organisations=[organisation], is_active=False)
    client = Client()
    client.force_login(user)

    assert client.get("/api/search/", {"q": "x"}).status_code == 401
