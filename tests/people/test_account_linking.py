"""An account is linked to its person in the directory by email: when the person is created,
when the account is created in the admin, and when its owner signs in."""

import pytest

from intranet.people.models import Person
from tests.clients import signed_in, signed_in_with_password
from tests.factories import TEST_PASSWORD, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_created_after_the_account_is_linked_to_it(organisation):
    user = UserFactory(username="ann", email="Ann.Young@westminster.gov.uk")

    person = PersonFactory(organisation=organisation, email="ann.young@westminster.gov.uk")

    assert person.user == user


def test_signing_in_links_the_profile_hr_imported_before_the_account_existed(organisation):
    person = PersonFactory(organisation=organisation, email="ann.young@westminster.gov.uk")
    user = UserFactory(username="ann", email="ann.young@westminster.gov.uk")
    Person.objects.filter(pk=person.pk).update(user=None)  # as if HR's row came first

    signed_in_with_password("ann", TEST_PASSWORD)

    person.refresh_from_db()
    assert person.user == user


def test_an_account_made_in_the_admin_is_linked_to_its_person(organisation):
    person = PersonFactory(organisation=organisation, email="ann.young@westminster.gov.uk")
    operator = signed_in(UserFactory(username="operator", is_superuser=True, is_staff=True))

    response = operator.post(
        "/admin/users/new/",
        {
            "username": "ann",
            "email": "ann.young@westminster.gov.uk",
            "first_name": "Ann",
            "last_name": "Young",
            "password1": "a-long-enough-password-1",
            "password2": "a-long-enough-password-1",
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert person.user.username == "ann"


def test_an_account_is_never_linked_to_a_person_with_another_email(organisation):
    PersonFactory(organisation=organisation, email="someone.else@westminster.gov.uk")

    user = UserFactory(username="ann", email="ann.young@westminster.gov.uk")
    signed_in_with_password("ann", TEST_PASSWORD)

    assert not Person.objects.filter(user=user).exists()
