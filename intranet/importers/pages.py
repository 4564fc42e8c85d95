"""Writing what a site importer brings: pages made or updated by their source id, old
addresses redirected to them, and their place in the section's navigation.

Every importer of a site (WordPress, SharePoint, static HTML) writes through ``SiteWriter``,
so they share one meaning of "unchanged", one rule for pages a person has since edited in
Commons (left alone, reported) and one way of recording what a run did for ``import_undo``.
A dry run asks the same questions and gets the same outcomes, but nothing is written.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.rich_text import RichText

from home.services import add_page, page_dates_set
from intranet.imports import services as runs
from intranet.imports.models import ImportedObject, ImportRun, Outcome
from intranet.imports.reporting import ItemResult
from intranet.organisations.models import Organisation

from .content import DANGLING_NOTE, Converted

EDITED_REASON = "edited in Commons since it was imported: left as it is"
DRY_RUN_NOTE = "dry run: nothing written"
MAX_OLD_PATH = Redirect._meta.get_field("old_path").max_length
# What fails one item (rolled back, reported) rather than the run.
ITEM_FAILURES = (OSError, ValueError, ValidationError, DatabaseError)


@dataclass
class PageContent:
    """What an importer wants a page to be. ``fields`` are the model's own (summary, body as
    ``[(block_type, value)]``, audience, a news article's date…); ``dates`` are the old site's
    ``first_published_at`` / ``last_published_at``, put back after publishing."""

    model: type[Page]
    title: str
    slug: str
    fields: dict = field(default_factory=dict)
    tags: list[str] | None = None  # None: the model has no tags
    live: bool = True
    dates: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Written:
    result: ItemResult
    page: Page | None = None  # None for a dry run, a skip or an unchanged page's stand-in


def rich_text_body(html: str) -> list[tuple[str, RichText]]:
    """A body of one rich-text paragraph block, or none when there is no text."""
    return [("paragraph", RichText(html))] if html.strip() else []


class SiteWriter:
    """One run's writes for one importer into one organisation: the map from source ids to
    what earlier runs made (so a re-run updates), and the record of what this run changed."""

    def __init__(
        self, importer: str, organisation: Organisation, run: ImportRun | None, dry_run: bool
    ):
        self.importer = importer
        self.organisation = organisation
        self.run = run
        self.dry_run = dry_run
        # Pages whose links point at items written later in the run: (pk, report line, how
        # to convert their text again). ``finishing`` once those are being fixed: an item not
        # written by then never will be, and a link to it is dangling.
        self.pending: list[tuple[int, ItemResult, Callable[[], Converted]]] = []
        self.finishing = False
        self.mapped = {
            mapping.source_id: mapping
            for mapping in ImportedObject.objects.filter(
                importer=importer, organisation=organisation
            ).select_related("content_type")
        }

    # --- Source ids -----------------------------------------------------------------------

    def existing(self, source_id: str, model: type[models.Model] = Page):
        """What an earlier run made for ``source_id`` (its specific page), if it is a ``model``."""
        mapping = self.mapped.get(source_id)
        if mapping is None:
            return None
        target_model = mapping.content_type.model_class()
        if target_model is None or not issubclass(target_model, model):
            return None
        found = target_model._default_manager.filter(pk=mapping.object_id).first()
        return found.specific if isinstance(found, Page) else found

    def recorded(self, source_id: str, target, created: bool, previous) -> None:
        """``target`` answers ``source_id`` from now on, and this run made or changed it."""
        mapping = runs.remember(self.importer, self.organisation, source_id, target)
        self.mapped[source_id] = mapping
        if created:
            runs.record_created(self.run, source_id, target)
        else:
            runs.record_updated(self.run, source_id, target, previous)

    # --- Pages ----------------------------------------------------------------------------

    def write_page(
        self, source_id: str, kind: str, parent: Page, content: PageContent, notes: list[str]
    ) -> Written:
        """Make, update or leave the page for ``source_id``; its report line says which."""
        reason = "; ".join(notes)
        existing = self.existing(source_id, Page)
        if existing is not None:
            latest = existing.latest_revision
            if latest is not None and latest.user_id is not None:
                return Written(ItemResult(source_id, kind, Outcome.SKIPPED, EDITED_REASON))
            if _same(existing, content):
                return Written(
                    ItemResult(source_id, kind, Outcome.UNCHANGED, reason, page_url(existing)),
                    existing,
                )
        outcome = Outcome.CREATED if existing is None else Outcome.UPDATED
        if self.dry_run:
            return Written(ItemResult(source_id, kind, outcome, "; ".join([DRY_RUN_NOTE, *notes])))
        if existing is None:
            page = content.model(
                title=content.title, slug=self.free_slug(parent, content.slug), **content.fields
            )
            if content.tags is not None:
                page.tags.set(content.tags, clear=True)
            add_page(parent, page, publish=content.live)
            previous = None
        else:
            previous = runs.snapshot(existing)
            page = existing.get_latest_revision_as_object()
            page.title = content.title
            for name, value in content.fields.items():
                setattr(page, name, value)
            if content.tags is not None:
                page.tags.set(content.tags, clear=True)
            revision = page.save_revision()
            if content.live:
                revision.publish()
            elif existing.live:
                page.unpublish()
        page = self._put_dates(page, content.dates if content.live else {})
        self.recorded(source_id, page, existing is None, previous)
        return Written(ItemResult(source_id, kind, outcome, reason, page_url(page)), page)

    def rewrite_body(self, source_id: str, page: Page, body: list) -> bool:
        """A second pass's body (links to pages written after it), as a new revision; kept
        live and dated as it was. False when the body was already that."""
        draft = page.get_latest_revision_as_object()
        if body_signature(draft.body) == body_signature(body):
            return False
        draft.body = body
        revision = draft.save_revision()
        if page.live:
            revision.publish()
            self._put_dates(
                page,
                {
                    "first_published_at": page.first_published_at,
                    "last_published_at": page.last_published_at,
                },
            )
        runs.record_updated(self.run, source_id, page, None)
        return True

    def link_later(self, page: Page, result: ItemResult, convert_again) -> None:
        """``page`` links to items written after it: ``fix_links`` converts its text again."""
        self.pending.append((page.pk, result, convert_again))

    def fix_links(self) -> None:
        """Pages whose links pointed at items written after them: their text again, now
        that every target has its page or document (a second revision in the same run). A
        target that was not written after all (it failed) is reported as a dangling link."""
        self.finishing = True
        for pk, result, convert_again in self.pending:
            try:
                with transaction.atomic():
                    converted = convert_again()
                    page = Page.objects.get(pk=pk).specific
                    self.rewrite_body(result.source_id, page, rich_text_body(converted.html))
            except ITEM_FAILURES as error:
                note = f"its links to later items could not be rewritten: {error}"
                result.reason = "; ".join(filter(None, [result.reason, note]))
                continue
            kept = [
                part
                for part in result.reason.split("; ")
                if part and not part.startswith(DANGLING_NOTE)
            ]
            if converted.dangling:  # the first pass's list, now complete
                kept.append(DANGLING_NOTE + ", ".join(converted.dangling))
            result.reason = "; ".join(kept)

    def free_slug(self, parent: Page, slug: str) -> str:
        """``slug``, or with ``-2``, ``-3``… when a sibling has it already."""
        base = (slugify(slug) or "page")[:200]
        taken = set(
            parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True)
        )
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def _put_dates(self, page: Page, dates: dict) -> Page:
        """The old site's publishing dates, not today's; then the page's derived data (its
        search entry) once more, with them."""
        if dates:
            Page.objects.filter(pk=page.pk).update(**dates)
        page = Page.objects.get(pk=page.pk).specific
        if dates:
            page_dates_set(page)
        return page

    # --- Old addresses --------------------------------------------------------------------

    def redirect(
        self, source_id: str, old_paths: Iterable[str], page: Page | None = None, link: str = ""
    ) -> None:
        """Each old path (with its query, e.g. ``/?p=12``) → ``page`` or ``link``, site-wide."""
        if self.dry_run:
            return
        for old in sorted(set(old_paths)):
            old_path = Redirect.normalise_path(old)
            if old_path in {"", "/"}:
                continue  # the old home page: never redirect the site's root
            if len(old_path) > MAX_OLD_PATH:
                continue  # longer than a redirect can hold; the page is still imported
            redirect = Redirect.objects.filter(site=None, old_path=old_path).first()
            if redirect is None:
                redirect = Redirect.objects.create(
                    old_path=old_path, site=None, redirect_page=page, redirect_link=link
                )
                runs.record_created(self.run, source_id, redirect)
            elif (redirect.redirect_page_id, redirect.redirect_link) != (
                page.pk if page else None,
                link,
            ):
                previous = runs.snapshot(redirect)
                redirect.redirect_page = page
                redirect.redirect_link = link
                redirect.save()
                runs.record_updated(self.run, source_id, redirect, previous)

    # --- Navigation -----------------------------------------------------------------------

    def order_menu(self, pages: list[Page]) -> set[int]:
        """The old site's menu, as far as its entries are imported pages: each shown in menus,
        and siblings put in the menu's order (Wagtail's own sibling order, which editors can
        change with "Sort menu order"). Returns the pks of the pages that changed (or, in a
        dry run, would)."""
        changed: set[int] = set()
        by_parent: dict[str, list[Page]] = {}
        for page in pages:
            by_parent.setdefault(page.path[: -page.steplen], []).append(page)
        for siblings in by_parent.values():
            for page in siblings:
                if not page.show_in_menus:
                    changed.add(page.pk)
                    if not self.dry_run:
                        _show_in_menus(page)
            # Each after the one before it in the menu; already so, it stays where it is.
            for before, page in pairwise(siblings):
                before.refresh_from_db()
                page.refresh_from_db()
                if page.path < before.path:
                    changed.add(page.pk)
                    if not self.dry_run:
                        page.move(before, pos="right")
        return changed


def _show_in_menus(page: Page) -> None:
    """In menus, live and in its latest revision alike (no new revision: the import's own
    revision stays the latest, so a later edit starts from it and keeps the page in menus)."""
    Page.objects.filter(pk=page.pk).update(show_in_menus=True)
    revision = page.latest_revision
    if revision is not None and not revision.content.get("show_in_menus"):
        revision.content = {**revision.content, "show_in_menus": True}
        revision.save(update_fields=["content"])


def page_url(page: Page) -> str:
    return page.get_url() or page.url_path


def body_signature(body) -> list[tuple[str, object]]:
    """A body's blocks as comparable values: rich text by its source, others by value (an
    image block by its image's pk), whether ``body`` is a StreamValue or ``[(type, value)]``."""
    if not body:
        return []
    pairs = (
        [(block.block_type, block.value) for block in body] if hasattr(body, "raw_data") else body
    )
    return [(block_type, _comparable(value)) for block_type, value in pairs]


def _comparable(value) -> object:
    if isinstance(value, RichText):
        return value.source
    if isinstance(value, models.Model):
        return (ContentType.objects.get_for_model(value).pk, value.pk)
    if isinstance(value, dict) or hasattr(value, "items"):
        return {key: _comparable(item) for key, item in value.items()}
    return value


def _same(page: Page, content: PageContent) -> bool:
    """Whether the page (its latest revision) is already what ``content`` describes."""
    current = page.get_latest_revision_as_object()
    if current.title != content.title or content.model is not type(page):
        return False
    for name, value in content.fields.items():
        if name == "body":
            if body_signature(getattr(current, "body", None)) != body_signature(value):
                return False
        elif getattr(current, name) != value:
            return False
    current_tags = (
        sorted(tag.name for tag in current.tags.all()) if content.tags is not None else []
    )
    if content.tags is not None and current_tags != sorted(content.tags):
        return False
    if content.live != page.live:
        return False
    dates = content.dates if content.live else {}
    return all(getattr(page, name) == value for name, value in dates.items())
