"""Benchmark: import 1,000 mixed documents into a library; extraction time per format.

Run with `make bench`. Uses a throwaway SQLite database and media folder under a temp
directory, the immediate task backend (so extraction is part of the import time) and
prints figures; it asserts nothing.
"""

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="commons-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

settings.MEDIA_ROOT = WORK / "media"
COUNT = int(os.environ.get("BENCH_DOCUMENTS", "1000"))


def make_share(root: Path) -> dict[str, bytes]:
    from intranet.demo import files

    samples = {
        "pdf": files.pdf(["Annual leave policy"] * 20, pages=3),
        "docx": files.docx(["Sickness absence procedure"] * 50),
        "xlsx": files.xlsx(
            [["Grade", "Salary"]] + [[f"Scale {n}", str(24000 + n * 900)] for n in range(50)]
        ),
        "pptx": files.pptx([f"Slide {n}" for n in range(10)]),
        "odt": files.odf("odt", ["Working remotely"] * 30),
        "rtf": files.rtf(["Equipment request form"] * 20),
        "html": files.html(["Intranet page"] * 30),
        "txt": ("Meeting notes\n" * 200).encode(),
    }
    formats = list(samples)
    for n in range(COUNT):
        file_format = formats[n % len(formats)]
        folder = root / f"Team {n % 10}" / f"Year {2020 + n % 5}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"document-{n:04d}.{file_format}").write_bytes(samples[file_format])
    return samples


def extraction_times(samples: dict[str, bytes], repeats: int = 5) -> dict[str, float]:
    from intranet.library.extraction import extract_text

    times = {}
    for file_format, content in samples.items():
        path = WORK / f"sample.{file_format}"
        path.write_bytes(content)
        runs = []
        for _ in range(repeats):
            started = time.perf_counter()
            result = extract_text(path, path.name)
            runs.append(time.perf_counter() - started)
            assert result.ok, (file_format, result.reason)
        times[file_format] = statistics.median(runs)
    return times


def main() -> None:
    call_command("migrate", verbosity=0)
    from tests.factories import OrganisationFactory

    OrganisationFactory(slug="bench", name="Benchmark Borough")
    share = WORK / "share"
    samples = make_share(share)

    from intranet.library.importing import ImportOptions, import_documents

    started = time.perf_counter()
    report, _ = import_documents(ImportOptions(directory=share, organisation_slug="bench"))
    elapsed = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"import_documents: {COUNT} files in {elapsed:.1f} s = {COUNT / elapsed:.1f} files/s "
        f"(text extraction included); peak memory {peak_mib:.0f} MiB; outcomes {report.counts}"
    )
    print("extraction time per format (median of 5, including the isolating child process):")
    for file_format, seconds in sorted(extraction_times(samples).items()):
        print(f"  {file_format:<5} {seconds * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
