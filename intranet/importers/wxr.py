"""Reading a WordPress export (WXR 1.1/1.2) safely: streamed with lxml's ``iterparse`` (each
item cleared once read), no network, no DTD loaded, no entity expanded — and a file that
declares entities at all (WordPress never writes one) is refused, so an entity bomb is a
clear error rather than a hang or a half-read export."""

import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree


class ExportUnreadable(Exception):
    """The file cannot be read as a WordPress export; the message says why, in one line."""


@dataclass
class WxrItem:
    """One ``<item>`` of the export, as text (nothing interpreted yet)."""

    post_id: str
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified_gmt: str = ""
    parent: str = "0"
    menu_order: int = 0
    password: str = ""
    attachment_url: str = ""
    creator: str = ""
    comments: int = 0  # readers' comments on it (not imported: the report says how many)
    terms: list[tuple[str, str]] = field(default_factory=list)  # (domain, name)
    meta: dict[str, str] = field(default_factory=dict)
    position: int = 0  # in the export: the key of its text in the spool


class TextSpool:
    """Items' content and excerpt, kept in a temporary SQLite file rather than in memory
    while the whole export is planned (an export is mostly its posts' text), and read back
    one item at a time as each is written."""

    def __init__(self):
        # Kept open for the run (closed by ``close``), deleted when closed.
        self._file = tempfile.NamedTemporaryFile(suffix=".sqlite")  # noqa: SIM115
        self._db = sqlite3.connect(self._file.name)
        self._db.execute("create table text (position integer primary key, content, excerpt)")

    def put(self, item: WxrItem) -> None:
        self._db.execute(
            "insert into text values (?, ?, ?)", (item.position, item.content, item.excerpt)
        )
        item.content = item.excerpt = ""

    def text(self, item: WxrItem) -> tuple[str, str]:
        """The item's (content, excerpt)."""
        row = self._db.execute(
            "select content, excerpt from text where position = ?", (item.position,)
        ).fetchone()
        return (row[0], row[1]) if row else ("", "")

    def close(self) -> None:
        self._db.close()
        self._file.close()


@dataclass(frozen=True)
class WxrAuthor:
    login: str
    email: str = ""
    display_name: str = ""


@dataclass
class WxrChannel:
    title: str = ""
    link: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    authors: dict[str, WxrAuthor] = field(default_factory=dict)  # by login (dc:creator)


@dataclass
class WxrExport:
    channel: WxrChannel
    items: list[WxrItem]  # what each is, without its text (in ``spool``)
    spool: TextSpool


def _name(element) -> str:
    """``wp:post_id``-style names whatever namespace URI the exporter used (WordPress has
    written http and https, 1.1 and 1.2)."""
    qname = etree.QName(element)
    namespace = qname.namespace or ""
    if "wordpress.org/export" in namespace and "excerpt" in namespace:
        return f"excerpt:{qname.localname}"
    if "wordpress.org/export" in namespace:
        return f"wp:{qname.localname}"
    if "purl.org/rss/1.0/modules/content" in namespace:
        return f"content:{qname.localname}"
    if "purl.org/dc/elements" in namespace:
        return f"dc:{qname.localname}"
    return qname.localname


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _item(element) -> WxrItem:
    values: dict[str, str] = {}
    terms: list[tuple[str, str]] = []
    meta: dict[str, str] = {}
    comments = 0
    for child in element:
        if not isinstance(child.tag, str):
            continue  # comments, processing instructions
        name = _name(child)
        if name == "category":
            if _text(child):
                terms.append((child.get("domain", "category"), _text(child)))
        elif name == "wp:postmeta":
            pair = {_name(part): _text(part) for part in child if isinstance(part.tag, str)}
            if pair.get("wp:meta_key"):
                meta[pair["wp:meta_key"]] = pair.get("wp:meta_value", "")
        elif name == "content:encoded":
            values[name] = child.text or ""  # its whitespace is paragraphs (wpautop)
        elif name == "wp:comment":
            comments += 1
        else:
            values[name] = _text(child)
    try:
        menu_order = int(values.get("wp:menu_order") or 0)
    except ValueError:
        menu_order = 0
    return WxrItem(
        post_id=values.get("wp:post_id", ""),
        post_type=values.get("wp:post_type", ""),
        status=values.get("wp:status", ""),
        title=values.get("title", ""),
        link=values.get("link", ""),
        guid=values.get("guid", ""),
        content=values.get("content:encoded", ""),
        excerpt=values.get("excerpt:encoded", ""),
        post_name=values.get("wp:post_name", ""),
        post_date=values.get("wp:post_date", ""),
        post_date_gmt=values.get("wp:post_date_gmt", ""),
        post_modified_gmt=values.get("wp:post_modified_gmt", ""),
        parent=values.get("wp:post_parent", "0") or "0",
        menu_order=menu_order,
        password=values.get("wp:post_password", ""),
        attachment_url=values.get("wp:attachment_url", ""),
        creator=values.get("dc:creator", ""),
        comments=comments,
        terms=terms,
        meta=meta,
    )


def _author(element) -> WxrAuthor:
    values = {_name(child): _text(child) for child in element if isinstance(child.tag, str)}
    full_name = " ".join(
        filter(None, [values.get("wp:author_first_name"), values.get("wp:author_last_name")])
    )
    return WxrAuthor(
        login=values.get("wp:author_login", ""),
        email=values.get("wp:author_email", ""),
        display_name=values.get("wp:author_display_name", "") or full_name,
    )


def read_export(path: Path) -> WxrExport:
    """The channel and every item, or ``ExportUnreadable``. The whole file is read before
    anything is written, so a truncated export fails before the first page is made; items'
    text is spooled to a temporary file (``close()`` the spool when done)."""
    if not path.is_file():
        raise ExportUnreadable(f"The file {path} does not exist.")
    if path.stat().st_size == 0:
        raise ExportUnreadable(f"The file {path} is empty (0 bytes): it is not a WordPress export.")
    with path.open("rb") as handle:
        head = handle.read(1024 * 1024)
    prolog = head[: head.find(b"<rss")] if b"<rss" in head else head
    if b"<!ENTITY" in prolog.upper():
        _refuse_entities(path, None)
    channel = WxrChannel()
    spool = TextSpool()
    items = []
    try:
        for position, item in enumerate(_items(path, channel)):
            item.position = position
            spool.put(item)
            items.append(item)
    except ExportUnreadable:
        spool.close()
        raise
    if not channel.wxr_version:
        spool.close()
        raise ExportUnreadable(
            f"The file {path} is not a WordPress export: it has no wp:wxr_version "
            "(export it from WordPress under Tools → Export)."
        )
    return WxrExport(channel, items, spool)


def _items(path: Path, channel: WxrChannel) -> Iterator[WxrItem]:
    context = etree.iterparse(
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_pis=True,
    )
    depth = 0
    try:
        for event, element in context:
            if event == "start":
                depth += 1
                if depth == 1:
                    _refuse_entities(path, element)
                continue
            depth -= 1
            name = _name(element)
            if name == "item":
                yield _item(element)
                element.clear()
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]  # what was read already: memory stays flat
            elif depth == 2 and name in {"title", "link", "wp:base_blog_url", "wp:wxr_version"}:
                setattr(channel, name.removeprefix("wp:"), _text(element))
            elif depth == 2 and name == "wp:author":
                author = _author(element)
                if author.login:
                    channel.authors[author.login] = author
    except etree.XMLSyntaxError as error:
        line = f" at line {error.lineno}" if error.lineno else ""
        message = str(error.msg or error).split(", line")[0]
        raise ExportUnreadable(
            f"The file {path} is not well-formed XML{line} ({message}); it may be truncated "
            "or not an export. Nothing was imported."
        ) from None


def _refuse_entities(path: Path, root) -> None:
    """Checked on the raw prolog first (libxml2 may give up on an amplifying DTD before the
    first element, with a less helpful message), then on the parsed DTD."""
    dtd = root.getroottree().docinfo.internalDTD if root is not None else None
    if root is None or (dtd is not None and list(dtd.iterentities())):
        raise ExportUnreadable(
            f"The file {path} declares XML entities, which WordPress exports never do "
            "(an entity bomb?); it was not read. Nothing was imported."
        )
