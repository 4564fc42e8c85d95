"""Writing small saved static sites into a test's folder, and running ``import_html`` on them."""

from pathlib import Path

from tests.importers.running import run_command

BASE_URL = "https://intranet.example.gov.uk/"


def page(title: str, main: str, *, nav: str = '<a href="/">Home</a>') -> str:
    """A page as a CMS would have written it: header, navigation, the content, footer."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title} | Old Intranet</title>"
        "<link rel='stylesheet' href='/css/site.css'></head><body>"
        f"<header><nav>{nav}</nav></header><main>{main}</main>"
        "<footer><p>© The Council</p></footer></body></html>"
    )


def write_site(folder: Path, files: dict[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def run_import(folder: Path, *args: str, org: str = "wcc") -> tuple[dict[str, dict], str]:
    """The report's rows by source id, and what the command printed."""
    return run_command("import_html", folder, "--base-url", BASE_URL, *args, org=org)
