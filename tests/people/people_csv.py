"""Writing HR exports into a test's tmp_path and running ``import_people`` on them."""

import csv
from io import StringIO
from pathlib import Path

from django.core.management import call_command


def write_csv(folder: Path, text: str, name: str = "people.csv", encoding: str = "utf-8") -> Path:
    """``text`` as a file, its lines' leading spaces removed (so tests can indent them)."""
    path = folder / name
    lines = [line.strip() for line in text.strip().splitlines()]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def run_import(path: Path, *args: str, org: str = "wcc") -> tuple[list[dict], str]:
    """The report's rows and what the command printed."""
    report = path.parent / f"{path.stem}-report.csv"
    out = StringIO()
    call_command(
        "import_people",
        str(path),
        "--org",
        org,
        "--report",
        str(report),
        *args,
        stdout=out,
        stderr=StringIO(),
    )
    with report.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle)), out.getvalue()


def outcomes(rows: list[dict]) -> dict[str, str]:
    return {row["source_id"]: row["outcome"] for row in rows}


def reasons(rows: list[dict]) -> dict[str, str]:
    return {row["source_id"]: row["reason"] for row in rows}
