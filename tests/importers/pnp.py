"""Writing small PnP provisioning templates (2022-09 schema) into a test's folder, and running
``import_sharepoint`` on it."""

import json as json_module
from html import escape
from pathlib import Path

from tests.importers.running import run_command

NAMESPACE = "http://schemas.dev.office.com/PnP/2022/09/ProvisioningSchema"


def text_page(name: str, title: str, html: str, *, news: bool = False, json: bool = False) -> str:
    """A client-side page with one text web part (its HTML as a ``Text`` property, or in
    ``JsonControlData`` when ``json``)."""
    if json:
        data = escape(json_module.dumps({"innerHTML": html}), quote=True)
        control = f'<pnp:CanvasControl WebPartType="Text" JsonControlData="{data}" Order="1"/>'
    else:
        control = (
            '<pnp:CanvasControl WebPartType="Text" Order="1"><pnp:CanvasControlProperties>'
            f'<pnp:CanvasControlProperty Key="Text" Value="{escape(html, quote=True)}"/>'
            "</pnp:CanvasControlProperties></pnp:CanvasControl>"
        )
    return (
        f'<pnp:ClientSidePage PageName="{name}" Title="{title}" '
        f'PromoteAsNewsArticle="{str(news).lower()}" Publish="true">'
        f'<pnp:Sections><pnp:Section Order="1" Type="OneColumn"><pnp:Controls>{control}'
        '<pnp:CanvasControl WebPartType="Image" JsonControlData="{}" Order="2"/>'
        "</pnp:Controls></pnp:Section></pnp:Sections></pnp:ClientSidePage>"
    )


def write_export(
    folder: Path,
    *,
    pages: tuple[str, ...] = (),
    files: str = "",
    navigation: str = "",
    other: str = "",
    name: str = "template.xml",
) -> Path:
    """The template (and nothing else) in ``folder``; put the exported files there yourself."""
    folder.mkdir(parents=True, exist_ok=True)
    body = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<pnp:Provisioning xmlns:pnp="{NAMESPACE}">'
        '<pnp:Preferences Generator="test"/><pnp:Templates ID="T">'
        '<pnp:ProvisioningTemplate ID="SITE">'
        f"{other}"
        f"<pnp:Navigation>{navigation}</pnp:Navigation>"
        f"<pnp:Files>{files}</pnp:Files>"
        f"<pnp:ClientSidePages>{''.join(pages)}</pnp:ClientSidePages>"
        "</pnp:ProvisioningTemplate></pnp:Templates></pnp:Provisioning>"
    )
    (folder / name).write_text(body, encoding="utf-8")
    return folder


def nav_node(title: str, url: str) -> str:
    return f'<pnp:NavigationNode Title="{title}" Url="{url}" IsExternal="false"/>'


def current_navigation(*nodes: str) -> str:
    return (
        '<pnp:CurrentNavigation NavigationType="Structural"><pnp:StructuralNavigation>'
        f"{''.join(nodes)}</pnp:StructuralNavigation></pnp:CurrentNavigation>"
    )


def run_import(folder: Path, *args: str, org: str = "wcc") -> tuple[dict[str, dict], str]:
    """The report's rows by source id, and what the command printed."""
    return run_command("import_sharepoint", folder, *args, org=org)
