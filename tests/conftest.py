import pytest
from django.test import Client

from tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory


@pytest.fixture
def organisation(db):
    return OrganisationFactory(
        slug="wcc", name="Westminster City Council", short_name="Westminster"
    )


@pytest.fixture
def staff_user(organisation):
    return UserFactory(username="wcc.staff", organisations=[organisation])


@pytest.fixture
def staff_client(staff_user) -> Client:
    client = Client()
    assert client.login(username=staff_user.username, password=TEST_PASSWORD)
    return client
