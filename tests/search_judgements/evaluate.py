"""Load the judged corpus as real pages, documents and people, and score a backend on it."""

import math

from django.core.files.base import ContentFile

from intranet.library.models import LibraryDocument
from intranet.library.services import save_document
from intranet.organisations.models import Organisation
from search.engine_indexes import refresh_entry_index
from search.models import SearchEntry
from search.query import SearchRequest
from search.service import run_search

from .corpus import ITEMS, JUDGEMENTS

COUNCILS = {
    "hf": "Hammersmith & Fulham",
    "rbkc": "Kensington and Chelsea",
    "wcc": "Westminster",
}


def load_corpus() -> dict[tuple[str, int], str]:
    """Create the corpus; returns (entry kind, object id) → item key."""
    from tests.factories import ContentPageFactory, OrganisationFactory, PersonFactory

    organisations = {
        slug: OrganisationFactory(slug=slug, short_name=name, name=name)
        for slug, name in COUNCILS.items()
    }
    keys = {}
    for key, kind, org, title, summary, text in ITEMS:
        organisation: Organisation = organisations[org]
        if kind == "page":
            page = ContentPageFactory(
                parent=organisation.section_page,
                title=title,
                summary=summary,
                body=[("paragraph", f"<p>{text}</p>")],
            )
            keys[("page", page.pk)] = key
        elif kind == "document":
            document = LibraryDocument(
                title=title, description=summary, collection=organisation.library_collection
            )
            document.file.save(f"{key}.txt", ContentFile(text.encode()), save=False)
            save_document(document)
            keys[("document", document.pk)] = key
        else:
            first, last = title.split(" ", 1)
            person = PersonFactory(
                organisation=organisation, first_name=first, last_name=last, job_title=summary
            )
            keys[("person", person.pk)] = key
    assert SearchEntry.objects.filter(removed=False).count() >= len(ITEMS)
    refresh_entry_index()
    return keys


def dcg(grades: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg_at_10(user, keys: dict[tuple[str, int], str]) -> dict[str, float]:
    """nDCG@10 of each judged query, searching as ``user``."""
    scores = {}
    for query, judged in JUDGEMENTS.items():
        response = run_search(user, SearchRequest(query, page_size=10))
        ranked = [keys.get((hit.kind, hit.object_id)) for hit in response.hits]
        gained = dcg([judged.get(key, 0) for key in ranked])
        ideal = dcg(sorted(judged.values(), reverse=True)[:10])
        scores[query] = gained / ideal if ideal else 0.0
    return scores
