"""Pages and documents brought from a SharePoint site or a static site are in search straight
away, and trimmed like everything else: what the organisation keeps to itself is found by its
own staff only."""

import pytest

from intranet.access.models import OrganisationPolicy
from intranet.demo import files
from tests.factories import UserFactory
from tests.importers import pnp, site
from tests.search.helpers import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers(organisation, hf):
    return (
        UserFactory(username="wcc.reader", organisations=[organisation]),
        UserFactory(username="hf.reader", organisations=[hf]),
    )


def test_a_static_sites_pages_and_documents_are_found_in_search(
    organisation, readers, tmp_path, settings
):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    folder = site.write_site(
        tmp_path / "site",
        {
            "index.html": site.page("Parking", "<p>Renew a quokkaflute permit.</p>"),
            "bins.html": site.page("Bins", "<p>Tuesdays.</p>"),
            "docs/quokkaflute rules.pdf": files.pdf(["quokkaflute rules"]),
        },
    )

    site.run_import(folder)

    staff, _ = readers
    assert {title for _, title in found(staff, "quokkaflute")} == {"Parking", "Quokkaflute rules"}


def test_a_sharepoint_sites_pages_follow_the_organisations_policy_in_search(
    organisation, readers, tmp_path
):
    OrganisationPolicy.objects.filter(organisation=organisation).update(
        default_audience="organisation"
    )
    folder = pnp.write_export(
        tmp_path / "export",
        pages=(pnp.text_page("Rota", "Rota", "<p>The marmotglade rota.</p>"),),
    )

    pnp.run_import(folder)

    staff, outsider = readers
    assert {title for _, title in found(staff, "marmotglade")} == {"Rota"}
    assert not found(outsider, "marmotglade")
