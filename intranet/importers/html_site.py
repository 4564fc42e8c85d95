"""Bringing a saved static site (``wget --mirror`` or HTTrack output of an old intranet) into an
organisation's section and library (``import_html``).

Every file under the folder is an item, reported once. A web page (``.html``, ``.htm``, or a
file without an extension that is HTML) becomes a content page: the hierarchy from its path
(``a/index.html`` is page ``a``, ``a/b.html`` a page below it; a folder with no page of its
own adds no level — a page is never invented), the title from ``<title>`` (the suffix every
page shares, e.g. " | Westminster Intranet", dropped) or ``<h1>``, the main content from
``<main>``/``<article>`` when the page marks it, else found by readability (header, navigation,
footer and sidebars left behind), sanitised, its links to the old site rewritten to the new
pages and documents. Office files and PDFs go into the library (folders as collections), images
a page shows into the image library (embedded where they were); the rest (styles, scripts,
fonts) is the site's dressing, reported as skipped.

Pages and files are written through ``pages.SiteWriter`` and ``files.write_file`` like every
site importer: idempotent by the file's path, atomic per item, nothing written in a dry run.
"""

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urljoin, urlsplit

from django.conf import settings
from django.db import transaction
from lxml import etree
from lxml import html as lxml_html
from readability import Document
from wagtail.models import Page

from home.models import ContentPage
from intranet.imports import services as runs
from intranet.imports.models import ImportRun, Outcome
from intranet.imports.reporting import ImportReport, ItemResult
from intranet.imports.services import ImportAborted
from intranet.library.intake import accepted_type
from intranet.library.services import library_folder
from intranet.organisations.models import Organisation

from .content import Converted, LinkTarget, convert
from .files import IMAGE_EXTENSIONS, write_file
from .pages import ITEM_FAILURES, PageContent, SiteWriter, rich_text_body

IMPORTER = "html"
PAGE_EXTENSIONS = {"html", "htm", "shtml", "xhtml"}
FAILURES = (*ITEM_FAILURES, etree.ParserError)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# What surrounds the content on every page of a site: by element, role, or an id or class
# (whole words only, so "content-header" or "menu-of-services" are not taken for chrome).
_CHROME_NAMES = (
    "nav", "navbar", "navigation", "menu", "mainmenu", "main-menu", "header", "site-header",
    "masthead", "footer", "site-footer", "sidebar", "breadcrumb", "breadcrumbs", "skip-link",
    "skiplink", "cookie-banner", "search",
)  # fmt: skip
_CHROME = "|".join(
    [
        "//header", "//nav", "//footer", "//aside", "//script", "//style", "//noscript",
        "//form", "//*[@role='navigation' or @role='banner' or @role='contentinfo']",
    ]
    + [
        f"//*[@id='{name}' or contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
        for name in _CHROME_NAMES
    ]
)  # fmt: skip
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " : ")


@dataclass(frozen=True)
class HtmlOptions:
    folder: Path
    organisation_slug: str
    base_url: str
    dry_run: bool = False


@dataclass
class _Read:
    """A web page as read: its title, main content (links absolute) and what it refers to."""

    title: str
    html: str
    notes: list[str] = field(default_factory=list)
    images: set[str] = field(default_factory=set)  # files (relative paths) it shows


def import_html(
    options: HtmlOptions,
    progress: Callable[[int, int, str], None] | None = None,
    user=None,
) -> tuple[ImportReport, ImportRun | None]:
    """Run the import; ``ImportAborted`` (nothing written) when it cannot start."""
    if not options.folder.is_dir():
        raise ImportAborted(f"{options.folder} is not a folder.")
    organisation = runs.organisation_for(options.organisation_slug)
    base = urlsplit(options.base_url)
    if base.scheme not in {"http", "https"} or not base.netloc:
        raise ImportAborted(
            f"--base-url {options.base_url!r} is not the site's address "
            "(e.g. https://intranet.example.gov.uk/)."
        )
    site = _Site(options, organisation)
    run = (
        None
        if options.dry_run
        else runs.start_run(IMPORTER, organisation, str(options.folder), user)
    )
    site.writer = SiteWriter(IMPORTER, organisation, run, options.dry_run)
    site.write_all(progress)
    if run is not None:
        runs.finish_run(run, site.report)
    return site.report, run


class _Site:
    def __init__(self, options: HtmlOptions, organisation: Organisation):
        self.options = options
        self.organisation = organisation
        self.folder = options.folder
        base = urlsplit(options.base_url)
        self.hosts = {base.netloc.lower()}
        self.base_path = base.path.rstrip("/")
        self.base_url = f"{base.scheme}://{base.netloc}{self.base_path}/"
        self.report = ImportReport(IMPORTER)
        self.writer: SiteWriter | None = None
        self.pages: dict[str, str] = {}  # page key ("a/b") → source id (its file)
        self.targets: dict[str, LinkTarget] = {}  # key or file path (lower case) → new home
        self.site_suffix = ""

    # --- Planning -------------------------------------------------------------------------

    def write_all(self, progress) -> None:
        files = sorted(
            path.relative_to(self.folder).as_posix()
            for path in self.folder.rglob("*")
            if path.is_file()
        )
        kinds = {relative: self._kind(relative) for relative in files}
        pages = [relative for relative in files if kinds[relative] == "page"]
        for relative in pages:
            self.pages.setdefault(page_key(relative), relative)
        read = {relative: self._read(relative) for relative in pages}
        self.site_suffix = _shared_suffix([r.title for r in read.values() if isinstance(r, _Read)])
        shown = {image for r in read.values() if isinstance(r, _Read) for image in r.images}
        # Files first (pages link to them), then pages parents first, then what is skipped.
        order = {"document": 0, "image": 0, "page": 1}
        plan = sorted(
            files,
            key=lambda r: (
                order.get(kinds[r], 2),
                page_key(r).count("/") if kinds[r] == "page" else 0,
                r,
            ),
        )
        for number, relative in enumerate(plan, start=1):
            if progress:
                progress(number, len(plan), relative)
            kind = kinds[relative]
            if kind == "image" and relative not in shown:
                kind = "an image no page shows"
            if kind == "page":
                result = self._atomic(relative, "page", lambda r=relative: self._page(r, read[r]))
            elif kind in {"document", "image"}:
                result = self._atomic(relative, kind, lambda r=relative: self._file(r))
            else:
                result = ItemResult(relative, "file", Outcome.SKIPPED, kind)
            self.report.add(result)
        self.writer.fix_links()

    def _kind(self, relative: str) -> str:
        """page, document, image — or why the file is not content."""
        path = PurePosixPath(relative)
        extension = path.suffix.lower().lstrip(".")
        if any(part.startswith(".") for part in path.parts):
            return "a hidden file"
        if extension in PAGE_EXTENSIONS or (
            not extension and _looks_like_html(self.folder / relative)
        ):
            return "page"
        if extension in IMAGE_EXTENSIONS:
            return "image"
        if extension in settings.WAGTAILDOCS_EXTENSIONS and accepted_type(path.name):
            return "document"
        return f"an asset of the site (.{extension or 'no extension'}), not content"

    def _read(self, relative: str) -> "_Read | str":
        """The page as read, or why it cannot be (then it fails as an item)."""
        raw = (self.folder / relative).read_bytes()
        if not raw.strip():
            return "the file is empty (0 bytes of page)"
        if b"\x00" in raw[:1024] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "not a web page: its content is binary"
        text, encoding_note = _decode(raw)
        try:
            document = lxml_html.document_fromstring(text)
        except (etree.ParserError, ValueError) as error:
            return f"not a readable web page: {error}"
        document.make_links_absolute(urljoin(self.base_url, relative), resolve_base_href=True)
        title = " ".join((document.findtext(".//title") or "").split())
        heading = document.find(".//h1")
        h1 = " ".join(heading.text_content().split()) if heading is not None else ""
        main = next(
            (
                found[0]
                for found in (
                    document.xpath("//main"),
                    document.xpath("//*[@role='main']"),
                    document.xpath("//article"),
                )
                if found
            ),
            None,
        )
        notes = [encoding_note] if encoding_note else []
        if main is None:
            main, found_by = _without_chrome(document)
            if found_by:
                notes.append(found_by)
        for heading_element in main.xpath(".//h1"):
            heading_element.drop_tree()  # the page's title, shown as its title
        body = etree.tostring(main, encoding="unicode", method="html")
        images = set()
        for src in lxml_html.fragment_fromstring(body, create_parent="div").xpath("//img/@src"):
            target = self._local(src)
            if target:
                images.add(target)
        return _Read(title or h1, body, notes, images)

    # --- Writing --------------------------------------------------------------------------

    def _atomic(self, source_id: str, kind: str, write) -> ItemResult:
        try:
            with transaction.atomic():
                return write()
        except FAILURES as error:
            return ItemResult(source_id, kind, Outcome.FAILED, f"could not be imported: {error}")

    def _file(self, relative: str) -> ItemResult:
        folders = list(PurePosixPath(relative).parent.parts)
        collection = library_folder(self.organisation, folders, create=not self.options.dry_run)
        path = self.folder / relative
        written = write_file(self.writer, relative, path, _title_from_name(path.stem), collection)
        target = written.page
        linktype = "image" if written.result.kind == "image" else "document"
        self.targets[relative.lower()] = LinkTarget(linktype, target.pk if target else None)
        if (
            target is not None
            and linktype == "document"
            and written.result.outcome != Outcome.UNCHANGED
        ):
            self.writer.redirect(
                relative, self._old_paths(relative), link=written.result.target_url
            )
        return written.result

    def _page(self, relative: str, read: "_Read | str") -> ItemResult:
        if isinstance(read, str):
            outcome = Outcome.SKIPPED if read.startswith("the file is empty") else Outcome.FAILED
            return ItemResult(relative, "page", outcome, read)
        converted = self._convert(read.html)
        notes = [*read.notes, *converted.notes]
        title = _without_suffix(read.title, self.site_suffix) or _title_from_name(
            PurePosixPath(page_key(relative) or "home").name
        )
        if not read.title:
            notes.append("it had no title: named from its file")
        key = page_key(relative)
        content = PageContent(
            model=ContentPage,
            title=title[:255],
            slug=PurePosixPath(key).name or "home",
            fields={"body": rich_text_body(converted.html)},
            tags=None,
        )
        written = self.writer.write_page(relative, "page", self._parent(key), content, notes)
        result, page = written.result, written.page
        if result.outcome == Outcome.SKIPPED:
            return result
        self.targets[key.lower()] = LinkTarget("page", page.pk if page else None)
        if page is not None and result.outcome != Outcome.UNCHANGED:
            self.writer.redirect(relative, self._old_paths(relative), page=page)
            if converted.pending:
                self.writer.link_later(page, result, lambda: self._convert(read.html))
        return result

    def _parent(self, key: str) -> Page:
        """The nearest ancestor folder's page, else the organisation's section."""
        parts = PurePosixPath(key).parts[:-1]
        for depth in range(len(parts), 0, -1):
            target = self.targets.get("/".join(parts[:depth]).lower())
            if target is not None and target.linktype == "page" and target.pk:
                return Page.objects.get(pk=target.pk).specific
        return self.organisation.section_page.specific

    # --- Links ----------------------------------------------------------------------------

    def _convert(self, html: str) -> Converted:
        return convert(html, self.hosts, self._resolve, self._image, wordpress=False)

    def _local(self, url: str) -> str:
        """The file (relative path) an absolute URL of the old site names, or ""."""
        parts = urlsplit(url)
        return self._below_base(parts.path) if parts.netloc.lower() in self.hosts else ""

    def _below_base(self, path: str) -> str:
        path = unquote(path)
        if self.base_path and path.startswith(self.base_path + "/"):
            path = path[len(self.base_path) :]
        return path.lstrip("/")

    def _resolve(self, path: str, query: dict) -> LinkTarget | bool | None:
        relative = self._below_base(path)
        for candidate in (relative.lower(), page_key(relative).lower()):
            if candidate in self.targets:
                return self.targets[candidate]
        source_id = self.pages.get(page_key(relative))
        if source_id is not None:
            earlier = self.writer.existing(source_id, Page)  # imported by an earlier run
            if earlier is not None:
                return LinkTarget("page", earlier.pk)
            return None if self.writer.finishing else LinkTarget("page", None)
        return None

    def _image(self, src: str, classes: str) -> LinkTarget | None:
        target = self.targets.get(self._local(src).lower())
        return target if target is not None and target.linktype == "image" else None

    def _old_paths(self, relative: str) -> set[str]:
        """The file's path, and for a page the address without its extension (what wget's
        --adjust-extension saved as .html) and, for a folder's index, the folder's."""
        paths = {f"{self.base_path}/{relative}"}
        key = page_key(relative)
        if PurePosixPath(relative).suffix.lower().lstrip(".") in PAGE_EXTENSIONS and key:
            paths.add(f"{self.base_path}/{key}")
            if key != PurePosixPath(relative).with_suffix("").as_posix():
                paths.add(f"{self.base_path}/{key}/")  # a folder's index page
        paths = {path for path in paths if path.strip("/")}
        return paths | {quote(path, safe="/") for path in paths}


def _without_chrome(document) -> tuple:
    """The page's body without what surrounds the content on every page (header, navigation,
    footer, sidebars, breadcrumbs, scripts); when what is left is still mostly links, the main
    content as readability finds it. Returns (element, a note when readability chose)."""
    body = document.find(".//body")
    body = body if body is not None else document
    for element in body.xpath(_CHROME):
        element.drop_tree()
    text = " ".join(body.text_content().split())
    linked = sum(len(" ".join(a.text_content().split())) for a in body.iter("a"))
    if text and linked / len(text) <= 0.5:
        return body, ""
    summary = Document(etree.tostring(document, encoding="unicode")).summary(html_partial=True)
    return (
        lxml_html.fragment_fromstring(summary, create_parent="div"),
        "main content found by readability (the page is mostly links)",
    )


def page_key(relative: str) -> str:
    """A page's place in the site: ``a/b.html`` → ``a/b``; ``a/index.html`` → ``a``."""
    path = PurePosixPath(relative)
    if path.suffix.lower().lstrip(".") in PAGE_EXTENSIONS:
        path = path.with_suffix("")
    if path.name.lower() in {"index", "default"}:
        path = path.parent
    return "" if str(path) == "." else path.as_posix()


def _decode(raw: bytes) -> tuple[str, str]:
    """The page's text, and a note when its encoding had to be guessed."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace").lstrip("\ufeff"), ""
    declared = _CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared[1].decode("ascii"), errors="strict"), ""
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        return raw.decode("windows-1252", errors="replace"), (
            "its encoding was not UTF-8 nor as declared: read as Windows-1252"
        )


def _looks_like_html(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(512).lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _shared_suffix(titles: list[str]) -> str:
    """The site name most titles end with after a separator (" | Old intranet"), if any."""
    counts: dict[str, int] = {}
    for title in titles:
        for separator in _TITLE_SEPARATORS:
            if separator in title:
                suffix = separator + title.rsplit(separator, 1)[1]
                counts[suffix] = counts.get(suffix, 0) + 1
    if len(titles) < 2 or not counts:
        return ""
    suffix, count = max(counts.items(), key=lambda item: item[1])
    return suffix if count * 2 >= len(titles) else ""


def _without_suffix(title: str, suffix: str) -> str:
    return title[: -len(suffix)].strip() if suffix and title.endswith(suffix) else title


def _title_from_name(name: str) -> str:
    return re.sub(r"[-_]+", " ", name).strip().capitalize() or "Home"
