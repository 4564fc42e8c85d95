"""WordPress post content → Wagtail rich text, saying what was changed on the way.

In order: Gutenberg's block comments dropped (the HTML inside them is the content); the
common shortcodes converted where there is an equivalent, else kept as text; paragraphs made
from blank lines as WordPress's ``wpautop`` does when it shows a classic-editor post; what
rich text cannot hold or must never hold (scripts, styles, iframes, event-handler attributes,
``javascript:`` URLs) counted and then removed by ``nh3``; images of the old site's library
embedded as Wagtail images; links within the old site rewritten to Wagtail page and document
links. Every change becomes a note in the item's report.
"""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape, unescape
from urllib.parse import parse_qs, urlsplit

import nh3
from lxml import etree
from lxml import html as lxml_html

DANGLING_NOTE = "links to nothing imported: "
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "a", "ul", "ol",
    "li", "blockquote", "code", "pre", "sub", "sup",
}  # fmt: skip
DANGEROUS_TAGS = ("script", "style", "iframe", "object", "embed", "form", "applet")
_GUTENBERG = re.compile(r"<!--\s*/?wp:[^>]*?-->")
_SHORTCODE = re.compile(
    r"\[(?P<name>caption|gallery|embed|audio|video|playlist)\b(?P<attrs>[^\]]*)\]"
    r"(?:(?P<inner>.*?)\[/(?P=name)\])?",
    re.DOTALL,
)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_BLOCK = re.compile(
    r"^\s*<(p|div|h[1-6]|ul|ol|li|table|blockquote|pre|figure|hr|dl|address|section)\b", re.I
)


@dataclass(frozen=True)
class LinkTarget:
    """Where a link inside the old site now goes: a page or document (by pk), or None when
    its target will exist by the end of the run (a later item) but does not yet."""

    linktype: str  # "page" or "document"
    pk: int | None


@dataclass
class Converted:
    html: str
    notes: list[str] = field(default_factory=list)
    dangling: list[str] = field(default_factory=list)
    pending: bool = False  # links to items written later in the run


ImageResolver = Callable[[str, str], LinkTarget | None]


def convert(
    content: str,
    site_hosts: set[str],
    resolve: Callable[[str, dict[str, list[str]]], LinkTarget | bool | None],
    resolve_image: ImageResolver | None = None,
    wordpress: bool = True,
) -> Converted:
    """``resolve(path, query)`` gives a link's new target, ``None`` for a link within the old
    site that nothing imported answers (dangling), or ``False`` for "not ours" (kept as is).
    ``resolve_image(src, class)`` gives an ``<img>``'s imported image (pk None: not written,
    as in a dry run), or None when it is not one of the imported images (then removed).
    ``wordpress=False`` for HTML as a browser reads it: no block comments, shortcodes or
    blank-line paragraphs to interpret."""
    notes: list[str] = []
    if not wordpress:
        return _sanitised(content, notes, site_hosts, resolve, resolve_image)
    blocks = len(re.findall(r"<!--\s*wp:", content))
    text = _GUTENBERG.sub("", content)
    if blocks:
        notes.append(f"{blocks} Gutenberg block{'s' if blocks != 1 else ''} flattened to HTML")
    text = _SHORTCODE.sub(lambda match: _shortcode(match, notes), text)
    text = _autop(text)
    return _sanitised(text, notes, site_hosts, resolve, resolve_image)


def _sanitised(text: str, notes: list[str], site_hosts, resolve, resolve_image) -> Converted:
    notes += _unsafe_parts(text)
    clean = nh3.clean(
        text,
        tags=ALLOWED_TAGS | {"img"},
        attributes={"a": {"href"}, "img": {"src", "alt", "class"}},
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )
    converted = Converted(clean, notes)
    _rewrite_links(converted, site_hosts, resolve)
    _embed_images(converted, resolve_image)  # last: Wagtail reads embeds only as "<embed …/>"
    converted.notes = _counted(converted.notes)
    return converted


def _counted(notes: list[str]) -> list[str]:
    """Each note once, with how many times it happened ("… (× 3)")."""
    counts = Counter(notes)
    return [note if counts[note] == 1 else f"{note} (× {counts[note]})" for note in counts]


def _shortcode(match: re.Match, notes: list[str]) -> str:
    name, inner = match["name"], match["inner"] or ""
    attrs = {m[1].lower(): m[2] or m[3] or m[4] for m in _ATTR.finditer(match["attrs"])}
    if name == "caption":
        caption = attrs.get("caption", "")
        rest = re.sub(r"<img\b[^>]*>", "", inner)
        text = " ".join(filter(None, [rest.strip(), caption.strip()]))
        notes.append("[caption] converted to its caption text")
        return f"<p>{text}</p>" if text else ""
    if name == "embed":
        url = inner.strip() or attrs.get("src", "")
        notes.append("[embed] converted to a link")
        return f'<p><a href="{url}">{url}</a></p>'
    if name in {"audio", "video"}:
        url = next(
            (
                attrs[key]
                for key in ("src", "mp3", "mp4", "m4a", "ogg", "wav", "webm")
                if attrs.get(key)
            ),
            "",
        )
        if url:
            notes.append(f"[{name}] converted to a link")
            return f'<p><a href="{url}">{url}</a></p>'
    notes.append(f"[{name}] kept as text (no equivalent here)")
    return f"<p>{match.group(0)}</p>"


def _autop(text: str) -> str:
    """Blank lines are paragraphs and single newlines line breaks, as WordPress shows them,
    except where the author already wrote block HTML."""
    parts = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    out = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if _BLOCK.match(part):
            out.append(part)
        else:
            out.append("<p>" + part.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def _unsafe_parts(text: str) -> list[str]:
    """What sanitising will remove, counted so the report can say so."""
    if not text.strip():
        return []
    try:
        tree = lxml_html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    found: Counter[str] = Counter()
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in DANGEROUS_TAGS:
            found[f"<{element.tag}>"] += 1
        elif element.tag == "table":
            found["table (kept as text)"] += 1
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found[f"{name.lower()} attribute"] += 1
            if name in {"href", "src"} and value.strip().lower().startswith("javascript:"):
                found["javascript: URL"] += 1
    if not found:
        return []
    return ["removed: " + ", ".join(f"{n} × {what}" for what, n in sorted(found.items()))]


def _embed_images(converted: Converted, resolve_image: ImageResolver | None) -> None:
    """Each ``<img>`` that is one of the imported images becomes Wagtail's image embed (so it
    is served with the library's access checks and follows the image if it is replaced); any
    other is removed, and its address noted."""
    if "<img" not in converted.html:
        return
    tree = lxml_html.fragment_fromstring(converted.html, create_parent="div")
    embeds: dict[str, str] = {}
    missing: list[str] = []
    for image in list(tree.iter("img")):
        src, alt = image.get("src", ""), image.get("alt", "")
        target = resolve_image(src, image.get("class", "")) if resolve_image else None
        marker = ""
        if target is None:
            missing.append(src or "(no address)")
        elif target.pk is not None:
            marker = f"commons-image-{len(embeds)}-embed"
            embeds[marker] = (
                f'<embed embedtype="image" id="{target.pk}" format="fullwidth" '
                f'alt="{escape(alt, quote=True)}"/>'
            )
        _replace_with_text(image, marker)
    html = (tree.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in tree
    )
    for marker, embed in embeds.items():
        html = html.replace(marker, embed)
    converted.html = html
    if missing:
        converted.notes.append("images not imported, removed: " + ", ".join(missing))


def _replace_with_text(element, text: str) -> None:
    """Remove ``element``, keeping its tail, with ``text`` where it was."""
    parent = element.getparent()
    before = element.getprevious()
    joined = text + (element.tail or "")
    if before is not None:
        before.tail = (before.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(element)


def _rewrite_links(converted: Converted, site_hosts: set[str], resolve) -> None:
    if "<a" not in converted.html:
        return
    tree = lxml_html.fragment_fromstring(converted.html, create_parent="div")
    changed = False
    for anchor in tree.iter("a"):
        href = anchor.get("href", "")
        parts = urlsplit(href)
        if parts.scheme not in {"", "http", "https"} or (
            parts.netloc and parts.netloc.lower() not in site_hosts
        ):
            continue
        if not parts.netloc and not parts.path.startswith("/") and not parts.query:
            continue  # "#top", relative oddities: left as written
        target = resolve(parts.path or "/", parse_qs(parts.query))
        if target is False:
            continue
        if target is None:
            converted.dangling.append(href)
            continue
        if target.pk is None:
            converted.pending = True
            continue
        anchor.attrib.clear()
        anchor.set("linktype", target.linktype)
        anchor.set("id", str(target.pk))
        changed = True
    if changed:
        inner = (tree.text or "") + "".join(
            etree.tostring(child, encoding="unicode", method="html") for child in tree
        )
        converted.html = inner
    if converted.dangling:
        converted.notes.append(DANGLING_NOTE + ", ".join(converted.dangling))


def text_of(html: str, limit: int) -> str:
    """Plain text of some HTML, whitespace collapsed, cut at a word within ``limit``."""
    text = " ".join(unescape(nh3.clean(html, tags=set())).split()) if html else ""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
