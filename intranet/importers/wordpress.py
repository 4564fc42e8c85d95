"""Bringing a WordPress site (a WXR export and, optionally, its uploads folder) into an
organisation's section, news and library (``import_wordpress``).

The whole export is read and checked before anything is written. Then, item by item, each in
its own transaction: attachments (into the library, through the library's one intake check),
pages (parents first, siblings in WordPress's menu order) and posts (news articles). Every
item of the export is reported exactly once. Running the same export again updates in place
by source id (``<site>/?p=<post id>``, the form WordPress itself answers), never duplicates,
and an unchanged export reports everything ``unchanged``. A page someone has since edited in
Commons (a revision by a person) is left alone and reported as skipped.

Pages are made and published through ``home.services`` (access and search entries follow);
WordPress's dates are then put back (``first_published_at``, ``last_published_at``) and the
page's derived data recomputed once more with them. Old URLs (the permalink, ``?p=``,
``?page_id=``, an attachment's file URL) become redirects to the new pages and documents.

A dry run maps everything and writes nothing: no rows, no files, no tasks — the writers are
simply not called.
"""

import datetime
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from home.models import ContentPage, NewsArticlePage, NewsIndexPage
from home.services import add_page
from intranet.access.choices import Audience
from intranet.imports import services as runs
from intranet.imports.models import ImportRun, Outcome
from intranet.imports.reporting import ImportReport, ItemResult
from intranet.imports.services import ImportAborted
from intranet.library.models import LibraryDocument
from intranet.organisations.models import Organisation
from intranet.people.selectors import person_with_email

from .content import Converted, LinkTarget, convert, text_of
from .files import file_kind, write_file
from .pages import ITEM_FAILURES, PageContent, SiteWriter, rich_text_body
from .wxr import ExportUnreadable, TextSpool, WxrChannel, WxrItem, read_export

IMPORTER = "wordpress"
DRAFT_STATUSES = {"draft", "pending", "future"}
SKIPPED_STATUSES = {
    "trash": "in WordPress's trash",
    "auto-draft": "an auto-draft WordPress made, never written by anyone",
    "inherit": "a revision of another item",
}
SKIPPED_TYPES = {
    "revision": "a revision of another item: only the current version is imported",
    "custom_css": "the theme's custom CSS: not content",
    "customize_changeset": "a theme customiser change set: not content",
    "wp_global_styles": "the theme's global styles: not content",
    "wp_navigation": "a block theme's navigation block: its classic menu items are imported",
}
# An image's size variant WordPress made ("photo-300x200.jpg" of "photo.jpg").
_SIZE_VARIANT = re.compile(r"-\d+x\d+(?=\.\w+$)")


@dataclass(frozen=True)
class WordPressOptions:
    path: Path
    organisation_slug: str
    under: str = ""
    media_dir: Path | None = None
    dry_run: bool = False


@dataclass
class _Plan:
    """What an item will become: its kind, or why it is skipped."""

    item: WxrItem
    source_id: str
    kind: str  # page, news, document, image, menu item — or the WordPress type when skipped
    skip: str = ""


def import_wordpress(
    options: WordPressOptions,
    progress: Callable[[int, int, str], None] | None = None,
    user=None,
) -> tuple[ImportReport, ImportRun | None]:
    """Run the import; ``ImportAborted`` (nothing written) when it cannot start."""
    organisation = runs.organisation_for(options.organisation_slug)
    if options.media_dir is not None and not options.media_dir.is_dir():
        raise ImportAborted(f"The media folder {options.media_dir} is not a folder.")
    try:
        export = read_export(options.path)
    except ExportUnreadable as error:
        raise ImportAborted(str(error)) from None
    try:
        root = _root_page(organisation, options.under)
        channel = export.channel
        importer = _WordPress(options, organisation, root, channel)
        importer.spool = export.spool
        plans = importer.plan(export.items)
        run = None
        if not options.dry_run:
            run = runs.start_run(IMPORTER, organisation, str(options.path), user)
        importer.run = run
        importer.writer = SiteWriter(IMPORTER, organisation, run, options.dry_run)
        importer.write_all(plans, progress)
        if run is not None:
            runs.finish_run(run, importer.report)
    finally:
        export.spool.close()
    return importer.report, run


def _root_page(organisation: Organisation, under: str) -> Page:
    """The organisation's section, or the page at ``under`` (slugs below the section)."""
    page = organisation.section_page.specific
    for slug in [part for part in under.strip("/").split("/") if part]:
        child = page.get_children().filter(slug=slug).first()
        if child is None:
            raise ImportAborted(
                f"There is no page {under!r} in {organisation.slug}'s section "
                f"(--under takes slugs below it, e.g. guidance/old-intranet)."
            )
        page = child.specific
    if not ContentPage.can_create_at(page):
        raise ImportAborted(f"Pages cannot be added under {page.title!r} ({page.url_path}).")
    return page


def _parse_date(value: str) -> datetime.datetime | None:
    """WordPress's "2023-01-16 07:08:31" in UTC; drafts have "0000-00-00 00:00:00"."""
    try:
        naive = datetime.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return naive.replace(tzinfo=datetime.UTC)


def _local_date(item: WxrItem) -> datetime.datetime | None:
    when = _parse_date(item.post_date_gmt)
    if when is None:
        local = _parse_date(item.post_date)
        when = local.replace(tzinfo=timezone.get_default_timezone()) if local else None
    return when


class _WordPress:
    """The state of one run: the source-id map, what has been written, link resolution."""

    def __init__(
        self, options: WordPressOptions, organisation: Organisation, root: Page, channel: WxrChannel
    ):
        self.options = options
        self.organisation = organisation
        self.root = root
        self.channel = channel
        self.site = (channel.base_blog_url or channel.link).rstrip("/")
        self.hosts = {urlsplit(self.site).netloc.lower()} - {""}
        self.report = ImportReport(IMPORTER)
        self.run: ImportRun | None = None
        self.spool: TextSpool | None = None
        self.plans: dict[str, _Plan] = {}  # post id → plan (importable or not)
        self.copies: dict[str, int] = {}  # post id → how many times the export has it
        self.paths: dict[str, str] = {}  # old URL path → post id
        self.written: dict[str, LinkTarget] = {}  # post id → what it is now
        self.kept_images: set[str] = set()
        self.images: dict[str, LinkTarget] = {}  # post id → the image it became
        self.image_paths: dict[str, str] = {}  # an image's file path → post id
        self.authors: dict[str, tuple] = {}  # login → (person, user, byline)
        # Pages whose links await later items, with their report line.
        self.writer: SiteWriter | None = None  # once the run has begun
        self._news_index: Page | None = None

    # --- Planning (no writes) -------------------------------------------------------------

    def source_id(self, item: WxrItem) -> str:
        return f"{self.site}/?p={item.post_id}"

    def plan(self, items: list[WxrItem]) -> list[_Plan]:
        plans = []
        for item in items:
            plan = self._plan_one(item)
            plans.append(plan)
            if not item.post_id or plan.skip.startswith("the same post id"):
                continue
            self.plans[item.post_id] = plan
            if plan.skip:
                continue
            for url in (item.link, item.attachment_url if plan.kind == "document" else ""):
                parts = urlsplit(url)
                if parts.netloc:
                    self.hosts.add(parts.netloc.lower())
                if parts.path and parts.path != "/" and not parts.query:
                    self.paths.setdefault(_normal_path(parts.path), item.post_id)
        return self._ordered(plans)

    def _plan_one(self, item: WxrItem) -> _Plan:
        if not item.post_id:
            self.copies[""] = self.copies.get("", 0) + 1
        source_id = (
            self.source_id(item)
            if item.post_id
            else f"{self.site}/(item without a post id, #{self.copies['']})"
        )
        kind = {
            "page": "page",
            "post": "news",
            "attachment": "document",
            "nav_menu_item": "menu item",
        }.get(item.post_type)
        if not item.post_id:
            return _Plan(item, source_id, item.post_type or "item", "it has no wp:post_id")
        if item.post_id in self.plans:
            copies = self.copies[item.post_id] = self.copies.get(item.post_id, 1) + 1
            return _Plan(
                item,
                f"{source_id}#{copies}",  # its own line in the report, not a second of the first
                item.post_type or "item",
                "the same post id appears earlier in the export",
            )
        if kind is None:
            reason = SKIPPED_TYPES.get(
                item.post_type, f"WordPress post type {item.post_type!r} is not imported"
            )
            return _Plan(item, source_id, item.post_type or "item", reason)
        if kind == "document":
            kind = file_kind(urlsplit(item.attachment_url or item.guid).path)
            if kind == "image":
                path = _normal_path(urlsplit(item.attachment_url or item.guid).path)
                self.image_paths.setdefault(path, item.post_id)
            if item.status in {"trash", "auto-draft"}:
                return _Plan(item, source_id, kind, SKIPPED_STATUSES[item.status])
            return _Plan(item, source_id, kind)
        if item.status in SKIPPED_STATUSES:
            return _Plan(item, source_id, kind, SKIPPED_STATUSES[item.status])
        if item.status not in DRAFT_STATUSES | {"publish", "private"}:
            return _Plan(item, source_id, kind, f"unknown WordPress status {item.status!r}")
        return _Plan(item, source_id, kind)

    def _ordered(self, plans: list[_Plan]) -> list[_Plan]:
        """Attachments, then pages parents first (siblings in menu order), then posts, then
        what is skipped — each still reported once."""

        def depth(plan: _Plan) -> int:
            seen, current, level = set(), plan.item, 0
            while current.parent in self.plans and current.parent not in seen:
                seen.add(current.parent)
                parent = self.plans[current.parent]
                if parent.kind != "page" or parent.skip:
                    break
                current, level = parent.item, level + 1
            return level

        rank = {"document": 0, "image": 0, "page": 1, "news": 2, "menu item": 2.5}
        return sorted(
            plans,
            key=lambda plan: (
                3 if plan.skip else rank.get(plan.kind, 3),
                depth(plan) if plan.kind == "page" and not plan.skip else 0,
                plan.item.menu_order if plan.kind in {"page", "menu item"} else 0,
                plan.item.post_date_gmt if plan.kind == "news" else "",
            ),
        )

    # --- Writing --------------------------------------------------------------------------

    def write_all(self, plans: list[_Plan], progress) -> None:
        menu_items = []
        for number, plan in enumerate(plans, start=1):
            if progress:
                progress(number, len(plans), plan.item.title or plan.source_id)
            if plan.skip:
                self.report.add(ItemResult(plan.source_id, plan.kind, Outcome.SKIPPED, plan.skip))
            elif plan.kind == "menu item":
                menu_items.append(plan)
            else:
                self.report.add(self._write_one(plan))
        self.writer.fix_links()
        for result in self._menus(menu_items):
            self.report.add(result)

    def _write_one(self, plan: _Plan) -> ItemResult:
        try:
            with transaction.atomic():
                if plan.kind in {"document", "image"}:
                    return self._attachment(plan)
                return self._page(plan)
        except ITEM_FAILURES as error:
            # Rolled back: this item is reported failed, the run carries on.
            return ItemResult(
                plan.source_id, plan.kind, Outcome.FAILED, f"could not be imported: {error}"
            )

    # --- Attachments ----------------------------------------------------------------------

    def _attachment(self, plan: _Plan) -> ItemResult:
        item = plan.item
        url = item.attachment_url or item.guid
        found = self._media_file(url)
        if found is None:
            where = (
                f"not found under {self.options.media_dir}"
                if self.options.media_dir
                else "no --media-dir given"
            )
            return ItemResult(
                plan.source_id, plan.kind, Outcome.FAILED, f"missing: {url} ({where})"
            )
        written = write_file(self.writer, plan.source_id, found, item.title)
        target, outcome = written.page, written.result.outcome
        if target is not None:
            self._remember_target(item, plan, target)
            if plan.kind == "document" and outcome != Outcome.UNCHANGED:
                old_paths = self._old_paths(item, attachment=True)
                self.writer.redirect(plan.source_id, old_paths, link=written.result.target_url)
        elif self.options.dry_run and outcome != Outcome.FAILED:
            if plan.kind == "image":
                self.images[item.post_id] = LinkTarget("image", None)
            else:
                self.written[item.post_id] = LinkTarget(_linktype(plan), None)
        return written.result

    def _media_file(self, url: str) -> Path | None:
        """The upload under ``--media-dir`` with the URL's path: the whole path, else what
        follows ``wp-content/uploads/`` or ``files/`` (WordPress.com), else ``wp-content/``."""
        media = self.options.media_dir
        path = unquote(urlsplit(url).path).lstrip("/")
        if media is None or not path:
            return None
        candidates = [path]
        for marker in ("wp-content/uploads/", "files/", "wp-content/"):
            if marker in path:
                candidates.append(path.split(marker, 1)[1])
        root = media.resolve()
        for candidate in candidates:
            found = (media / candidate).resolve()
            if found.is_file() and found.is_relative_to(root):  # no ../ out of the folder
                return found
        return None

    def _remember_target(self, item: WxrItem, plan: _Plan, target) -> None:
        if plan.kind == "document":
            self.written[item.post_id] = LinkTarget("document", target.pk)
        else:
            self.kept_images.add(item.post_id)
            self.images[item.post_id] = LinkTarget("image", target.pk)

    # --- Pages and posts ------------------------------------------------------------------

    def _page(self, plan: _Plan) -> ItemResult:
        item = plan.item
        converted = self._content(item)
        notes = list(converted.notes)
        live = item.status in {"publish", "private"}
        if item.status == "future":
            notes.append("scheduled in WordPress: imported as a draft")
        if item.password:
            live = False
            notes.append("password-protected in WordPress: imported as a draft")
        if item.status == "private":
            notes.append(f"private in WordPress: only {self.organisation.slug} can see it")
        if not item.title.strip():
            notes.append("it had no title")
        if item.comments:
            plural = "s" if item.comments != 1 else ""
            notes.append(f"{item.comments} reader comment{plural} not imported")
        content = self._page_content(plan, converted, live)
        written = self.writer.write_page(
            plan.source_id, plan.kind, self._parent(plan), content, notes
        )
        result, page = written.result, written.page
        if result.outcome == Outcome.SKIPPED:
            return result
        self.written[item.post_id] = LinkTarget("page", page.pk if page else None)
        if page is not None and result.outcome != Outcome.UNCHANGED:
            self.writer.redirect(plan.source_id, self._old_paths(item), page=page)
            if converted.pending:
                self.writer.link_later(page, result, lambda item=item: self._content(item))
        return result

    def _content(self, item: WxrItem) -> Converted:
        content, _ = self.spool.text(item)
        return convert(content, self.hosts, self._resolve, self._image)

    def _page_content(self, plan: _Plan, converted: Converted, live: bool) -> PageContent:
        item = plan.item
        title = " ".join(html.unescape(item.title).split())[:255] or (
            f"Untitled (WordPress {item.post_type} {item.post_id})"
        )
        summary = text_of(self.spool.text(item)[1], 300) or (
            text_of(converted.html, 300) if plan.kind == "news" else ""
        )
        fields = {
            "summary": summary or (title[:300] if plan.kind == "news" else ""),
            "body": rich_text_body(converted.html),
            "audience": Audience.ORGANISATION if item.status == "private" else "",
        }
        if plan.kind == "news":
            when = _local_date(item)
            fields["date"] = timezone.localdate(when) if when else timezone.localdate()
        person, user, byline = self._author(item)
        fields.update(author=person, byline=byline)
        if user is not None:
            fields["owner"] = user
        return PageContent(
            model=NewsArticlePage if plan.kind == "news" else ContentPage,
            title=title,
            slug=slugify(unquote(item.post_name)) or slugify(title) or f"page-{item.post_id}",
            fields=fields,
            tags=_tag_names(item),
            live=live,
            dates=self._dates(item),
        )

    def _author(self, item: WxrItem) -> tuple:
        """(person, user, byline) for the item's author: the person in the directory and the
        account with the author's email; when nobody in the directory has it, their name is
        kept as the byline (so nothing about who wrote it is lost)."""
        login = item.creator.strip()
        if login not in self.authors:
            author = self.channel.authors.get(login)
            email = author.email if author else ""
            name = (author.display_name if author else "") or login
            person = person_with_email(email)
            user = (
                get_user_model().objects.filter(email__iexact=email, is_active=True).first()
                if email
                else None
            )
            self.authors[login] = (person, user, "" if person else name[:255])
        return self.authors[login]

    def _dates(self, item: WxrItem) -> dict:
        first = _parse_date(item.post_date_gmt) or _local_date(item)
        last = _parse_date(item.post_modified_gmt) or first
        return {
            "first_published_at": first,
            "last_published_at": max(filter(None, [first, last]), default=None),
        }

    def _parent(self, plan: _Plan) -> Page:
        if plan.kind == "news":
            return self._news()
        parent_id = plan.item.parent
        target = self.written.get(parent_id)
        parent_plan = self.plans.get(parent_id)
        if target and target.linktype == "page" and target.pk and parent_plan.kind == "page":
            return Page.objects.get(pk=target.pk).specific
        return self.root

    def _news(self) -> Page:
        """The organisation's news index (the first in its section), made if it has none."""
        if self._news_index is None:
            section = self.organisation.section_page
            index = NewsIndexPage.objects.descendant_of(section).order_by("path").first()
            if index is None and self.options.dry_run:
                return section  # where it would be made; a dry run makes nothing
            if index is None:
                index = add_page(section, NewsIndexPage(title="News", slug="news"))
                runs.record_created(self.run, f"{self.site}/ (news index)", index)
            self._news_index = index
        return self._news_index

    # --- Links ----------------------------------------------------------------------------

    def _resolve(self, path: str, query: dict[str, list[str]]) -> LinkTarget | bool | None:
        post_id = next(
            (query[key][0] for key in ("p", "page_id", "attachment_id") if query.get(key)), None
        )
        if post_id is None:
            if _normal_path(path) == "/":
                return LinkTarget("page", self.root.pk)
            post_id = self.paths.get(_normal_path(path))
        if post_id is None:
            return None
        if post_id in self.kept_images:
            return False  # an image's file URL: left as written
        if post_id in self.written:
            return self.written[post_id]
        plan = self.plans.get(post_id)
        if plan is not None and not plan.skip and plan.kind in {"page", "news", "document"}:
            # Imported by an earlier run: its page or document already exists.
            earlier = self.writer.existing(
                plan.source_id, LibraryDocument if plan.kind == "document" else Page
            )
            if earlier is not None:
                return LinkTarget(_linktype(plan), earlier.pk)
        if plan is not None and not plan.skip and plan.kind in {"page", "news", "document"}:
            # Written later in this run — unless the run is past writing (it failed).
            return None if self.writer.finishing else LinkTarget(_linktype(plan), None)
        return None

    def _image(self, src: str, classes: str) -> LinkTarget | None:
        """An ``<img>``'s imported image: by WordPress's ``wp-image-<id>`` class, else by its
        file's path (a size variant, "-300x200", is the same image)."""
        found = re.search(r"\bwp-image-(\d+)\b", classes)
        if found and found[1] in self.images:
            return self.images[found[1]]
        path = _normal_path(urlsplit(src).path)
        post_id = self.image_paths.get(path) or self.image_paths.get(_SIZE_VARIANT.sub("", path))
        return self.images.get(post_id) if post_id else None

    def _menus(self, plans: list[_Plan]) -> list[ItemResult]:
        """Classic menus' items → the navigation order of the pages they point at. One menu
        orders the pages (the one with most imported pages; a theme's main menu): an item of
        another menu, or one linking elsewhere, is reported as skipped, saying why."""
        menus: dict[str, list[tuple[_Plan, int | None]]] = {}
        results: dict[str, ItemResult] = {}
        for plan in plans:
            target, why = self._menu_target(plan.item)
            if why:
                results[plan.source_id] = ItemResult(
                    plan.source_id, plan.kind, Outcome.SKIPPED, why
                )
                continue
            menus.setdefault(_menu_name(plan.item), []).append((plan, target))
        main = max(menus, key=lambda name: len(menus[name]), default="")
        for name, entries in menus.items():
            if name != main:
                for plan, _ in entries:
                    why = f"in the menu {name!r}: only the main menu ({main!r}) orders pages"
                    results[plan.source_id] = ItemResult(
                        plan.source_id, plan.kind, Outcome.SKIPPED, why
                    )
        entries = menus.get(main, [])
        pages = [Page.objects.get(pk=pk) for _, pk in entries if pk is not None]
        try:
            with transaction.atomic():
                changed = self.writer.order_menu(pages)
        except (ValueError, DatabaseError) as error:
            changed = set()
            for plan, _ in entries:
                results[plan.source_id] = ItemResult(
                    plan.source_id, plan.kind, Outcome.FAILED, f"menu order not kept: {error}"
                )
        for plan, pk in entries:
            if plan.source_id in results:
                continue
            changed_here = pk is None or pk in changed
            reason = f"menu {main!r}, position {plan.item.menu_order}"
            if self.options.dry_run and changed_here:
                reason = f"dry run: nothing written; {reason}"
            results[plan.source_id] = ItemResult(
                plan.source_id,
                plan.kind,
                Outcome.UPDATED if changed_here else Outcome.UNCHANGED,
                reason,
            )
        return [results[plan.source_id] for plan in plans]

    def _menu_target(self, item: WxrItem) -> tuple[int | None, str]:
        """(page pk, "") for an item pointing at an imported page (pk None in a dry run),
        else (None, why not)."""
        kind = item.meta.get("_menu_item_type", "")
        object_id = item.meta.get("_menu_item_object_id", "")
        if kind == "custom":
            url = item.meta.get("_menu_item_url", "")
            return None, f"a link to {url or '(no address)'}: only imported pages are ordered"
        if kind == "taxonomy":
            return None, "a link to a category or tag: categories and tags became page tags"
        target = self.written.get(object_id)
        plan = self.plans.get(object_id)
        if target is None or target.linktype != "page" or plan is None or plan.kind != "page":
            return None, f"its target (WordPress id {object_id or '?'}) is not an imported page"
        return target.pk, ""

    def _old_paths(self, item: WxrItem, attachment: bool = False) -> set[str]:
        """The item's old URLs: its permalink's path, WordPress's ``?p=`` / ``?page_id=`` /
        ``?attachment_id=`` forms, and an attachment's file URL."""
        paths = {f"/?p={item.post_id}"}
        paths.add(f"/?attachment_id={item.post_id}" if attachment else f"/?page_id={item.post_id}")
        for url in (item.link, item.attachment_url if attachment else ""):
            parts = urlsplit(url)
            if parts.path and _normal_path(parts.path) != "/":
                paths.add(parts.path)
        return paths


# WordPress's own taxonomies that are not topics (a post's format: gallery, aside…).
INTERNAL_TAXONOMIES = {"post_format", "nav_menu", "wp_theme", "wp_template_part_area"}


def _tag_names(item: WxrItem) -> list[str]:
    """Categories and tags (and any custom taxonomy's terms) as tag names, sorted."""
    names = {
        " ".join(name.split())[:100]
        for domain, name in item.terms
        if domain not in INTERNAL_TAXONOMIES and name.strip()
    }
    return sorted(names, key=str.lower)


def _menu_name(item: WxrItem) -> str:
    return next((name for domain, name in item.terms if domain == "nav_menu"), "")


def _linktype(plan: _Plan) -> str:
    return "document" if plan.kind == "document" else "page"


def _normal_path(path: str) -> str:
    path = unquote(path).strip()
    return "/" + path.strip("/").lower() if path.strip("/") else "/"
