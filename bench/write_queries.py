"""Benchmark: database queries for the writes (and two reads) whose derived data is costly.

Run with `make bench`. A throwaway SQLite database and media folder, the immediate task
backend (so reading a file's text is counted with its import), one council; each figure is
the number of SQL queries one action costs, as Django's connection records them. It prints
figures and asserts nothing.
"""

import collections
import os
import re
import sys
import tempfile
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="commons-bench-queries-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

settings.MEDIA_ROOT = WORK / "media"
settings.ALLOWED_HOSTS = ["*"]
CHILDREN = 20
FILES = 100


def count(action) -> int:
    with CaptureQueriesContext(connection) as queries:
        action()
    if os.environ.get("BENCH_SHOW_TABLES"):  # which tables the queries touched, most first
        tables = collections.Counter(
            re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', query["sql"]).group(1)
            if re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', query["sql"])
            else query["sql"][:30]
            for query in queries
        )
        print(tables.most_common(8))
    return len(queries)


def main() -> None:
    call_command("migrate", verbosity=0)
    from home.models import ContentPage
    from home.services import add_page
    from intranet.library.models import LibraryDocument
    from intranet.library.services import save_document
    from intranet.organisations.models import Organisation
    from intranet.organisations.provisioning import provision_organisation

    council = provision_organisation(
        Organisation.objects.create(slug="hf", name="Hammersmith & Fulham", short_name="H&F")
    )
    topic = add_page(council.section_page, ContentPage(title="Leave", slug="leave"))
    for n in range(CHILDREN):
        add_page(topic, ContentPage(title=f"Leave {n}", slug=f"leave-{n}"))
    folder = council.library_collection.add_child(name="Rotas")
    for n in range(CHILDREN):
        document = LibraryDocument(title=f"Rota {n}", collection=folder)
        document.file.save(f"rota-{n}.txt", ContentFile(b"Rota"), save=False)
        save_document(document)
    share = WORK / "share"
    share.mkdir()
    for n in range(FILES):
        (share / f"note-{n}.txt").write_text(f"Meeting notes number {n}.\n")
    operator = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    client = Client()
    client.force_login(operator)
    client.get("/search/?q=leave")  # the first request of a process warms caches

    topic = ContentPage.objects.get(pk=topic.pk)
    topic.title = "Leave (draft)"
    figures = {"draft revision of a page with 20 children": count(topic.save_revision)}
    figures["publishing a page with 20 children (access unchanged)"] = count(
        topic.save_revision().publish
    )
    topic = ContentPage.objects.get(pk=topic.pk)
    topic.audience = "organisation"
    revision = topic.save_revision()
    figures["publishing a page with 20 children (its access narrowed)"] = count(revision.publish)
    figures["changing a folder's access in the admin (20 documents)"] = count(
        lambda: client.post(
            "/admin/snippets/access/collectionaccess/add/",
            {"collection": folder.pk, "audience": "organisation"},
        )
    )
    figures[f"importing {FILES} text files (with reading them)"] = count(
        lambda: call_command("import_documents", str(share), "--org", "hf", verbosity=0)
    )
    figures["one page view (a topic in a council's section)"] = count(lambda: client.get(topic.url))
    figures["one /search/ request"] = count(lambda: client.get("/search/?q=leave"))
    figures["the pages API, 20 pages"] = count(lambda: client.get("/api/v2/pages/?limit=20"))
    width = max(map(len, figures))
    for name, queries in figures.items():
        print(f"{name:<{width}}  {queries:>6} queries")


if __name__ == "__main__":
    main()
