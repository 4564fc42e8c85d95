"""Benchmark: import a generated WordPress export of N posts (with pages, a menu, authors,
categories, links between posts and attachments whose files are on disk), then import it again
(everything unchanged).

Run with `make bench`. Each size runs in its own process, on a throwaway SQLite database under
a temp directory, so its peak memory (ru_maxrss) and Python's own peak (tracemalloc) are its
own: the export is read streaming and items' text spooled to disk, so ten times the posts
should cost little more memory. BENCH_POSTS=1000,10000 (the default) are the issue's sizes;
the target is 10,000 posts in 2 minutes. Prints figures; asserts nothing.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="commons-bench-wordpress-"))
# The site's own settings (not the tests'): background tasks are queued for the worker, as in
# real use, rather than run inline.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from intranet.demo import files  # noqa: E402
from intranet.importers.wordpress import WordPressOptions, import_wordpress  # noqa: E402
from tests.factories import OrganisationFactory  # noqa: E402

SIZES = [int(size) for size in os.environ.get("BENCH_POSTS", "1000,10000").split(",")]
SITE = "https://intranet.bench.gov.uk"
PAGES = 50  # a site's pages: a few levels, in a menu
ATTACHMENT_EVERY = 10  # a PDF for one post in ten
CATEGORIES = ["Housing", "Social care", "Finance", "Highways", "HR", "IT", "Libraries"]
HEADER = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench intranet</title><link>{SITE}</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>{SITE}</wp:base_blog_url>
<wp:author><wp:author_login>comms</wp:author_login><wp:author_email>comms@bench.gov.uk</wp:author_email>
<wp:author_display_name>Communications team</wp:author_display_name></wp:author>
"""


def _item(post_id: int, title: str, post_type: str, content: str, **extra: str) -> str:
    slug = f"{post_type}-{post_id}"
    fields = "".join(f"<wp:{name}>{value}</wp:{name}>" for name, value in extra.items())
    return (
        f"<item><title>{title}</title><link>{SITE}/{slug}/</link><dc:creator>comms</dc:creator>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id>"
        "<wp:post_date_gmt>2021-03-04 10:00:00</wp:post_date_gmt>"
        f"<wp:post_modified_gmt>2022-01-02 09:00:00</wp:post_modified_gmt>"
        f"<wp:post_name>{slug}</wp:post_name><wp:status>{extra.pop('status', 'publish')}"
        f"</wp:status><wp:post_type>{post_type}</wp:post_type>{fields}"
        f'<category domain="category" nicename="c"><![CDATA[{CATEGORIES[post_id % 7]}]]></category>'
        "</item>\n"
    )


def write_export(path: Path, media: Path, posts: int) -> None:
    pdf = files.pdf(["Benchmark attachment"])
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for n in range(1, PAGES + 1):
            parent = 0 if n <= 10 else 1 + n % 10
            handle.write(
                _item(
                    n,
                    f"Guidance page {n}",
                    "page",
                    f"<p>Guidance {n}.</p>\n\nMore text.",
                    post_parent=str(parent),
                    menu_order=str(n),
                )
            )
        for n in range(1, 11):
            handle.write(
                _item(
                    100_000 + n,
                    "",
                    "nav_menu_item",
                    "",
                    menu_order=str(n),
                    postmeta=(
                        "<wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value>post_type"
                        "</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object_id"
                        f"</wp:meta_key><wp:meta_value>{11 - n}</wp:meta_value>"
                    ),
                )
            )
        for n in range(1, posts + 1):
            post_id = 1000 + n
            body = (
                f"<p>News item {n} about {CATEGORIES[n % 7].lower()}: the council has agreed "
                "new arrangements, which staff should read before the next team meeting.</p>\n\n"
                f'See <a href="{SITE}/post-{post_id - 1}/">the previous story</a> and '
                f'<a href="{SITE}/?page_id={1 + n % PAGES}">the guidance</a>.\n\n'
                "<!-- wp:paragraph --><p>Questions go to your manager.</p><!-- /wp:paragraph -->"
            )
            handle.write(_item(post_id, f"Council news {n}", "post", body))
            if n % ATTACHMENT_EVERY == 0:
                name = f"2021/03/minutes-{n}.pdf"
                (media / name).parent.mkdir(parents=True, exist_ok=True)
                (media / name).write_bytes(pdf + f"% {n}\n".encode())  # a different hash each
                handle.write(
                    _item(
                        5_000_000 + n,
                        f"Minutes {n}",
                        "attachment",
                        "",
                        status="inherit",
                        attachment_url=f"{SITE}/wp-content/uploads/{name}",
                    )
                )
        handle.write("</channel></rss>\n")


def run_size(posts: int) -> None:
    """In its own process (and database): import twice, print a line."""
    settings.MEDIA_ROOT = str(WORK / "storage")
    call_command("migrate", verbosity=0)
    OrganisationFactory(slug="bench", name="Benchmark Borough")
    export, media = WORK / "export.xml", WORK / "uploads"
    write_export(export, media, posts)
    options = WordPressOptions(path=export, organisation_slug="bench", media_dir=media)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    started = time.perf_counter()
    first, _ = import_wordpress(options)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    again, _ = import_wordpress(options)
    again_s = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    items = len(first.items)
    megabytes = export.stat().st_size / 2**20
    print(
        f"import_wordpress {posts:>6} posts ({items} items, {megabytes:.0f} MB): first import "
        f"{first_s:6.1f} s = {items / first_s:5.0f} items/s {_counts(first.counts)}; re-import "
        f"{again_s:5.1f} s {_counts(again.counts)}; process peak {peak:.0f} MiB "
        f"(+{peak - before:.0f} MiB over Django set up)",
        flush=True,
    )


def _counts(counts: dict[str, int]) -> str:
    return "(" + ", ".join(f"{n} {outcome}" for outcome, n in counts.items() if n) + ")"


def main() -> None:
    for size in SIZES:
        subprocess.run([sys.executable, __file__, str(size)], check=True)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run_size(int(sys.argv[1]))
    else:
        main()
