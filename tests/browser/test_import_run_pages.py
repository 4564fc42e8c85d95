"""An import run's admin page and its undo confirmation meet WCAG 2.2 AA (axe-core in
headless Chromium). Wagtail's admin has its own skip link and layout, so only the WCAG rules
are run here, not the site's page-structure checks."""

from io import StringIO

import pytest
from django.core.management import call_command

from intranet.imports.models import ImportRun
from tests.browser.axe import WCAG_22_AA_TAGS, axe_violations, describe
from tests.factories import OrganisationFactory, admin_of
from tests.importers.wxr import item, write_export

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_runs_page_and_its_undo_confirmation_have_no_violations(signed_in_page, tmp_path):
    council = OrganisationFactory(slug="wcc", name="Westminster City Council")
    export = write_export(tmp_path, item(1, "Parking"), item(2, "Binned", status="trash"))
    call_command("import_wordpress", str(export), "--org", "wcc", stdout=StringIO())
    run = ImportRun.objects.get()
    page = signed_in_page(admin_of(council))

    for path in (
        f"/admin/snippets/imports/importrun/inspect/{run.pk}/",
        f"/admin/import-runs/{run.pk}/undo/",
    ):
        page.goto(path)
        violations = axe_violations(page, {"type": "tag", "values": WCAG_22_AA_TAGS})
        assert not violations, f"{page.url}\n{describe(violations)}"
