"""Every admin listing, chooser, API and report is trimmed by the access policy: each
finding of the probe, reproduced."""

import json
from datetime import date

import pytest

from intranet.access.models import InformationSharingAgreement
from intranet.organisations.models import Membership, OrganisationGroup
from tests.clients import signed_in

pytestmark = pytest.mark.django_db


def test_the_admin_documents_api_lists_only_documents_the_editor_may_see(partnership):
    hf, rbkc = partnership["hf"], partnership["rbkc"]
    client = signed_in(hf.editor)

    listing = client.get("/admin/api/main/documents/").json()
    searched = client.get("/admin/api/main/documents/?search=marker").json()
    detail = client.get(f"/admin/api/main/documents/{rbkc.org_only_document.pk}/")

    titles = sorted(item["title"] for item in listing["items"])
    assert titles == ["Rota marker-hf-org-doc"]
    assert listing["meta"]["total_count"] == 1
    assert [item["title"] for item in searched["items"]] == ["Rota marker-hf-org-doc"]
    assert detail.status_code == 404


def test_the_admin_pages_api_lists_only_pages_the_editor_may_see(partnership):
    hf = partnership["hf"]

    listing = signed_in(hf.editor).get("/admin/api/main/pages/?search=marker").json()

    assert [item["title"] for item in listing["items"]] == ["Evacuation plan marker-hf-org-page"]


def test_the_page_chooser_does_not_browse_into_a_page_the_editor_may_not_see(partnership):
    hf, rbkc = partnership["hf"], partnership["rbkc"]
    client = signed_in(hf.editor)

    hidden = client.get(f"/admin/choose-page/{rbkc.sensitive_page.pk}/")
    own = client.get(f"/admin/choose-page/{hf.organisation.section_page_id}/")

    assert hidden.status_code == 302
    assert "marker-rbkc" not in hidden.content.decode()
    assert own.status_code == 200
    assert "Evacuation plan marker-hf-org-page" in own.content.decode()
    assert "marker-hf-sensitive-page" not in own.content.decode()


def test_the_page_chooser_answers_only_for_chosen_pages_the_editor_may_see(partnership):
    hf, rbkc = partnership["hf"], partnership["rbkc"]
    ids = f"id={hf.org_only_page.pk}&id={rbkc.org_only_page.pk}&id=1"

    response = signed_in(hf.editor).get(f"/admin/choose-page/chosen-multiple/?{ids}")

    result = json.loads(response.content)["result"]
    assert [page["id"] for page in result] == [hf.org_only_page.pk]


@pytest.mark.parametrize("url", ["/admin/choose-page/search/", "/admin/documents/chooser/"])
def test_chooser_searches_work_and_are_trimmed(partnership, url):
    response = signed_in(partnership["hf"].editor).get(f"{url}?q=marker")

    content = response.content.decode()
    assert response.status_code == 200
    assert "marker-hf-org" in content
    assert "marker-rbkc" not in content
    assert "marker-hf-sensitive" not in content


def test_the_page_types_report_counts_and_names_only_pages_the_editor_may_see(partnership):
    hf = partnership["hf"]

    response = signed_in(hf.editor).get("/admin/reports/page-types-usage/")

    content_page = next(
        row for row in response.context["object_list"] if row.model == "contentpage"
    )
    assert content_page.count == 1
    assert content_page.last_edited_page.pk == hf.org_only_page.pk
    assert "marker-rbkc" not in response.content.decode()


@pytest.mark.parametrize(
    ("model", "objects"),
    [
        ("organisations/membership", lambda org: Membership.objects.filter(organisation=org)),
        (
            "organisations/organisationgroup",
            lambda org: OrganisationGroup.objects.filter(organisation=org),
        ),
    ],
)
def test_snippet_choosers_list_only_the_admins_own_organisation(partnership, model, objects):
    hf, rbkc = partnership["hf"], partnership["rbkc"]
    client = signed_in(hf.admin)

    listing = client.get(f"/admin/snippets/choose/{model}/")
    other = objects(rbkc.organisation).first()
    chosen = client.get(f"/admin/snippets/choose/{model}/chosen/{other.pk}/")

    shown = {obj.pk for obj in listing.context["results"]}
    assert shown == set(objects(hf.organisation).values_list("pk", flat=True))
    assert chosen.status_code == 404


def test_an_agreement_chooser_lists_only_agreements_the_admin_grants(partnership):
    hf, rbkc = partnership["hf"], partnership["rbkc"]
    term = {"purpose": "Joint reviews", "starts_on": date(2026, 1, 1), "ends_on": date(2027, 1, 1)}
    ours = InformationSharingAgreement.objects.create(
        grantor=hf.organisation, grantee=rbkc.organisation, reference="ISA-HF-1", **term
    )
    InformationSharingAgreement.objects.create(
        grantor=rbkc.organisation, grantee=hf.organisation, reference="ISA-RBKC-1", **term
    )

    response = signed_in(hf.admin).get("/admin/snippets/choose/access/informationsharingagreement/")

    assert [obj.pk for obj in response.context["results"]] == [ours.pk]


@pytest.mark.parametrize("view", ["history", "usage"])
def test_an_admin_opens_the_history_and_usage_of_their_own_group(partnership, view):
    hf = partnership["hf"]
    group = OrganisationGroup.objects.filter(organisation=hf.organisation).first()

    response = signed_in(hf.admin).get(
        f"/admin/snippets/organisations/organisationgroup/{view}/{group.pk}/"
    )

    assert response.status_code == 200
