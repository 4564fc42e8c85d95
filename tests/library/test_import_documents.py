"""`import_documents` brings a file share into a library: folders become collections, a CSV
adds metadata, bad items are reported and skipped, and running it again changes nothing."""

import csv
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Collection

from intranet.demo import files
from intranet.imports.models import ImportRun
from intranet.library.models import LibraryDocument
from tests.clients import signed_in
from tests.factories import OrganisationFactory, UserFactory, add_to_group

pytestmark = pytest.mark.django_db

SHARED_SAMPLE = (
    Path(settings.BASE_DIR).parent
    / "shared"
    / "fixtures"
    / "sharepoint"
    / "DirectoryBulkLoadSample"
)


@pytest.fixture
def wcc():
    return OrganisationFactory(slug="wcc", name="Westminster City Council")


@pytest.fixture
def share(tmp_path):
    root = tmp_path / "share"
    (root / "HR" / "Policies").mkdir(parents=True)
    (root / "IT").mkdir()
    (root / "HR" / "Policies" / "leave.docx").write_bytes(files.docx(["Annual leave entitlement"]))
    (root / "HR" / "pay-scales.xlsx").write_bytes(files.xlsx([["Scale 6", "29540"]]))
    (root / "IT" / "remote.pdf").write_bytes(files.pdf(["Working remotely"]))
    (root / "IT" / "Thumbs.db").write_bytes(b"\x00\x01")
    return root


def run(*args, tmp_path=None) -> list[dict]:
    report = Path(args[0]).parent / "report.csv"
    call_command("import_documents", *args, "--report", str(report))
    with report.open() as handle:
        return list(csv.DictReader(handle))


def test_a_folder_becomes_collections_of_readable_documents(wcc, share):
    rows = run(str(share), "--org", "wcc")

    outcomes = {row["source_id"]: row["outcome"] for row in rows}
    assert outcomes == {
        "HR/Policies/leave.docx": "created",
        "HR/pay-scales.xlsx": "created",
        "IT/remote.pdf": "created",
        "IT/Thumbs.db": "skipped",
    }
    leave = LibraryDocument.objects.get(title="leave")
    assert [c.name for c in leave.collection.get_ancestors(inclusive=True)][1:] == [
        "Westminster City Council",
        "HR",
        "Policies",
    ]
    assert leave.owner_organisation == wcc
    assert "Annual leave entitlement" in leave.extracted_text
    created = next(row for row in rows if row["source_id"] == "HR/Policies/leave.docx")
    assert created["target_url"] == f"/documents/{leave.pk}/"


def test_the_report_has_the_agreed_header(wcc, share):
    report = share.parent / "out.csv"
    call_command("import_documents", str(share), "--org", "wcc", "--report", str(report))

    assert report.read_text().splitlines()[0] == "source_id,kind,outcome,reason,target_url"


def test_running_again_changes_nothing_and_a_changed_file_is_updated(wcc, share):
    run(str(share), "--org", "wcc")
    (share / "IT" / "remote.pdf").write_bytes(files.pdf(["Working remotely, revised"]))

    rows = run(str(share), "--org", "wcc")

    outcomes = {row["source_id"]: row["outcome"] for row in rows}
    assert outcomes["HR/Policies/leave.docx"] == "unchanged"
    assert outcomes["IT/remote.pdf"] == "updated"
    assert LibraryDocument.objects.count() == 3
    assert "revised" in LibraryDocument.objects.get(title="remote").extracted_text
    assert ImportRun.objects.count() == 2


def test_a_dry_run_writes_nothing(wcc, share):
    before = Collection.objects.count()

    rows = run(str(share), "--org", "wcc", "--dry-run")

    assert {row["outcome"] for row in rows} == {"created", "skipped"}
    assert not LibraryDocument.objects.exists()
    assert Collection.objects.count() == before
    assert not ImportRun.objects.exists()


def test_metadata_from_the_csv_is_applied(wcc, share):
    care = OrganisationFactory(slug="rbkc").groups.get(slug="editors")
    owner = UserFactory(username="owner", email="policy.owner@westminster.gov.uk")
    metadata = share.parent / "metadata.csv"
    metadata.write_text(
        "path,title,description,document_type,audience,groups,classification,owner_email,review_by,tags\n"
        "HR/Policies/leave.docx,Annual leave policy,How leave works,policy,groups,rbkc/editors,"
        "OFFICIAL-SENSITIVE,policy.owner@westminster.gov.uk,2027-03-31,hr;leave\n"
    )

    run(str(share), "--org", "wcc", "--metadata", str(metadata))

    document = LibraryDocument.objects.get(title="Annual leave policy")
    assert (document.document_type, document.description) == ("policy", "How leave works")
    assert document.effective_audience == "groups"
    assert set(document.effective_groups.all()) == {care}
    assert document.effective_classification == "OFFICIAL-SENSITIVE"
    assert document.content_owner == owner
    assert str(document.review_by) == "2027-03-31"
    assert set(document.tags.names()) == {"hr", "leave"}


def test_bad_rows_are_reported_and_skipped_while_the_rest_carry_on(wcc, share):
    metadata = share.parent / "metadata.csv"
    metadata.write_text(
        "path,document_type,groups,audience,review_by\n"
        "HR/Policies/leave.docx,leaflet,,,\n"
        "HR/pay-scales.xlsx,,nowhere/nobody,groups,\n"
        "IT/remote.pdf,,,,next spring\n"
        "IT/missing.docx,,,,\n"
    )

    rows = {
        row["source_id"]: row
        for row in run(str(share), "--org", "wcc", "--metadata", str(metadata))
    }

    assert rows["HR/Policies/leave.docx"]["outcome"] == "failed"
    assert "document_type 'leaflet'" in rows["HR/Policies/leave.docx"]["reason"]
    assert "no group 'nowhere/nobody'" in rows["HR/pay-scales.xlsx"]["reason"]
    assert "not a date" in rows["IT/remote.pdf"]["reason"]
    assert rows["IT/missing.docx"]["reason"] == "no such file in the folder"
    assert not LibraryDocument.objects.exists()  # nothing half-written


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/no/such/folder", "--org", "wcc"], "is not a folder"),
        (["{share}", "--org", "nope"], "no organisation with the short code 'nope'"),
        (
            ["{share}", "--org", "wcc", "--metadata", "{bad_csv}"],
            "needs a header row with a 'path' column",
        ),
    ],
)
def test_a_run_that_cannot_start_stops_with_a_clear_message(wcc, share, args, message):
    bad_csv = share.parent / "bad.csv"
    bad_csv.write_text("file,title\nx,y\n")
    args = [a.format(share=share, bad_csv=bad_csv) for a in args]

    with pytest.raises(CommandError, match=message):
        call_command("import_documents", *args)


def test_import_runs_are_viewable_by_the_organisations_admins_only(wcc, share):
    run(str(share), "--org", "wcc")
    admin = UserFactory(username="wcc.admin", organisations=[wcc])
    add_to_group(admin, wcc, "admins")
    other = OrganisationFactory(slug="hf")
    outsider = UserFactory(username="hf.admin", organisations=[other])
    add_to_group(outsider, other, "admins")
    run_pk = ImportRun.objects.get().pk

    assert (
        "3 created" in signed_in(admin).get("/admin/snippets/imports/importrun/").content.decode()
    )
    assert (
        signed_in(admin).get(f"/admin/snippets/imports/importrun/inspect/{run_pk}/").status_code
        == 200
    )
    assert signed_in(outsider).get(
        f"/admin/snippets/imports/importrun/inspect/{run_pk}/"
    ).status_code in (
        302,
        403,
    )


@pytest.mark.skipif(not SHARED_SAMPLE.is_dir(), reason="../shared/fixtures is not present here")
def test_the_shared_file_share_sample_imports_end_to_end(wcc):
    rows = run(str(SHARED_SAMPLE), "--org", "wcc", "--collection", "SharePoint/Bulk load")

    outcomes = [row["outcome"] for row in rows]
    assert outcomes.count("created") == 11
    assert {row["source_id"] for row in rows if row["outcome"] == "skipped"} == {
        "SubFolder/ThisOneWillBeExcluded.xml"
    }
    documents = LibraryDocument.objects.filter(owner_organisation=wcc)
    assert documents.filter(file_type="pdf", extraction_status="done").count() == 5
    assert documents.filter(file_type="docx", extraction_status="done").count() == 5
    assert Collection.objects.filter(name="SubFolder").get().get_parent().name == "Bulk load"
