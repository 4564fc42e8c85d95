"""Writing small saved static sites into a test's folder, and running ``import_html`` on them."""

import csv
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command

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
    report = Path(tempfile.mkdtemp()) / "report.csv"
    out = StringIO()
    call_command(
        "import_html", str(folder), "--org", org, "--base-url", BASE_URL,
        "--report", str(report), *args, stdout=out, stderr=StringIO(),
    )  # fmt: skip
    with report.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_id = {row["source_id"]: row for row in rows}
    assert len(by_id) == len(rows), "an item reported twice"
    return by_id, out.getvalue()
