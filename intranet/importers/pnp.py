"""Reading a SharePoint site's PnP provisioning template (``pnp:Provisioning``, any schema
year from 2015-05 to 2022-09) safely: streamed with lxml's ``iterparse`` (each template cleared
once read), no network, no DTD, no entity expanded — a template declaring entities is
refused — and a ``.pnp`` package unpacked only within its folder and size.

What the importer needs is taken out as plain data: client-side pages (their text web parts'
HTML, other web parts by type), classic wiki pages (their ``WikiField`` HTML), the navigation
trees, the files and folders the template places, lists with their rows, and the name of
every other part of the template (site configuration, not content), so each is reported.
"""

import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from lxml import etree

PNP_NAMESPACE = re.compile(r"^http://schemas\.dev\.office\.com/PnP/\d{4}/\d{2}/ProvisioningSchema$")
MAX_PACKAGE_BYTES = 2 * 1024**3  # what a .pnp may unpack to, at the most
# Parts of a template that hold content; the rest configure a site and are reported as such.
CONTENT_PARTS = {"ClientSidePages", "Pages", "Navigation", "Files", "Lists"}


class TemplateUnreadable(Exception):
    """The export cannot be read as a PnP template; the message says why, in one line."""


@dataclass
class WebPart:
    kind: str  # "Text", "Image", a custom web part's name…
    html: str = ""  # what it says, when it says anything


@dataclass
class SitePage:
    """A client-side (modern) page or a classic wiki page."""

    path: str  # "SitePages/Team/Welcome.aspx": its server-relative path below the site
    title: str
    parts: list[WebPart] = field(default_factory=list)
    news: bool = False
    byline: str = ""
    tags: list[str] = field(default_factory=list)
    published: bool = True


@dataclass
class NavNode:
    title: str
    url: str
    external: bool
    menu: str  # "CurrentNavigation", "GlobalNavigation", "SearchNavigation"
    position: int
    trail: str  # "Libraries/Invoices": its place in the tree, for the report


@dataclass
class PlacedFile:
    """A ``pnp:File``: the exported file at ``src`` goes into the library folder ``folder``."""

    src: str
    folder: str
    name: str


@dataclass
class PlacedFolder:
    """A ``pnp:Directory``: the exported folder ``src``'s files go into ``folder``."""

    src: str
    folder: str
    recursive: bool
    included: list[str]
    excluded: list[str]


@dataclass
class ListRows:
    title: str
    url: str
    rows: list[dict[str, str]]


@dataclass
class Template:
    template_id: str
    pages: list[SitePage] = field(default_factory=list)
    navigation: list[NavNode] = field(default_factory=list)
    files: list[PlacedFile] = field(default_factory=list)
    folders: list[PlacedFolder] = field(default_factory=list)
    lists: list[ListRows] = field(default_factory=list)
    other_parts: list[str] = field(default_factory=list)  # "SiteFields", "Security"…


@dataclass
class Provisioning:
    path: Path
    templates: list[Template]
    other_parts: list[str]  # top-level parts: "Tenant", "Localizations"…
    template_files: list[str]  # pnp:ProvisioningTemplateFile/@File, read by the importer


def find_template(folder: Path) -> Path:
    """The export's template: the one ``.xml`` or ``.pnp`` in ``folder`` whose root is
    ``pnp:Provisioning`` (or ``ProvisioningTemplate``)."""
    candidates = sorted(folder.glob("*.xml")) + sorted(folder.glob("*.pnp"))
    templates = [path for path in candidates if path.suffix == ".pnp" or _is_template(path)]
    if not templates:
        raise TemplateUnreadable(
            f"There is no PnP provisioning template (.xml or .pnp) in {folder}: export the site "
            "with Get-PnPSiteTemplate -Out template.xml -PersistBrandingFiles."
        )
    return templates[0]


def _is_template(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return b"ProvisioningSchema" in head


def unpack(package: Path, into: Path) -> Path:
    """A ``.pnp`` (an Open XML package, i.e. a zip) unpacked into ``into``; refused when a
    member would land outside it or the whole would exceed ``MAX_PACKAGE_BYTES``."""
    try:
        with zipfile.ZipFile(package) as archive:
            members = archive.infolist()
            if sum(member.file_size for member in members) > MAX_PACKAGE_BYTES:
                raise TemplateUnreadable(f"The package {package.name} unpacks to more than 2 GB.")
            root = into.resolve()
            for member in members:
                target = (into / member.filename).resolve()
                if not target.is_relative_to(root):
                    raise TemplateUnreadable(
                        f"The package {package.name} has a file outside its folder "
                        f"({member.filename}); it was not read."
                    )
            archive.extractall(into)
    except zipfile.BadZipFile:
        raise TemplateUnreadable(
            f"The file {package.name} is not a .pnp package (not a zip file)."
        ) from None
    templates = [path for path in sorted(into.rglob("*.xml")) if _is_template(path)]
    if not templates:
        raise TemplateUnreadable(f"The package {package.name} holds no provisioning template.")
    return templates[0]


def read_template(path: Path) -> Provisioning:
    """Everything of the template the importer uses, or ``TemplateUnreadable``."""
    if not path.is_file():
        raise TemplateUnreadable(f"The file {path} does not exist.")
    if path.stat().st_size == 0:
        raise TemplateUnreadable(f"The file {path} is empty (0 bytes): it is not a PnP template.")
    with path.open("rb") as handle:
        head = handle.read(1024 * 1024)
    if b"<!ENTITY" in head.upper():
        raise TemplateUnreadable(
            f"The file {path} declares XML entities, which PnP templates never do (an entity "
            "bomb?); it was not read. Nothing was imported."
        )
    provisioning = Provisioning(path, [], [], [])
    context = etree.iterparse(
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    depth = 0
    inside_template = 0
    parameters: dict[str, str] = {}
    try:
        for event, element in context:
            name = etree.QName(element).localname
            if event == "start":
                depth += 1
                if depth == 1:
                    _check_root(path, element)
                if name == "ProvisioningTemplate":
                    inside_template += 1
                continue
            depth -= 1
            if name == "ProvisioningTemplate":
                inside_template -= 1
                provisioning.templates.append(_template(element, parameters))
                element.clear()
            elif name == "ProvisioningTemplateFile":
                provisioning.template_files.append(element.get("File", ""))
            elif name == "Parameter" and element.get("Key"):
                parameters[element.get("Key")] = (element.text or "").strip()
            elif depth == 1 and not inside_template and name not in {"Templates", "Sequence"}:
                provisioning.other_parts.append(name)
                element.clear()
    except etree.XMLSyntaxError as error:
        line = f" at line {error.lineno}" if error.lineno else ""
        message = str(error.msg or error).split(", line")[0]
        raise TemplateUnreadable(
            f"The file {path} is not well-formed XML{line} ({message}); it may be truncated. "
            "Nothing was imported."
        ) from None
    return provisioning


def _check_root(path: Path, root) -> None:
    qname = etree.QName(root)
    if not PNP_NAMESPACE.match(qname.namespace or "") or qname.localname not in {
        "Provisioning",
        "ProvisioningTemplate",
    }:
        raise TemplateUnreadable(
            f"The file {path} is not a PnP provisioning template (its root is "
            f"<{qname.localname}>, not <pnp:Provisioning>)."
        )
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):
        raise TemplateUnreadable(
            f"The file {path} declares XML entities, which PnP templates never do (an entity "
            "bomb?); it was not read. Nothing was imported."
        )


def _children(element, name: str) -> Iterator:
    return (child for child in element if etree.QName(child).localname == name)


def _child(element, name: str):
    return next(_children(element, name), None)


def _template(element, parameters: dict[str, str]) -> Template:
    """The template's content, ``{parameter:Name}`` tokens in titles replaced by the values
    the template's preferences give them."""
    template = Template(element.get("ID", ""))
    for part in element:
        name = etree.QName(part).localname
        if name == "ClientSidePages":
            template.pages += [
                _client_side_page(page) for page in _children(part, "ClientSidePage")
            ]
        elif name == "Pages":
            template.pages += [_wiki_page(page) for page in _children(part, "Page")]
        elif name == "Navigation":
            template.navigation += _navigation(part)
        elif name == "Files":
            template.files += [_file(item) for item in _children(part, "File")]
            template.folders += [_folder(item) for item in _children(part, "Directory")]
        elif name == "Lists":
            template.lists += [_list(item) for item in _children(part, "ListInstance")]
        else:
            template.other_parts.append(name)
    for page in template.pages:
        page.title = _with_parameters(page.title, parameters)
    for rows in template.lists:
        rows.title = _with_parameters(rows.title, parameters)
    return template


def _with_parameters(text: str, parameters: dict[str, str]) -> str:
    return re.sub(r"\{parameter:([^}]+)\}", lambda found: parameters.get(found[1], found[0]), text)


def _client_side_page(element) -> SitePage:
    name = element.get("PageName", "").strip().strip("/") or "Untitled"
    if not name.lower().endswith(".aspx"):
        name += ".aspx"
    header = _child(element, "Header")
    tags: list[str] = []
    values = _child(element, "FieldValues")
    for value in _children(values, "FieldValue") if values is not None else ():
        if value.get("Key", "").lower() in {"tags", "category", "taxkeyword", "topics"}:
            tags += [
                tag.strip() for tag in re.split(r"[,;]", value.get("Value", "")) if tag.strip()
            ]
    parts = []
    sections = _child(element, "Sections")
    for section in sorted(
        _children(sections, "Section") if sections is not None else (), key=_order
    ):
        controls = _child(section, "Controls")
        for control in sorted(
            _children(controls, "CanvasControl") if controls is not None else (),
            key=lambda control: (_number(control.get("Column")), _order(control)),
        ):
            parts.append(_web_part(control))
    return SitePage(
        path=f"SitePages/{name}",
        title=" ".join((element.get("Title") or PurePosixPath(name).stem).split()),
        parts=parts,
        news=element.get("PromoteAsNewsArticle", "").lower() == "true",
        byline=(header.get("AuthorByLine") or header.get("Authors") or "")
        if header is not None
        else "",
        tags=sorted(set(tags)),
        published=element.get("Publish", "true").lower() != "false",
    )


def _web_part(control) -> WebPart:
    """A text web part's HTML (in a ``Text`` property, or the JSON's ``innerHTML``/``text``);
    any other web part's searchable text from its JSON, if it has some."""
    kind = control.get("WebPartType") or control.get("CustomWebPartName") or "Custom"
    html = ""
    properties = _child(control, "CanvasControlProperties")
    for prop in _children(properties, "CanvasControlProperty") if properties is not None else ():
        if prop.get("Key", "").lower() in {"text", "innerhtml"}:
            html = prop.get("Value", "")
    data = _json(control.get("JsonControlData", ""))
    if not html and isinstance(data, dict):
        html = next(
            (data[key] for key in ("innerHTML", "text", "html") if isinstance(data.get(key), str)),
            "",
        )
        processed = data.get("serverProcessedContent") or {}
        if not html and isinstance(processed, dict):
            texts = [
                value
                for bucket in ("htmlStrings", "searchablePlainTexts")
                for value in (processed.get(bucket) or {}).values()
                if isinstance(value, str) and value.strip()
            ]
            html = "".join(
                text if text.lstrip().startswith("<") else f"<p>{text}</p>" for text in texts
            )
    return WebPart(kind, html)


def _wiki_page(element) -> SitePage:
    url = element.get("Url", "")
    path = re.sub(r"^\{[^}]+\}/?", "", url).strip("/") or "SitePages/Page.aspx"
    html = ""
    fields = _child(element, "Fields")
    for item in _children(fields, "Field") if fields is not None else ():
        if item.get("FieldName") in {"WikiField", "PublishingPageContent"}:
            html = (item.text or "").strip()
    parts = [WebPart("Wiki text", html)] if html else []
    web_parts = _child(element, "WebParts")
    for part in _children(web_parts, "WebPart") if web_parts is not None else ():
        parts.append(WebPart(f"classic web part {part.get('Title', '')}".strip()))
    return SitePage(path=path, title=PurePosixPath(path).stem.replace("-", " "), parts=parts)


def _navigation(element) -> list[NavNode]:
    nodes: list[NavNode] = []
    for menu in element:
        menu_name = etree.QName(menu).localname
        for structural in menu.iter():
            if etree.QName(structural).localname in {"StructuralNavigation", "SearchNavigation"}:
                _nodes(structural, menu_name, "", nodes)
                if menu_name == "SearchNavigation":
                    break
    return nodes


def _nodes(parent, menu: str, trail: str, nodes: list[NavNode]) -> None:
    for position, node in enumerate(_children(parent, "NavigationNode"), start=1):
        title = node.get("Title", "")
        here = f"{trail}/{title}" if trail else title
        nodes.append(
            NavNode(
                title=title,
                url=node.get("Url", ""),
                external=node.get("IsExternal", "").lower() == "true",
                menu=menu,
                position=position,
                trail=here,
            )
        )
        _nodes(node, menu, here, nodes)


def _file(element) -> PlacedFile:
    src = element.get("Src", "").replace("\\", "/")
    name = element.get("TargetFileName") or PurePosixPath(src).name
    return PlacedFile(src=src, folder=_folder_name(element.get("Folder", "")), name=name)


def _folder(element) -> PlacedFolder:
    def patterns(value: str) -> list[str]:
        return [item.strip().lower() for item in value.split(",") if item.strip()]

    return PlacedFolder(
        src=element.get("Src", "").replace("\\", "/"),
        folder=_folder_name(element.get("Folder", "")),
        recursive=element.get("Recursive", "").lower() == "true",
        included=patterns(element.get("IncludedExtensions", "")),
        excluded=patterns(element.get("ExcludedExtensions", "")),
    )


def _list(element) -> ListRows:
    rows = []
    data_rows = _child(element, "DataRows")
    for row in _children(data_rows, "DataRow") if data_rows is not None else ():
        rows.append(
            {
                value.get("FieldName", ""): (value.text or "")
                for value in _children(row, "DataValue")
            }
        )
    return ListRows(element.get("Title", ""), element.get("Url", ""), rows)


def _folder_name(value: str) -> str:
    """``{site}/Shared%20Documents/Policies`` → ``Shared Documents/Policies``."""
    return unquote(re.sub(r"\{[^}]+\}/?", "", value)).strip("/")


def _json(text: str):
    try:
        return json.loads(text) if text.strip() else None
    except ValueError:
        return None


def _order(element) -> float:
    return _number(element.get("Order"))


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0
