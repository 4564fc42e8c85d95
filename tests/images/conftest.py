"""Two councils: H&F, with a social-care folder (its social-care group only, OFFICIAL-SENSITIVE)
holding a case image, and an image in its library for all partner staff; and RBKC."""

import pytest
from django.core.cache import cache
from wagtail.search.backends import get_search_backend

from intranet.access.models import CommitmentStatement
from intranet.access.statements import accept
from intranet.images.models import IntranetImage
from intranet.library.services import set_folder_access
from search.engine_indexes import uses_search_engine
from tests.factories import ImageFactory, OrganisationFactory, UserFactory, add_to_group


@pytest.fixture(autouse=True)
def forget_cached_renditions():
    """Wagtail caches renditions by image id in the default cache, which outlives each test's
    rollback: a later test's image with the same id would be given a rendition that is gone."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hf(db):
    organisation = OrganisationFactory(slug="hf", short_name="H&F")
    CommitmentStatement.objects.create(organisation=organisation, text="Handle with care.")
    return organisation


@pytest.fixture
def rbkc(db):
    return OrganisationFactory(slug="rbkc", short_name="RBKC")


@pytest.fixture
def social_care_group(hf):
    return add_to_group(
        UserFactory(username="hf.placeholder", organisations=[hf]), hf, "social-care"
    )


@pytest.fixture
def social_care_folder(hf, social_care_group):
    folder = hf.library_collection.add_child(name="Social care")
    set_folder_access(folder, "groups", "OFFICIAL-SENSITIVE", [social_care_group])
    return folder


@pytest.fixture
def case_image(social_care_folder):
    return ImageFactory(title="Case chronology diagram", collection=social_care_folder)


@pytest.fixture
def open_image(hf):
    return ImageFactory(title="Town hall at dusk", collection=hf.library_collection)


@pytest.fixture
def social_worker(hf, social_care_group):
    """In H&F's social-care group, and has accepted H&F's commitment statement."""
    user = UserFactory(username="hf.socialcare", organisations=[hf])
    user.groups.add(social_care_group.group)
    accept(user, hf.statements.get())
    return user


@pytest.fixture
def hf_staff(hf):
    return UserFactory(username="hf.staff", organisations=[hf])


@pytest.fixture
def rbkc_staff(rbkc):
    return UserFactory(username="rbkc.staff", organisations=[rbkc])


@pytest.fixture
def hf_editor(hf):
    user = UserFactory(username="hf.editor", organisations=[hf])
    add_to_group(user, hf, "editors")
    return user


def make_images_searchable() -> None:
    """The engine refreshes its indexes each second; tests that search images need them now."""
    if uses_search_engine("default"):
        get_search_backend().get_index_for_model(IntranetImage).refresh()
