"""Best bets: pinned above a search's results, but only for people who may open what they pin,
and managed by each organisation's own admins."""

import pytest
from django.core.exceptions import ValidationError

from search.models import BestBet, normalise_query
from search.promotions import promotions_for
from search.query import SearchRequest
from search.service import run_search
from tests.clients import refusal, signed_in
from tests.factories import (
    ContentPageFactory,
    UserFactory,
    add_to_group,
    admin_of,
    restrict,
    shared_home,
)
from tests.search.helpers import library_document

pytestmark = pytest.mark.django_db


def bet(organisation, target, queries="annual leave", **fields) -> BestBet:
    kind = "page" if hasattr(target, "url_path") else "document"
    best_bet = BestBet(organisation=organisation, queries=queries, **{kind: target}, **fields)
    best_bet.full_clean()
    best_bet.save()
    return best_bet


# --- Matching ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Annual leave", "annual leave"),
        ("  ANNUAL   leave\t", "annual leave"),
        ("annual-leave?", "annual leave"),
        ("Who's who", "whos who"),
        ("“Pay & grading”!", "pay grading"),
        ("snake_case", "snake case"),
        ("...", ""),
    ],
)
def test_queries_are_normalised(text, expected):
    assert normalise_query(text) == expected


def test_a_best_bet_matches_the_whole_normalised_query(councils):
    hf, _ = councils
    staff = UserFactory(username="hf.staff", organisations=[hf])
    page = ContentPageFactory(parent=hf.section_page, title="Book your leave")
    bet(hf, page, queries="Annual leave\n  HOLIDAY \n\n")

    assert [p.title for p in promotions_for(staff, "annual LEAVE!")] == ["Book your leave"]
    assert [p.title for p in promotions_for(staff, "holiday")] == ["Book your leave"]
    assert promotions_for(staff, "annual") == []
    assert promotions_for(staff, "annual leave policy") == []
    assert promotions_for(staff, "") == []


# --- Who sees what ----------------------------------------------------------------------------


def test_a_best_bet_on_an_organisation_only_page_is_shown_only_to_that_organisation(councils):
    hf, rbkc = councils
    page = restrict(ContentPageFactory(parent=hf.section_page, title="H&F leave"), "organisation")
    bet(hf, page, description="How to book leave.")
    ours = UserFactory(username="hf.staff", organisations=[hf])
    theirs = UserFactory(username="rbkc.staff", organisations=[rbkc])

    shown = promotions_for(ours, "annual leave")

    assert [(p.title, p.url, p.description, p.kind) for p in shown] == [
        ("H&F leave", "/hf/hf-leave/", "How to book leave.", "page")
    ]
    assert shown[0].organisation == hf
    assert promotions_for(theirs, "annual leave") == []


def test_a_best_bet_on_an_organisation_only_document_is_shown_only_to_that_organisation(councils):
    hf, rbkc = councils
    document = library_document(hf, "Leave form", "Fill this in.", audience="organisation")
    bet(hf, document, title="The leave form")

    shown = promotions_for(UserFactory(username="hf.staff", organisations=[hf]), "annual leave")

    assert [(p.title, p.kind, p.organisation) for p in shown] == [
        ("The leave form", "document", hf)
    ]
    assert shown[0].url == f"/documents/{document.pk}/"
    assert (
        promotions_for(UserFactory(username="rbkc.s", organisations=[rbkc]), "annual leave") == []
    )


def test_inactive_best_bets_and_unpublished_pages_are_not_shown(councils):
    hf, _ = councils
    staff = UserFactory(username="hf.staff", organisations=[hf])
    bet(hf, ContentPageFactory(parent=hf.section_page, title="Switched off"), active=False)
    draft = ContentPageFactory(parent=hf.section_page, title="Withdrawn")
    bet(hf, draft)
    draft.unpublish()

    assert promotions_for(staff, "annual leave") == []


def test_own_organisations_best_bets_come_first_without_repeats_and_at_most_three(councils):
    hf, rbkc = councils
    shared = ContentPageFactory(parent=shared_home(), title="Leave across the partnership")
    bet(rbkc, shared, sort_order=-5)
    bet(rbkc, ContentPageFactory(parent=rbkc.section_page, title="RBKC leave"), sort_order=-9)
    bet(hf, shared, title="Partnership leave (pinned by H&F)", sort_order=2)
    bet(hf, ContentPageFactory(parent=hf.section_page, title="H&F leave"), sort_order=1)
    bet(hf, ContentPageFactory(parent=hf.section_page, title="Booking leave"), sort_order=1)
    staff = UserFactory(username="hf.staff", organisations=[hf])

    shown = promotions_for(staff, "annual leave")

    assert [p.title for p in shown] == [
        "Booking leave",
        "H&F leave",
        "Partnership leave (pinned by H&F)",
    ]
    assert shown[2].organisation is None  # The shared area belongs to no one organisation.
    rbkc_staff = UserFactory(username="rbkc.staff", organisations=[rbkc])
    assert [p.title for p in promotions_for(rbkc_staff, "annual leave")] == [
        "RBKC leave",
        "Leave across the partnership",
        "Booking leave",
    ]


def test_promotions_come_with_a_searchs_first_page_only(councils):
    hf, _ = councils
    staff = UserFactory(username="hf.staff", organisations=[hf])
    bet(hf, ContentPageFactory(parent=hf.section_page, title="H&F leave"))

    first = run_search(staff, SearchRequest("Annual leave"))
    second = run_search(staff, SearchRequest("Annual leave", page=2))

    assert [p.title for p in first.promotions] == ["H&F leave"]
    assert second.promotions == []


def test_promotions_are_in_the_search_api(councils):
    hf, rbkc = councils
    page = restrict(ContentPageFactory(parent=hf.section_page, title="H&F leave"), "organisation")
    bet(hf, page, description="How to book leave.")

    ours = signed_in(UserFactory(username="hf.staff", organisations=[hf]))
    theirs = signed_in(UserFactory(username="rbkc.staff", organisations=[rbkc]))

    assert ours.get("/api/search/", {"q": "annual leave"}).json()["promotions"] == [
        {
            "title": "H&F leave",
            "url": "/hf/hf-leave/",
            "description": "How to book leave.",
            "organisation": "hf",
            "type": "page",
        }
    ]
    assert theirs.get("/api/search/", {"q": "annual leave"}).json()["promotions"] == []


def test_best_bets_are_shown_on_the_search_page(councils):
    hf, _ = councils
    bet(hf, ContentPageFactory(parent=hf.section_page, title="H&F leave"), description="Book it.")
    client = signed_in(UserFactory(username="hf.staff", organisations=[hf]))

    content = client.get("/search/", {"q": "annual leave"}).content.decode()

    assert '<section class="commons-best-bets"' in content
    assert ">H&amp;F leave</a>" in content and "Book it." in content


# --- Validation -------------------------------------------------------------------------------


def test_a_best_bet_needs_exactly_one_target(councils):
    hf, _ = councils
    page = ContentPageFactory(parent=hf.section_page, title="H&F leave")
    document = library_document(hf, "Leave form", "Fill this in.")

    with pytest.raises(ValidationError) as neither:
        BestBet(organisation=hf, queries="leave").full_clean()
    with pytest.raises(ValidationError) as both:
        BestBet(organisation=hf, queries="leave", page=page, document=document).full_clean()

    assert "page" in neither.value.message_dict
    assert "not both" in both.value.message_dict["document"][0]


def test_a_best_bet_needs_a_query(councils):
    hf, _ = councils
    page = ContentPageFactory(parent=hf.section_page, title="H&F leave")

    with pytest.raises(ValidationError) as error:
        BestBet(organisation=hf, queries=" ?! \n", page=page).full_clean()

    assert "queries" in error.value.message_dict


def test_an_organisation_cannot_pin_another_organisations_page_or_document(councils):
    hf, rbkc = councils
    theirs = ContentPageFactory(parent=rbkc.section_page, title="RBKC leave")
    their_document = library_document(rbkc, "RBKC form", "Fill this in.")

    with pytest.raises(ValidationError) as page_error:
        BestBet(organisation=hf, queries="leave", page=theirs).full_clean()
    with pytest.raises(ValidationError) as document_error:
        BestBet(organisation=hf, queries="leave", document=their_document).full_clean()

    assert "another organisation" in page_error.value.message_dict["page"][0]
    assert "another organisation" in document_error.value.message_dict["document"][0]


def test_an_organisation_may_pin_shared_content(councils):
    hf, _ = councils
    shared = ContentPageFactory(parent=shared_home(), title="Partnership leave")

    BestBet(organisation=hf, queries="leave", page=shared).full_clean()


# --- The admin --------------------------------------------------------------------------------

BEST_BETS = "/admin/snippets/search/bestbet/"


def test_an_admin_adds_a_best_bet_for_their_organisation(councils):
    hf, _ = councils
    page = ContentPageFactory(parent=hf.section_page, title="H&F leave")
    client = signed_in(admin_of(hf, "hf.admin"))

    form = client.get(f"{BEST_BETS}add/")
    response = client.post(
        f"{BEST_BETS}add/",
        {
            "organisation": hf.pk,
            "queries": "Annual leave\nholiday",
            "page": page.pk,
            "title": "",
            "description": "How to book leave.",
            "sort_order": "0",
            "active": "on",
        },
    )

    assert form.status_code == 200
    assert response.status_code == 302
    saved = BestBet.objects.get()
    assert saved.organisation == hf and saved.page_id == page.pk
    assert saved.normalised_queries == "\nannual leave\nholiday\n"


def test_an_admin_cannot_pin_another_organisations_page_in_the_admin(councils):
    hf, rbkc = councils
    theirs = ContentPageFactory(parent=rbkc.section_page, title="RBKC leave")

    response = signed_in(admin_of(hf, "hf.admin")).post(
        f"{BEST_BETS}add/",
        {"organisation": hf.pk, "queries": "leave", "page": theirs.pk, "sort_order": "0"},
    )

    assert response.status_code == 200
    assert "another organisation" in response.content.decode()
    assert not BestBet.objects.exists()


def test_an_admin_cannot_add_a_best_bet_for_another_organisation(councils):
    hf, rbkc = councils
    shared = ContentPageFactory(parent=shared_home(), title="Partnership leave")

    response = signed_in(admin_of(hf, "hf.admin")).post(
        f"{BEST_BETS}add/",
        {"organisation": rbkc.pk, "queries": "leave", "page": shared.pk, "sort_order": "0"},
    )

    assert response.status_code == 200
    assert not BestBet.objects.exists()


def test_an_admin_sees_and_opens_only_their_own_organisations_best_bets(councils):
    hf, rbkc = councils
    ours = bet(hf, ContentPageFactory(parent=hf.section_page, title="H&F leave"))
    theirs = bet(rbkc, ContentPageFactory(parent=rbkc.section_page, title="RBKC leave"))
    client = signed_in(admin_of(hf, "hf.admin"))

    listing = client.get(BEST_BETS).content.decode()

    assert "H&amp;F leave" in listing and f"/edit/{ours.pk}/" in listing
    assert "RBKC leave" not in listing and f"/edit/{theirs.pk}/" not in listing
    assert client.get(f"{BEST_BETS}edit/{ours.pk}/").status_code == 200
    assert refusal(client.get(f"{BEST_BETS}edit/{theirs.pk}/")) == "302 /admin/"
    assert refusal(client.post(f"{BEST_BETS}delete/{theirs.pk}/")) == "302 /admin/"
    client.post(f"/admin/bulk/search/bestbet/delete/?id={theirs.pk}", {"next": BEST_BETS})
    assert BestBet.objects.filter(pk=theirs.pk).exists()
    client.post(f"/admin/bulk/search/bestbet/delete/?id={ours.pk}", {"next": BEST_BETS})
    assert not BestBet.objects.filter(pk=ours.pk).exists()  # (the bulk action does work)


def test_platform_operators_see_every_organisations_best_bets(councils):
    hf, rbkc = councils
    bet(hf, ContentPageFactory(parent=hf.section_page, title="H&F leave"))
    bet(rbkc, ContentPageFactory(parent=rbkc.section_page, title="RBKC leave"))
    operator = UserFactory(username="operator", is_superuser=True)

    listing = signed_in(operator).get(BEST_BETS).content.decode()

    assert "H&amp;F leave" in listing and "RBKC leave" in listing


def test_staff_who_administer_nothing_cannot_manage_best_bets(councils):
    hf, _ = councils
    bet(hf, ContentPageFactory(parent=hf.section_page, title="H&F leave"))
    editor = UserFactory(username="hf.editor", organisations=[hf])
    add_to_group(editor, hf, "editors")
    client = signed_in(editor)

    assert refusal(client.get(BEST_BETS)) == "302 /admin/"
    assert refusal(client.get(f"{BEST_BETS}add/")) == "302 /admin/"
    menu = client.get("/admin/").content.decode()
    assert "Best bets" not in menu and "Search queries" not in menu


def test_the_search_menu_holds_best_bets_and_the_query_report_for_admins(councils):
    hf, _ = councils

    menu = signed_in(admin_of(hf, "hf.admin")).get("/admin/").content.decode()

    assert "Best bets" in menu and "Search queries" in menu
