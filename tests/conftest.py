import pytest
from django.test import Client

from search.engine_indexes import delete_all_indexes, reset_indexes
from tests.clients import signed_in_with_password
from tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory, build_partnership


@pytest.fixture
def organisation(db):
    return OrganisationFactory(
        slug="wcc", name="Westminster City Council", short_name="Westminster"
    )


@pytest.fixture
def hf(db):
    """Hammersmith & Fulham: a second council for tests that need one by name."""
    return OrganisationFactory(slug="hf", name="Hammersmith & Fulham Council", short_name="H&F")


@pytest.fixture
def councils(hf):
    """Two councils, Hammersmith & Fulham and Kensington and Chelsea: (hf, rbkc)."""
    rbkc = OrganisationFactory(
        slug="rbkc", name="Royal Borough of Kensington and Chelsea", short_name="RBKC"
    )
    return hf, rbkc


@pytest.fixture
def staff_user(organisation):
    return UserFactory(username="wcc.staff", organisations=[organisation])


@pytest.fixture
def staff_client(staff_user) -> Client:
    return signed_in_with_password(staff_user.username, TEST_PASSWORD)


@pytest.fixture(scope="session", autouse=True)
def search_engine_indexes():
    """With OPENSEARCH_URL/ELASTICSEARCH_URL set, run on fresh indexes and drop them after.

    Deliberately free of database access: a session fixture that touches the database
    changes pytest-django's set-up order and loses the serialized data that transactional
    (browser) tests are restored from.
    """
    delete_all_indexes()
    reset_indexes()
    yield
    delete_all_indexes()


@pytest.fixture
def fresh_search_index():
    """Empty indexes with their mappings; returns the page index for ``refresh()``."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    reset_indexes()
    return get_search_backend().get_index_for_model(Page)


@pytest.fixture
def empty_entry_index():
    """An empty engine index of search entries (no-op on database search).

    The database rolls back or is flushed between tests, the engine is not: a copy left by an
    earlier test would count in totals and facets, and take places in a page of hits that the
    re-read through the access policy then drops.
    """
    from search.engine_indexes import reset_entry_index

    reset_entry_index()


@pytest.fixture
def partnership(db):
    """Two councils (hf, rbkc), each with content only some of the other's staff may see.

    Per council ``slug``: an organisation-only page, a social-care page (groups,
    OFFICIAL-SENSITIVE) with body text, a social-care library folder (groups,
    OFFICIAL-SENSITIVE) holding a document, and an organisation-only document; an editor,
    an admin and a social-care worker who accepted the statement. Titles and body text carry
    a marker unique to the item, so a test can look for them in any response.
    """
    return build_partnership(("hf", "rbkc"))
