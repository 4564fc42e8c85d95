"""Property: search shows, counts and suggests exactly what the person may open.

Random partnerships (organisations, groups, agreements, statements, pages and documents with
every audience and classification) from the access property test; for every user, the
results, the total, every facet bucket, the API's answer and the type-ahead concern only
items ``can_view`` allows — and every such item is found. Runs on whichever backend is
configured: SQLite, PostgreSQL, or the real OpenSearch node (`.ci/run` runs all three).
"""

import os

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis.extra.django import TestCase as HypothesisTestCase

from intranet.access.policy import can_view, facts_for
from intranet.organisations.models import Organisation
from search.engine_indexes import refresh_entry_index, reset_entry_index
from search.query import SearchRequest
from search.service import run_search, suggest
from tests.access.test_property import agreements, build, items, users

EXAMPLES = int(os.environ.get("COMMONS_PROPERTY_EXAMPLES", "20"))


def _expected(user, objects) -> set[int]:
    return {obj.pk for obj in objects if can_view(user, obj)}


class SearchShowsExactlyWhatCanBeOpened(HypothesisTestCase):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(users=users, agreements=agreements, items=items)
    def test_results_counts_facets_and_suggestions_match_the_policy(self, users, agreements, items):
        reset_entry_index()
        world = build(users, agreements, items, operator=True)
        refresh_entry_index()
        for user in world["users"]:
            for text, kind, objects in (
                ("item", "page", world["pages"]),
                ("document", "document", world["documents"]),
            ):
                allowed = _expected(user, objects)
                response = run_search(user, SearchRequest(text, page_size=50))
                found = {hit.object_id for hit in response.hits if hit.kind == kind}
                assert found == allowed, (user.username, text, found, allowed)
                assert {hit.kind for hit in response.hits} <= {kind}
                assert response.total == len(allowed)
                assert response.facets["type"] == ({kind: len(allowed)} if allowed else {})
                owners = {}
                for obj in objects:
                    if obj.pk in allowed:
                        slug = _owner_slug(obj)
                        if slug:
                            owners[slug] = owners.get(slug, 0) + 1
                assert response.facets["organisation"] == owners, user.username

                titles = {obj.title for obj in objects if obj.pk in allowed}
                typed = text[:4]
                suggested = {s.title for s in suggest(user, typed, limit=50) if s.kind == kind}
                assert suggested == titles, (user.username, typed, suggested, titles)

            client = Client()
            client.force_login(user)
            api = client.get("/api/search/", {"q": "item", "page_size": 50})
            if user.is_active:
                allowed = _expected(user, world["pages"])
                body = api.json()
                assert {r["id"] for r in body["results"]} == allowed
                assert body["total"] == len(allowed)
            else:
                assert api.status_code == 401


def _owner_slug(obj) -> str:

    owner_id = facts_for(obj).owner_id
    return Organisation.objects.get(pk=owner_id).slug if owner_id else ""
