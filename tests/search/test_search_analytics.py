"""Search analytics: anonymous counts per day, organisation and query, kept 90 days, and a
report each organisation's admins see for their own staff's searches only."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from search import analytics
from search.analytics import purge_older_than, record_search
from search.engine_indexes import refresh_entry_index
from search.models import SearchQueryDay
from search.query import SearchRequest
from search.service import run_search, suggest
from tests.clients import signed_in
from tests.factories import (
    ContentPageFactory,
    UserFactory,
    add_to_group,
    admin_of,
)

pytestmark = pytest.mark.django_db

REPORT = "/admin/search-queries/"


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def counts():
    return {
        (row.day, row.organisation.slug if row.organisation else None, row.query): (
            row.searches,
            row.zero_results,
            row.results_total,
        )
        for row in SearchQueryDay.objects.select_related("organisation")
    }


# --- Recording --------------------------------------------------------------------------------


def test_searches_are_counted_per_day_organisation_and_normalised_query(councils):
    hf, rbkc = councils
    ours = UserFactory(username="hf.staff", organisations=[hf])
    theirs = UserFactory(username="rbkc.staff", organisations=[rbkc])
    nobody = UserFactory(username="loner")

    record_search(ours, "Annual leave", 4)
    record_search(ours, "  annual   LEAVE? ", 2)
    record_search(ours, "parking", 0)
    record_search(theirs, "annual leave", 0)
    record_search(nobody, "annual leave", 1)
    record_search(nobody, "annual leave", 0)

    today = timezone.localdate()
    assert counts() == {
        (today, "hf", "annual leave"): (2, 0, 6),
        (today, "hf", "parking"): (1, 1, 0),
        (today, "rbkc", "annual leave"): (1, 1, 0),
        (today, None, "annual leave"): (2, 1, 1),
    }


def test_the_searchers_first_organisation_counts(councils):
    hf, rbkc = councils
    both = UserFactory(username="both", organisations=[rbkc, hf])

    record_search(both, "leave", 1)

    assert SearchQueryDay.objects.get().organisation == rbkc


def test_empty_searches_are_not_counted_and_long_ones_are_cut(councils):
    hf, _ = councils
    staff = UserFactory(username="hf.staff", organisations=[hf])

    record_search(staff, "", 0)
    record_search(staff, " ?! ", 0)
    record_search(staff, "word " * 100, 0)

    (query,) = SearchQueryDay.objects.values_list("query", flat=True)
    assert len(query) <= 200 and query.startswith("word word") and not query.endswith(" ")


def test_a_new_day_gets_a_new_row(councils):
    hf, _ = councils
    staff = UserFactory(username="hf.staff", organisations=[hf])
    SearchQueryDay.objects.create(
        day=days_ago(1), organisation=hf, query="leave", searches=5, results_total=10
    )

    record_search(staff, "leave", 3)

    assert counts() == {
        (days_ago(1), "hf", "leave"): (5, 0, 10),
        (timezone.localdate(), "hf", "leave"): (1, 0, 3),
    }


def test_nothing_about_the_searcher_is_stored():
    user_model = get_user_model()
    fields = SearchQueryDay._meta.get_fields()

    assert not [f for f in fields if f.is_relation and f.related_model is user_model]
    assert {f.name for f in fields} == {
        "id",
        "day",
        "organisation",
        "query",
        "searches",
        "zero_results",
        "results_total",
    }


def test_a_search_is_counted_on_its_first_page_only_and_type_ahead_is_not(councils):
    hf, _ = councils
    staff = UserFactory(username="hf.staff", organisations=[hf])
    ContentPageFactory(parent=hf.section_page, title="Annual leave")
    refresh_entry_index()  # with a search engine: searchable now, not in a second

    run_search(staff, SearchRequest("annual leave"))
    run_search(staff, SearchRequest("annual leave", page=2))
    run_search(staff, SearchRequest("no such thing"))
    run_search(staff, SearchRequest(""))
    suggest(staff, "annu")

    today = timezone.localdate()
    assert counts() == {
        (today, "hf", "annual leave"): (1, 0, 1),
        (today, "hf", "no such thing"): (1, 1, 0),
    }


def test_the_page_and_the_api_count_searches(councils, staff_client):
    staff_client.get("/search/", {"q": "leave"})
    staff_client.get("/api/search/", {"q": "leave"})
    staff_client.get("/api/search/suggest/", {"q": "lea"})

    assert SearchQueryDay.objects.get(query="leave").searches == 2


def test_a_failure_to_count_never_breaks_a_search(councils, monkeypatch, caplog):
    hf, _ = councils
    staff = UserFactory(username="hf.staff", organisations=[hf])
    ContentPageFactory(parent=hf.section_page, title="Annual leave")
    refresh_entry_index()  # with a search engine: searchable now, not in a second

    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(analytics, "_record", broken)
    response = run_search(staff, SearchRequest("annual leave"))

    assert response.total == 1
    assert "Could not record a search" in caplog.text
    assert not SearchQueryDay.objects.exists()


# --- Retention --------------------------------------------------------------------------------


def _rows_aged(*ages):
    for age in ages:
        SearchQueryDay.objects.create(day=days_ago(age), query=f"aged {age}", searches=1)


def test_purging_removes_counts_older_than_90_days():
    _rows_aged(0, 89, 90, 91, 400)

    assert purge_older_than(90) == 2
    assert sorted(SearchQueryDay.objects.values_list("query", flat=True)) == [
        "aged 0",
        "aged 89",
        "aged 90",
    ]


def test_a_search_deletes_nothing_itself_the_first_of_a_day_queues_the_purge(
    councils, django_capture_on_commit_callbacks
):
    hf, _ = councils
    _rows_aged(400)

    with django_capture_on_commit_callbacks() as queued:
        record_search(UserFactory(username="hf.staff", organisations=[hf]), "parking", 3)

    assert SearchQueryDay.objects.filter(query="aged 400").exists()
    assert len(queued) == 1
    queued[0]()  # What the worker runs (tests use the immediate task backend).
    assert not SearchQueryDay.objects.filter(query="aged 400").exists()


def test_the_purge_command_takes_a_number_of_days():
    _rows_aged(5, 20, 100)
    out = io.StringIO()

    call_command("purge_search_queries", stdout=out)
    assert "Deleted 1 " in out.getvalue()
    call_command("purge_search_queries", "--days", "10", stdout=out)

    assert list(SearchQueryDay.objects.values_list("query", flat=True)) == ["aged 5"]


def test_the_first_search_of_a_day_purges_old_counts(councils, django_capture_on_commit_callbacks):
    hf, _ = councils
    staff = UserFactory(username="hf.staff", organisations=[hf])
    _rows_aged(1, 91)

    with django_capture_on_commit_callbacks(execute=True):  # the queued purge runs
        record_search(staff, "leave", 1)

    assert sorted(SearchQueryDay.objects.values_list("query", flat=True)) == ["aged 1", "leave"]


# --- The report -------------------------------------------------------------------------------


@pytest.fixture
def searched(councils):
    hf, rbkc = councils
    rows = [
        (hf, "annual leave", 0, 10, 2, 30),
        (hf, "parking permit", 0, 3, 3, 0),
        (hf, "old hf search", 40, 7, 0, 7),
        (rbkc, "rbkc secret project", 0, 5, 1, 8),
        (None, "unaffiliated", 0, 1, 0, 1),
    ]
    for organisation, query, age, searches, zero, total in rows:
        SearchQueryDay.objects.create(
            day=days_ago(age),
            organisation=organisation,
            query=query,
            searches=searches,
            zero_results=zero,
            results_total=total,
        )
    return councils


def test_an_admin_sees_only_their_own_organisations_queries(searched):
    hf, _ = searched
    client = signed_in(admin_of(hf, "hf.admin"))

    response = client.get(REPORT)
    content = response.content.decode()

    assert response.status_code == 200
    assert "annual leave" in content and "parking permit" in content
    assert "rbkc secret project" not in content and "unaffiliated" not in content
    assert "old hf search" not in content  # older than the default 30 days
    assert "<td>annual leave</td><td>10</td><td>3.0</td>" in content
    assert "<td>parking permit</td><td>3</td>" in content
    assert 'name="organisation"' not in content  # one organisation: nothing to choose
    assert "old hf search" in client.get(REPORT, {"period": "90"}).content.decode()


def test_an_admin_cannot_choose_another_organisation(searched):
    hf, _ = searched
    client = signed_in(admin_of(hf, "hf.admin"))

    content = client.get(REPORT, {"organisation": "rbkc"}).content.decode()

    assert "rbkc secret project" not in content and "annual leave" in content


def test_the_csv_has_the_admins_own_organisations_queries(searched):
    hf, _ = searched
    client = signed_in(admin_of(hf, "hf.admin"))

    response = client.get(REPORT, {"period": "90", "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert rows[0] == [
        "organisation",
        "query",
        "searches",
        "zero_result_searches",
        "average_results",
        "since",
    ]
    assert [row[:5] for row in rows[1:]] == [
        ["hf", "annual leave", "10", "2", "3.0"],
        ["hf", "old hf search", "7", "0", "1.0"],
        ["hf", "parking permit", "3", "3", "0.0"],
    ]


def test_platform_operators_see_every_organisation_and_can_choose_one(searched):
    operator = UserFactory(username="operator", is_superuser=True)
    client = signed_in(operator)

    everything = client.get(REPORT).content.decode()
    rbkc_only = client.get(REPORT, {"organisation": "rbkc"}).content.decode()

    assert "annual leave" in everything and "rbkc secret project" in everything
    assert "unaffiliated" in everything
    assert 'name="organisation"' in everything
    assert "rbkc secret project" in rbkc_only and "annual leave" not in rbkc_only


def test_people_who_administer_nothing_are_refused_the_report(searched):
    hf, _ = searched
    editor = UserFactory(username="hf.editor", organisations=[hf])
    add_to_group(editor, hf, "editors")
    staff = UserFactory(username="hf.staff", organisations=[hf])

    assert signed_in(editor).get(REPORT).status_code == 403
    assert signed_in(editor).get(REPORT, {"export": "csv"}).status_code == 403
    # Staff without admin access at all are sent to sign in by Wagtail first.
    assert signed_in(staff).get(REPORT).status_code == 302
