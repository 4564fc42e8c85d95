"""WordPress pages become content pages in the organisation's section (or below --under),
keeping their hierarchy and their menu order, their titles, excerpts and dates."""

import datetime

import pytest

from home.models import ContentPage
from tests.factories import ContentPageFactory
from tests.importers.wxr import item, run_import, sid, write_export

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture
def export(tmp_path):
    return write_export(
        tmp_path,
        # A child before its parent, and siblings out of menu order: as exports come.
        item(12, "Leave", parent=10, menu_order=2, content="<p>Annual leave.</p>"),
        item(11, "Pay", parent=10, menu_order=1, content="<p>Pay day.</p>"),
        item(10, "HR", excerpt="Human resources", content="<p>All about HR.</p>"),
        item(13, "Sick pay", parent=11),
    )


def test_pages_keep_their_hierarchy_and_menu_order_under_the_section(organisation, export):
    rows, _ = run_import(export)

    assert {row["outcome"] for row in rows.values()} == {"created"}
    section = organisation.section_page
    hr = ContentPage.objects.get(title="HR")
    assert hr.get_parent().pk == section.pk
    assert [p.title for p in hr.get_children()] == ["Pay", "Leave"]
    assert ContentPage.objects.get(title="Sick pay").get_parent().title == "Pay"
    assert hr.summary == "Human resources"
    assert hr.body[0].value.source == "<p>All about HR.</p>"
    assert rows[sid(10)]["target_url"] == hr.get_url()


def test_pages_keep_wordpress_publishing_dates(organisation, export):
    run_import(export)

    hr = ContentPage.objects.get(title="HR")
    assert hr.live
    assert hr.first_published_at == datetime.datetime(2019, 3, 4, 10, 0, tzinfo=UTC)
    assert hr.last_published_at == datetime.datetime(2020, 5, 6, 11, 30, tzinfo=UTC)


def test_under_puts_the_pages_below_a_page_of_the_section(organisation, export):
    old = ContentPageFactory(
        title="Old intranet", slug="old-intranet", parent=organisation.section_page
    )

    run_import(export, "--under", "old-intranet")

    assert ContentPage.objects.get(title="HR").get_parent().pk == old.pk


def test_a_page_whose_parent_is_not_imported_goes_at_the_top(organisation, tmp_path):
    rows, _ = run_import(write_export(tmp_path, item(20, "Orphan", parent=99)))

    assert rows[sid(20)]["outcome"] == "created"
    assert ContentPage.objects.get(title="Orphan").get_parent().pk == organisation.section_page.pk
