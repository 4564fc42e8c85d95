"""A WordPress import can be undone: its pages, news, redirects and source ids go; an
undo that would lose a later edit in Commons is refused, naming the page."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect

from home.models import ContentPage, NewsArticlePage
from intranet.imports.models import ImportedObject, ImportRun
from search.models import SearchEntry
from tests.importers.wxr import item, run_import, sid, write_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path):
    return write_export(
        tmp_path,
        item(1, "About", content='<p><a href="/?p=3">news</a></p>'),
        item(2, "Team", parent=1),
        item(3, "Hello", post_type="post"),
    )


def undo(run: ImportRun) -> str:
    out = StringIO()
    call_command("import_undo", str(run.pk), stdout=out)
    return out.getvalue().strip()


def test_undoing_an_import_removes_its_pages_redirects_and_source_ids(organisation, export):
    pages_before = SearchEntry.objects.count()
    run_import(export)
    run = ImportRun.objects.get()

    message = undo(run)

    assert message.startswith(f"Undid import run {run.pk}: ")
    assert not ContentPage.objects.filter(title__in=["About", "Team"]).exists()
    assert not NewsArticlePage.objects.exists()
    assert not Redirect.objects.exists()
    assert not ImportedObject.objects.exists()
    assert SearchEntry.objects.count() == pages_before


def test_undoing_a_reimport_puts_the_earlier_text_back(organisation, export, tmp_path):
    run_import(export)
    run_import(write_export(tmp_path, item(1, "About", content="<p>Changed</p>"), name="b.xml"))
    second = ImportRun.objects.latest("pk")

    undo(second)

    about = ContentPage.objects.get(title="About")
    assert about.live
    assert about.body[0].value.source.startswith('<p><a linktype="page"')


def test_an_undo_that_would_lose_an_edit_in_commons_is_refused(organisation, export, staff_user):
    run_import(export)
    run = ImportRun.objects.get()
    team = ContentPage.objects.get(title="Team")
    team.title = "Our team"
    team.save_revision(user=staff_user).publish()

    with pytest.raises(CommandError) as refused:
        undo(run)

    assert str(refused.value) == (
        f"Import run {run.pk} cannot be undone: these were changed after it, and undoing it "
        f"would lose those edits: Team ({sid(2)}). "
        "Undo later runs first, or revert those edits by hand."
    )
    assert ContentPage.objects.filter(title="About").exists()
