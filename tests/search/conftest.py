import pytest


@pytest.fixture(autouse=True)
def _empty_entry_index(empty_entry_index):
    """Every search test starts with an empty engine index (see ``empty_entry_index``)."""
