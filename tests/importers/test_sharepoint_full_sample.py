"""The PnP schema's official full sample, with the real file-share folder beside it, imports
without a crash — every part of it in the report once — and re-imports with no creation."""

import shutil
from pathlib import Path

import pytest

from tests.importers.pnp import run_import

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "sharepoint"


@pytest.fixture
def export(tmp_path, settings):
    if not (SAMPLE / "ProvisioningSchema-2022-09-FullSample-01.xml").is_file():
        pytest.skip(f"the shared PnP sample is not at {SAMPLE}")
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    return Path(shutil.copytree(SAMPLE, tmp_path / "export"))


def test_the_full_sample_imports_and_reimports_without_creating_anything(organisation, export):
    rows, _ = run_import(export)

    assert rows["page:SitePages/SamplePage.aspx"]["kind"] == "news"
    assert rows["list:Lists/Projects"]["outcome"] == "created"  # "{parameter:…} - Projects"
    assert rows["file:DirectoryBulkLoadSample/SubFolder/Sample-Document-06.pdf"]["outcome"] == (
        "created"
    )
    assert rows["file:Logo.png"]["outcome"] == "failed"  # named by the template, not exported
    assert (
        rows["ProvisioningSchema-2022-09-FullSample-01.xml:SPECIALTEAM/Security"]["outcome"]
        == "skipped"
    )

    again, _ = run_import(export)

    assert set(again) == set(rows)
    assert "created" not in {row["outcome"] for row in again.values()}
