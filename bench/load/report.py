"""Print Locust's per-endpoint figures for each user count: `report.py DIR 20 50`."""

import csv
import sys
from pathlib import Path


def rows(path: Path) -> list[dict]:
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def main(directory: str, *user_counts: str) -> None:
    for users in user_counts:
        path = Path(directory) / f"users-{users}_stats.csv"
        if not path.exists():
            print(f"\n{users} users: no figures ({path} missing)")
            continue
        print(f"\n{users} users")
        header = f"{'endpoint':<16}{'requests':>9}{'failures':>9}"
        print(header + f"{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'req/s':>8}")
        for row in rows(path):
            name = row["Name"] if row["Name"] != "Aggregated" else "all"
            print(
                f"{name:<16}{row['Request Count']:>9}{row['Failure Count']:>9}"
                f"{row['50%']:>8}{row['95%']:>8}{row['99%']:>8}{float(row['Requests/s']):>8.1f}"
            )
        failures = Path(directory) / f"users-{users}_failures.csv"
        if failures.exists():
            for row in rows(failures)[:5]:
                print(f"  failure: {row['Name']}: {row['Error'][:100]} ({row['Occurrences']}x)")


if __name__ == "__main__":
    main(*sys.argv[1:])
