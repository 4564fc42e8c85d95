"""Bringing a SharePoint site (a PnP export folder: its provisioning template and the files
exported beside it) into an organisation's section, news and library (``import_sharepoint``).

Every file of the export folder is an item: a document or image into the library (in the
folder the template places it, else the folder it was exported in; through the one intake
check), or skipped saying why (a master page, a theme file…). Each list with rows in the
template becomes a CSV document of its rows. Client-side and wiki pages become content pages
(news articles when promoted as news), their text web parts' HTML sanitised and their links
to the old site rewritten; the structural navigation orders the pages it points at. Every
other part of the template is site configuration, reported once as skipped. Old addresses
(``/SitePages/x.aspx``, a file's library path, with the site's path in front when
``--site-url`` is given) redirect to the new pages and documents.

Pages and files are written through ``pages.SiteWriter`` and ``files.write_file`` like every
site importer: idempotent by source id, atomic per item, nothing written in a dry run.
"""

import csv
import fnmatch
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page

from home.models import ContentPage, NewsArticlePage, NewsIndexPage
from home.services import add_page
from intranet.imports import services as runs
from intranet.imports.models import ImportRun, Outcome
from intranet.imports.reporting import ImportReport, ItemResult
from intranet.imports.services import ImportAborted
from intranet.library.intake import accepted_type
from intranet.library.services import library_folder
from intranet.organisations.models import Organisation

from .content import Converted, LinkTarget, convert
from .files import IMAGE_EXTENSIONS, file_kind, write_file
from .pages import ITEM_FAILURES, PageContent, SiteWriter, rich_text_body
from .pnp import (
    ListRows,
    NavNode,
    PlacedFolder,
    Provisioning,
    SitePage,
    TemplateUnreadable,
    find_template,
    read_template,
    unpack,
)

IMPORTER = "sharepoint"


@dataclass(frozen=True)
class SharePointOptions:
    folder: Path
    organisation_slug: str
    site_url: str = ""  # the old site's address, e.g. https://tenant.sharepoint.com/sites/hr
    dry_run: bool = False


@dataclass
class _File:
    source_id: str
    path: Path | None  # None: the template names it, the export lacks it
    folders: list[str]
    name: str
    skip: str = ""


def import_sharepoint(
    options: SharePointOptions,
    progress: Callable[[int, int, str], None] | None = None,
    user=None,
) -> tuple[ImportReport, ImportRun | None]:
    """Run the import; ``ImportAborted`` (nothing written) when it cannot start."""
    organisation = runs.organisation_for(options.organisation_slug)
    if not options.folder.is_dir():
        raise ImportAborted(f"{options.folder} is not a folder.")
    if options.site_url and urlsplit(options.site_url).scheme not in {"http", "https"}:
        raise ImportAborted(f"--site-url {options.site_url!r} is not an http(s) address.")
    with tempfile.TemporaryDirectory() as unpacked:
        try:
            template = find_template(options.folder)
            export = options.folder
            if template.suffix == ".pnp":
                export = Path(unpacked)
                template = unpack(template, export)
            provisionings = [read_template(template)]
            for name in provisionings[0].template_files:
                other = export / name.replace("\\", "/")
                if other.is_file():
                    provisionings.append(read_template(other))
        except TemplateUnreadable as error:
            raise ImportAborted(str(error)) from None
        importer = _SharePoint(options, organisation, export, provisionings)
        run = None
        if not options.dry_run:
            run = runs.start_run(IMPORTER, organisation, str(options.folder), user)
        importer.writer = SiteWriter(IMPORTER, organisation, run, options.dry_run)
        importer.run = run
        importer.write_all(progress)
        if run is not None:
            runs.finish_run(run, importer.report)
    return importer.report, run


class _SharePoint:
    def __init__(
        self,
        options: SharePointOptions,
        organisation: Organisation,
        export: Path,
        provisionings: list[Provisioning],
    ):
        self.options = options
        self.organisation = organisation
        self.export = export
        self.provisionings = provisionings
        parts = urlsplit(options.site_url)
        self.hosts = {parts.netloc.lower()} - {""}
        self.site_path = parts.path.rstrip("/")
        self.report = ImportReport(IMPORTER)
        self.run: ImportRun | None = None
        self.writer: SiteWriter | None = None
        self.targets: dict[str, LinkTarget] = {}  # old path (normalised) → new page/document
        self.planned: dict[str, str] = {}  # old path → source id, for links to later items
        self._news_index: Page | None = None

    # --- Planning -------------------------------------------------------------------------

    def _files(self) -> list[_File]:
        """Every file of the export folder, once, placed as the template says; and each file
        or folder the template names that the export lacks."""
        placed: dict[str, tuple[list[str], str]] = {}
        rules: dict[str, PlacedFolder] = {}
        missing: list[_File] = []
        templates = {p.path.resolve() for p in self.provisionings}
        for provisioning in self.provisionings:
            for template in provisioning.templates:
                for item in template.files:
                    relative = _relative(item.src)
                    if not (self.export / relative).is_file():
                        missing.append(_File(f"file:{relative}", None, [], item.name, ""))
                        continue
                    placed[relative] = (_split(item.folder), item.name)
                for folder in template.folders:
                    relative = _relative(folder.src)
                    if not (self.export / relative).is_dir():
                        missing.append(_File(f"folder:{folder.src}", None, [], "", ""))
                        continue
                    rules[relative] = folder
        files = []
        for path in sorted(self.export.rglob("*")):
            relative = path.relative_to(self.export).as_posix()
            if not path.is_file() or path.resolve() in templates:
                continue
            if any(part.startswith(".") for part in PurePosixPath(relative).parts):
                files.append(_File(f"file:{relative}", path, [], path.name, "a hidden file"))
                continue
            folders, name = placed.get(
                relative, (list(PurePosixPath(relative).parent.parts), path.name)
            )
            skip = ""
            for source, rule in rules.items():
                inside = PurePosixPath(relative).is_relative_to(source) if source else True
                if not inside or relative in placed:
                    continue
                below = (
                    PurePosixPath(relative).relative_to(source)
                    if source
                    else PurePosixPath(relative)
                )
                if len(below.parts) > 1 and not rule.recursive:
                    continue
                folders = [*_split(rule.folder), *below.parent.parts]
                if rule.excluded and _matches(path.name, rule.excluded):
                    skip = "excluded by the template's Directory rules (ExcludedExtensions)"
                elif rule.included and not _matches(path.name, rule.included):
                    skip = "not among the template's Directory IncludedExtensions"
            files.append(_File(f"file:{relative}", path, folders, name, skip or _file_skip(path)))
        return missing + files

    # --- Writing --------------------------------------------------------------------------

    def write_all(self, progress) -> None:
        files = self._files()
        pages = [page for p in self.provisionings for t in p.templates for page in t.pages]
        lists = [rows for p in self.provisionings for t in p.templates for rows in t.lists]
        nav = [node for p in self.provisionings for t in p.templates for node in t.navigation]
        for page in pages:
            self.planned.setdefault(_normal(page.path), f"page:{page.path}")
        total = len(files) + len(lists) + len(pages)
        number = 0

        def tick(label: str) -> None:
            nonlocal number
            number += 1
            if progress:
                progress(number, total, label)

        seen: dict[str, int] = {}

        def once(source_id: str, kind: str, write) -> None:
            """Each source id written once; a repeat (the template names a file, list or
            page twice) gets its own line, skipped."""
            tick(source_id)
            seen[source_id] = seen.get(source_id, 0) + 1
            if seen[source_id] > 1:
                why = "the template names it more than once: the first is imported"
                self.report.add(
                    ItemResult(f"{source_id}#{seen[source_id]}", kind, Outcome.SKIPPED, why)
                )
                return
            self.report.add(self._atomic(source_id, kind, write))

        for item in files:
            once(item.source_id, "document", lambda i=item: self._file(i))
        for rows in lists:
            once(f"list:{rows.url or rows.title}", "list", lambda r=rows: self._list(r))
        for page in pages:
            once(f"page:{page.path}", "page", lambda p=page: self._page(p))
        self.writer.fix_links()
        for result in self._navigation(nav):
            self.report.add(result)
        for result in self._other_parts():
            self.report.add(result)

    def _atomic(self, source_id: str, kind: str, write) -> ItemResult:
        try:
            with transaction.atomic():
                return write()
        except ITEM_FAILURES as error:  # rolled back: this item failed, the run carries on
            return ItemResult(source_id, kind, Outcome.FAILED, f"could not be imported: {error}")

    def _file(self, item: _File) -> ItemResult:
        kind = file_kind(item.name)
        if item.path is None:
            what = "folder" if item.source_id.startswith("folder:") else "file"
            where = item.source_id.split(":", 1)[1]
            return ItemResult(
                item.source_id,
                kind if what == "file" else "folder",
                Outcome.FAILED,
                f"missing: {where} (the template names this {what}; it is not in the export)",
            )
        if item.skip:
            return ItemResult(item.source_id, kind, Outcome.SKIPPED, item.skip)
        collection = library_folder(
            self.organisation, item.folders, create=not self.options.dry_run
        )
        written = write_file(
            self.writer, item.source_id, item.path, PurePosixPath(item.name).stem, collection
        )
        target = written.page
        old_path = "/".join([*item.folders, item.name])
        if kind == "document":
            self.targets[_normal(old_path)] = LinkTarget("document", target.pk if target else None)
        if (
            target is not None
            and written.result.outcome != Outcome.UNCHANGED
            and kind == "document"
        ):
            self.writer.redirect(
                item.source_id, self._old_paths(old_path), link=written.result.target_url
            )
        return written.result

    def _list(self, rows: ListRows) -> ItemResult:
        source_id = f"list:{rows.url or rows.title}"
        if not rows.rows:
            return ItemResult(
                source_id,
                "list",
                Outcome.SKIPPED,
                "the template has no rows for this list (export it with its data to bring them)",
            )
        columns = list(dict.fromkeys(name for row in rows.rows for name in row))
        with tempfile.TemporaryDirectory() as folder:
            name = f"{slugify(rows.title) or 'list'}.csv"
            path = Path(folder) / name
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, columns)
                writer.writeheader()
                writer.writerows(rows.rows)
            collection = library_folder(
                self.organisation, ["Lists"], create=not self.options.dry_run
            )
            written = write_file(self.writer, source_id, path, rows.title or name, collection)
        result = written.result
        result.kind = "list"
        count = len(rows.rows)
        kept = f"{count} row{'s' if count != 1 else ''} kept as a CSV document"
        result.reason = "; ".join(filter(None, [result.reason, kept]))
        return result

    def _page(self, page: SitePage) -> ItemResult:
        source_id = f"page:{page.path}"
        kind = "news" if page.news else "page"
        html = "".join(part.html for part in page.parts)
        converted = self._convert(html)
        notes = list(converted.notes)
        without_text = sorted({part.kind for part in page.parts if not part.html.strip()})
        if without_text:
            notes.append("web parts with no text, not imported: " + ", ".join(without_text))
        if not page.published:
            notes.append("not published in SharePoint: imported as a draft")
        title = page.title[:255] or "Untitled"
        fields = {
            "summary": "",
            "body": rich_text_body(converted.html),
            "byline": page.byline[:255],
        }
        if page.news:
            fields["summary"] = title[:300]
        content = PageContent(
            model=NewsArticlePage if page.news else ContentPage,
            title=title,
            slug=PurePosixPath(page.path).stem,
            fields=fields,
            tags=page.tags,
            live=page.published,
        )
        written = self.writer.write_page(source_id, kind, self._parent(page), content, notes)
        result, target = written.result, written.page
        if result.outcome == Outcome.SKIPPED:
            return result
        self.targets[_normal(page.path)] = LinkTarget("page", target.pk if target else None)
        if target is not None and result.outcome != Outcome.UNCHANGED:
            self.writer.redirect(source_id, self._old_paths(page.path), page=target)
            if converted.pending:
                self.writer.link_later(target, result, lambda: self._convert(html))
        return result

    def _parent(self, page: SitePage) -> Page:
        if page.news:
            return self._news()
        folder = PurePosixPath(page.path).parent
        target = self.targets.get(_normal(f"{folder}.aspx"))
        if folder.name and folder.name != "SitePages" and target and target.pk:
            return Page.objects.get(pk=target.pk).specific
        return self.organisation.section_page.specific

    def _news(self) -> Page:
        if self._news_index is None:
            section = self.organisation.section_page
            index = NewsIndexPage.objects.descendant_of(section).order_by("path").first()
            if index is None and self.options.dry_run:
                return section
            if index is None:
                index = add_page(section, NewsIndexPage(title="News", slug="news"))
                runs.record_created(self.run, "news index", index)
            self._news_index = index
        return self._news_index

    # --- Links ----------------------------------------------------------------------------

    def _convert(self, html: str) -> Converted:
        return convert(html, self.hosts, self._resolve, wordpress=False)

    def _resolve(self, path: str, query: dict) -> LinkTarget | bool | None:
        normal = _normal(self._below_site(path))
        if normal in self.targets:
            return self.targets[normal]
        if normal in self.planned:
            earlier = self.writer.existing(self.planned[normal], Page)  # an earlier run's
            if earlier is not None:
                return LinkTarget("page", earlier.pk)
            return None if self.writer.finishing else LinkTarget("page", None)
        if self.hosts or "sitepages/" in normal or "/forms/" in normal:
            return None  # within the old site, and nothing imported answers it
        return False

    def _below_site(self, path: str) -> str:
        path = unquote(path)
        for token in ("{site}", "{sitecollection}", "~site", "~sitecollection"):
            path = path.replace(token, "")
        if self.site_path and path.lower().startswith(self.site_path.lower() + "/"):
            path = path[len(self.site_path) :]
        return path

    def _old_paths(self, path: str) -> set[str]:
        paths = {f"/{path}"}
        if self.site_path:
            paths.add(f"{self.site_path}/{path}")
        return {old.replace(" ", "%20") for old in paths} | paths

    # --- Navigation and the rest ----------------------------------------------------------

    def _navigation(self, nodes: list[NavNode]) -> list[ItemResult]:
        """The current (quick launch) navigation orders the pages it points at; the global
        and search navigation, links elsewhere and headings are reported, saying why."""
        results = []
        ordered: list[tuple[str, int | None]] = []
        seen: dict[str, int] = {}
        for node in nodes:
            source_id = f"navigation:{node.menu}/{node.trail}"
            seen[source_id] = seen.get(source_id, 0) + 1
            if seen[source_id] > 1:  # two entries of the same name at one place
                source_id = f"{source_id}#{seen[source_id]}"
            target = self.targets.get(_normal(self._below_site(urlsplit(node.url).path)))
            if not node.url:
                why = "a heading of the navigation, with no address"
            elif node.external or (urlsplit(node.url).netloc and not self.hosts):
                why = f"a link to {node.url}: only imported pages are ordered"
            elif target is None or target.linktype != "page":
                why = f"its address {node.url} is not an imported page"
            elif node.menu != "CurrentNavigation":
                why = f"in the {node.menu}: only the current navigation orders pages"
            else:
                ordered.append((source_id, target.pk))
                results.append(ItemResult(source_id, "navigation node", Outcome.UPDATED))
                continue
            results.append(ItemResult(source_id, "navigation node", Outcome.SKIPPED, why))
        pages = [Page.objects.get(pk=pk) for _, pk in ordered if pk is not None]
        try:
            with transaction.atomic():
                changed = self.writer.order_menu(pages)
        except ITEM_FAILURES as error:
            changed = set()
            for result in results:
                if result.outcome == Outcome.UPDATED:
                    result.outcome = Outcome.FAILED
                    result.reason = f"navigation order not kept: {error}"
        by_id = dict(ordered)
        for result in results:
            if result.outcome != Outcome.UPDATED:
                continue
            pk = by_id[result.source_id]
            if pk is not None and pk not in changed:
                result.outcome = Outcome.UNCHANGED
            elif self.options.dry_run:
                result.reason = "dry run: nothing written"
        return results

    def _other_parts(self) -> list[ItemResult]:
        results = []
        for provisioning in self.provisionings:
            where = provisioning.path.name
            names = [("provisioning", name) for name in provisioning.other_parts] + [
                (template.template_id or "template", name)
                for template in provisioning.templates
                for name in template.other_parts
            ]
            for scope, name in dict.fromkeys(names):
                results.append(
                    ItemResult(
                        f"{where}:{scope}/{name}",
                        "site setting",
                        Outcome.SKIPPED,
                        f"pnp:{name} configures a SharePoint site; it is not content",
                    )
                )
            for name in provisioning.template_files:
                if not (self.export / name.replace("\\", "/")).is_file():
                    results.append(
                        ItemResult(
                            f"{where}:template file {name}",
                            "template",
                            Outcome.FAILED,
                            f"missing: {name} (the template refers to it; it is not in the export)",
                        )
                    )
        return results


def _file_skip(path: Path) -> str:
    extension = path.suffix.lower().lstrip(".")
    if extension in IMAGE_EXTENSIONS:
        return ""
    if extension not in settings.WAGTAILDOCS_EXTENSIONS or not accepted_type(path.name):
        return (
            f"files of type .{extension or '(none)'} are not kept in libraries "
            "(a SharePoint page, master page, theme or script file)"
        )
    return ""


def _relative(src: str) -> str:
    return src.replace("\\", "/").removeprefix("./").strip("/")


def _split(folder: str) -> list[str]:
    return [part for part in folder.split("/") if part]


def _matches(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(name.lower(), pattern) for pattern in patterns)


def _normal(path: str) -> str:
    return "/" + unquote(path).strip().strip("/").lower()
