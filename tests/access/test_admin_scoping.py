"""Each organisation's admins manage only their own policy, statements and agreements;
editors edit only inside their own section; audit trails stay with their organisation."""

import datetime

import pytest
from wagtail.models import WorkflowPage

from intranet.access.models import (
    AuditEvent,
    CommitmentStatement,
    InformationSharingAgreement,
    OrganisationPolicy,
)
from intranet.library.services import organisation_policy_changed
from tests.clients import refusal, signed_in
from tests.factories import (
    ContentPageFactory,
    UserFactory,
    admin_of,
    editor_of,
    restrict,
)

pytestmark = pytest.mark.django_db


def test_an_admin_edits_their_own_policy_and_it_is_audited(councils):
    hf, _ = councils
    policy = OrganisationPolicy.objects.get(organisation=hf)

    response = signed_in(admin_of(hf, "hf.admin")).post(
        f"/admin/snippets/access/organisationpolicy/edit/{policy.pk}/",
        {
            "default_audience": "organisation",
            "default_classification": "OFFICIAL",
            "requires_approval": "on",
            "review_period_months": "6",
            "widening_by": "admins",
        },
    )

    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.requires_approval and policy.default_audience == "organisation"
    assert AuditEvent.objects.filter(action="change", organisation=hf).exists()


def test_an_admin_cannot_open_another_organisations_policy(councils):
    hf, rbkc = councils
    policy = OrganisationPolicy.objects.get(organisation=rbkc)
    client = signed_in(admin_of(hf, "hf.admin"))

    listing = client.get("/admin/snippets/access/organisationpolicy/")
    edit = client.get(f"/admin/snippets/access/organisationpolicy/edit/{policy.pk}/")

    assert listing.status_code == 200
    assert f"/edit/{policy.pk}/" not in listing.content.decode()
    assert refusal(edit) == "302 /admin/"


def test_requiring_approval_gives_the_section_a_workflow_and_takes_direct_publishing(councils):
    hf, _ = councils
    policy = OrganisationPolicy.objects.get(organisation=hf)
    policy.requires_approval = True
    policy.save()
    organisation_policy_changed(hf)

    workflow = WorkflowPage.objects.get(page=hf.section_page).workflow
    assert workflow.name == "H&F approval"
    editor = editor_of(hf, "hf.editor")
    page = ContentPageFactory(parent=hf.section_page, title="Guidance")
    permissions = page.permissions_for_user(editor)
    assert permissions.can_edit() and not permissions.can_publish()


def test_publishing_directly_is_the_default(councils):
    hf, _ = councils
    editor = editor_of(hf, "hf.editor")
    page = ContentPageFactory(parent=hf.section_page, title="Guidance")

    assert not WorkflowPage.objects.filter(page=hf.section_page).exists()
    assert page.permissions_for_user(editor).can_publish()


def test_editors_cannot_edit_another_organisations_pages(councils):
    hf, rbkc = councils
    theirs = ContentPageFactory(parent=rbkc.section_page, title="RBKC guidance")
    client = signed_in(editor_of(hf, "hf.editor"))

    response = client.get(f"/admin/pages/{theirs.pk}/edit/")

    assert refusal(response) == "302 /admin/"
    assert client.get(f"/admin/pages/add/home/contentpage/{rbkc.section_page_id}/").status_code in (
        302,
        403,
    )


def test_editors_can_edit_their_own_pages(councils):
    hf, _ = councils
    ours = ContentPageFactory(parent=hf.section_page, title="H&F guidance")

    assert (
        signed_in(editor_of(hf, "hf.editor")).get(f"/admin/pages/{ours.pk}/edit/").status_code
        == 200
    )


def test_an_agreement_granting_to_itself_or_ending_before_it_starts_is_refused(councils):
    hf, _ = councils
    response = signed_in(admin_of(hf, "hf.admin")).post(
        "/admin/snippets/access/informationsharingagreement/add/",
        {
            "grantor": hf.pk,
            "grantee": hf.pk,
            "reference": "ISA-1",
            "purpose": "Testing",
            "covers_official_sensitive": "on",
            "starts_on": "2026-12-01",
            "ends_on": "2026-11-01",
        },
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "cannot grant an agreement to itself" in content
    assert "end date must be on or after the start date" in content
    assert not InformationSharingAgreement.objects.exists()


def test_an_admin_cannot_grant_on_behalf_of_another_organisation(councils):
    hf, rbkc = councils
    response = signed_in(admin_of(hf, "hf.admin")).post(
        "/admin/snippets/access/informationsharingagreement/add/",
        {
            "grantor": rbkc.pk,
            "grantee": hf.pk,
            "reference": "ISA-2",
            "purpose": "Testing",
            "starts_on": "2026-11-01",
            "ends_on": "2026-12-01",
        },
    )

    assert response.status_code == 200
    assert not InformationSharingAgreement.objects.exists()


def test_revoking_an_agreement_keeps_it_and_records_who(councils):
    hf, rbkc = councils
    admin = admin_of(hf, "hf.admin")
    agreement = InformationSharingAgreement.objects.create(
        grantor=hf,
        grantee=rbkc,
        reference="ISA-3",
        purpose="Testing",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 1, 1),
    )

    response = signed_in(admin).post(
        f"/admin/snippets/access/informationsharingagreement/edit/{agreement.pk}/",
        {
            "grantor": hf.pk,
            "grantee": rbkc.pk,
            "reference": "ISA-3",
            "purpose": "Testing",
            "covers_official_sensitive": "on",
            "starts_on": "2026-01-01",
            "ends_on": "2027-01-01",
            "revoke": "on",
        },
    )

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.revoked_by == admin and agreement.revoked_at is not None
    assert not InformationSharingAgreement.objects.active().exists()


def test_statement_versions_can_be_added_but_not_edited(councils):
    hf, _ = councils
    client = signed_in(admin_of(hf, "hf.admin"))

    response = client.post(
        "/admin/snippets/access/commitmentstatement/add/", {"organisation": hf.pk, "text": "v1"}
    )
    statement = CommitmentStatement.objects.get()

    assert response.status_code == 302
    assert statement.version == 1
    assert (
        refusal(client.get(f"/admin/snippets/access/commitmentstatement/edit/{statement.pk}/"))
        == "302 /admin/"
    )


def test_admins_see_and_export_only_their_own_organisations_audit_trail(councils):
    hf, rbkc = councils
    for org in (hf, rbkc):
        AuditEvent.objects.create(
            username="someone",
            action="view",
            organisation=org,
            object_type="home.ContentPage",
            object_id="1",
            object_title=f"{org.slug} secret title",
        )
    client = signed_in(admin_of(hf, "hf.admin"))

    page = client.get("/admin/audit/").content.decode()
    export = client.get("/admin/audit/?export=csv").content.decode()

    assert "hf secret title" in page and "rbkc secret title" not in page
    assert export.splitlines()[0].startswith("occurred_at,username")
    assert "hf secret title" in export and "rbkc secret title" not in export


def test_staff_who_administer_nothing_cannot_read_the_audit_trail(councils):
    hf, _ = councils
    editor = editor_of(hf, "hf.editor")

    assert refusal(signed_in(editor).get("/admin/audit/")) == "302 /admin/"


def test_only_platform_operators_can_open_wagtails_site_history(councils):
    hf, _ = councils

    assert signed_in(admin_of(hf, "hf.admin")).get("/admin/reports/site-history/").status_code in (
        302,
        403,
    )
    operator = UserFactory(username="operator", is_superuser=True)
    assert signed_in(operator).get("/admin/reports/site-history/").status_code == 200


def test_can_edit_needs_both_sight_of_the_item_and_wagtails_permission(councils):
    from intranet.access.policy import can_edit

    hf, rbkc = councils
    editor = editor_of(hf, "hf.editor")
    ours = ContentPageFactory(parent=hf.section_page, title="Ours")
    theirs = ContentPageFactory(parent=rbkc.section_page, title="Theirs")
    staff = UserFactory(username="hf.staff", organisations=[hf])

    assert can_edit(editor, ours)
    assert not can_edit(editor, theirs)
    assert not can_edit(staff, ours)


def test_the_page_chooser_lists_only_pages_the_editor_may_see(councils):
    hf, rbkc = councils
    restrict(ContentPageFactory(parent=rbkc.section_page, title="RBKC staff only"), "organisation")
    ContentPageFactory(parent=rbkc.section_page, title="RBKC open guidance")
    client = signed_in(editor_of(hf, "hf.editor"))

    content = client.get(f"/admin/choose-page/{rbkc.section_page_id}/").content.decode()

    assert "RBKC open guidance" in content
    assert "RBKC staff only" not in content


def test_the_menu_leaves_out_sections_the_user_may_not_open(councils):
    hf, rbkc = councils
    restrict(rbkc.section_page.specific, "organisation")
    client = signed_in(UserFactory(username="hf.staff", organisations=[hf]))

    content = client.get("/").content.decode()

    assert 'href="/hf/"' in content
    assert 'href="/rbkc/"' not in content
