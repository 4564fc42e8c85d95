"""Ranking quality on the judged corpus (tests/search_judgements), on the configured backend."""

import pytest

from tests.factories import UserFactory
from tests.search_judgements.evaluate import load_corpus, ndcg_at_10

pytestmark = pytest.mark.django_db

FLOOR = 0.85  # mean nDCG@10 (measured 0.93–0.95); `make bench` prints each backend's figure


def test_judged_queries_rank_the_relevant_items_first():
    keys = load_corpus()
    reader = UserFactory(username="reader", is_superuser=True)

    scores = ndcg_at_10(reader, keys)

    mean = sum(scores.values()) / len(scores)
    weakest = sorted(scores.items(), key=lambda item: item[1])[:3]
    print(f"nDCG@10 mean {mean:.3f}; weakest {weakest}")
    assert mean >= FLOOR, (mean, weakest)
    assert all(score > 0 for score in scores.values()), weakest
