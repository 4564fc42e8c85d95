"""Benchmark: import an HR export of N people, then import it again (all unchanged).

Run with `make bench`. Each size runs in its own process, on a throwaway SQLite database under
a temp directory, so its peak memory (ru_maxrss) is its own: the importer streams the file,
so ten times the rows should cost little more memory. Prints figures; asserts nothing.

The default sizes, 1,000 and 10,000, keep the run to a few minutes: a first import writes
each person through ``services.save_person`` (search entry, reference index, account link),
some 50–100 rows/s on SQLite. BENCH_PEOPLE=3000,30000 runs the issue's sizes (~10 minutes).
"""

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="commons-bench-people-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from intranet.people.importing import PeopleImportOptions, import_people  # noqa: E402
from tests.factories import OrganisationFactory  # noqa: E402

SIZES = [int(size) for size in os.environ.get("BENCH_PEOPLE", "1000,10000").split(",")]

FIRST = ["Jane", "Amir", "Siobhán", "Zoë", "Li", "Grace", "Tomasz", "Aoife", "Kwame", "Priya"]
LAST = ["Smith", "O'Brien", "Smith-Jones", "Khan", "Mensah", "Nowak", "Wei", "Müller", "Patel"]
TEAMS = [
    f"{service} / {team}"
    for service in ("Children's Services", "Adult Social Care", "Housing", "Finance", "Highways")
    for team in ("Early Help", "Fostering", "Assessments", "Operations", "Business Support")
]
BASES = ["City Hall", "Lisson Grove", "Harrow Road Hub", "Church Street Library", "Depot"]
SKILLS = ["safeguarding", "GIS", "BSL", "Excel", "procurement", "first aid", "Welsh", "Python"]
DAYS = ["mon,tue,wed,thu,fri", "mon;tue;wed", "Tue;Thu", "monday, friday", ""]
HEADER = (
    "employee_id,email,first_name,last_name,job_title,team,manager_email,phone,mobile,"
    "base,skills,languages,working_days"
)


def write_export(path: Path, size: int) -> None:
    """``size`` people; each reports to one in eight before them, and the rows are shuffled
    so about half the managers come later in the file (the second pass)."""
    rng = random.Random(size)
    order = list(range(size))
    rng.shuffle(order)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write(HEADER + "\r\n")
        for n in order:
            first, last = FIRST[n % len(FIRST)], LAST[n // len(FIRST) % len(LAST)]
            manager = f"person{n // 8}@bench.gov.uk" if n else ""
            skills = ";".join(rng.sample(SKILLS, n % 3))
            cells = [
                f"E{n:06d}",
                f"person{n}@bench.gov.uk",
                first,
                last,
                "Social worker" if n % 2 else "Team leader",
                f'"{TEAMS[n % len(TEAMS)]}"',
                manager,
                f"020 7641 {n % 10000:04d}",
                f"07700 9{n % 100000:05d}",
                BASES[n % len(BASES)],
                skills,
                "English" if n % 4 else '"English, Polish"',
                f'"{DAYS[n % len(DAYS)]}"',
            ]
            handle.write(",".join(cells) + "\r\n")


def run_size(size: int) -> None:
    """In its own process (and database): import twice, print a line."""
    call_command("migrate", verbosity=0)
    OrganisationFactory(slug="bench", name="Benchmark Borough")
    export = WORK / "people.csv"
    write_export(export, size)
    options = PeopleImportOptions(path=export, organisation_slug="bench")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    started = time.perf_counter()
    first = import_people(options)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    again = import_people(options)
    again_s = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"import_people {size:>6} rows: first import {first_s:6.1f} s = "
        f"{size / first_s:6.0f} rows/s {_counts(first.report.counts)}; "
        f"re-import {again_s:5.1f} s = {size / again_s:6.0f} rows/s "
        f"{_counts(again.report.counts)}; peak memory {peak:.0f} MiB "
        f"(+{peak - before:.0f} MiB over Django set up)",
        flush=True,
    )


def _counts(counts: dict[str, int]) -> str:
    return "(" + ", ".join(f"{n} {outcome}" for outcome, n in counts.items() if n) + ")"


def main() -> None:
    """A process per size, so each one's peak memory is its own."""
    for size in SIZES:
        subprocess.run([sys.executable, __file__, str(size)], check=True)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run_size(int(sys.argv[1]))
    else:
        main()
