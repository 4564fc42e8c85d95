"""A page number past the last one a search can show is refused plainly, not a server error.

``page=9223372036854775807`` overflowed the database's OFFSET (IntegrityError, a 500).
"""

import pytest

from search.engine_indexes import refresh_entry_index
from search.query import MAX_PAGE
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775807"
REFUSAL = f"page must be {MAX_PAGE} or less; narrow the search instead"


@pytest.fixture
def leave_page(organisation):
    return ContentPageFactory(parent=organisation.section_page, title="Annual leave")


def test_the_api_refuses_a_huge_page_with_its_usual_json_error(staff_client, leave_page):
    response = staff_client.get("/api/search/", {"q": "leave", "page": HUGE})

    assert response.status_code == 400
    assert response.json() == {"error": REFUSAL}


def test_the_search_page_refuses_a_huge_page_with_its_usual_error_summary(staff_client, leave_page):
    response = staff_client.get("/search/", {"q": "leave", "page": HUGE})

    assert response.status_code == 400
    assert f"This search cannot be shown: {REFUSAL}." in response.content.decode()


def test_the_last_page_allowed_is_an_ordinary_empty_page(
    staff_client, empty_entry_index, leave_page
):
    refresh_entry_index()  # with a search engine: searchable now, not in a second
    response = staff_client.get("/api/search/", {"q": "leave", "page": str(MAX_PAGE)})

    assert response.status_code == 200
    assert response.json()["results"] == []
    assert response.json()["total"] == 1
