"""Running an import command as an admin would, and reading back its CSV report."""

import csv
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command


def run_command(command: str, source: Path, *args: str, org: str) -> tuple[dict[str, dict], str]:
    """The report's rows by source id, and what the command printed; fails the test if the
    report has an item twice."""
    report = Path(tempfile.mkdtemp()) / "report.csv"  # never beside the source
    out = StringIO()
    call_command(
        command, str(source), "--org", org, "--report", str(report), *args,
        stdout=out, stderr=StringIO(),
    )  # fmt: skip
    with report.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_id = {row["source_id"]: row for row in rows}
    assert len(by_id) == len(rows), "an item reported twice"
    return by_id, out.getvalue()
