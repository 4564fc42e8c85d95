"""Collecting an import's per-item outcomes, and writing them out."""

from dataclasses import dataclass, field
from pathlib import Path

from intranet.common import csv as safe_csv

from .models import Outcome

REPORT_HEADER = ["source_id", "kind", "outcome", "reason", "target_url"]


@dataclass
class ItemResult:
    source_id: str
    kind: str
    outcome: str
    reason: str = ""
    target_url: str = ""


@dataclass
class ImportReport:
    importer: str
    items: list[ItemResult] = field(default_factory=list)

    def add(self, result: ItemResult) -> ItemResult:
        self.items.append(result)
        return result

    @property
    def counts(self) -> dict[str, int]:
        counts = {outcome.value: 0 for outcome in Outcome}
        for item in self.items:
            counts[item.outcome] += 1
        return counts

    def write_csv(self, path: Path) -> None:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = safe_csv.writer(handle)
            writer.writerow(REPORT_HEADER)
            for item in self.items:
                writer.writerow(
                    [item.source_id, item.kind, item.outcome, item.reason, item.target_url]
                )
