import pytest

from search.indexes import reset_entry_index


@pytest.fixture(autouse=True)
def empty_entry_index():
    """Each search test starts with an empty engine index: the database rolls back between
    tests, the engine does not, and a stale copy would count in totals and facets."""
    reset_entry_index()
    yield
