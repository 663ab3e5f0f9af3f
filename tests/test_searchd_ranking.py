"""Relevance on searchd: the same tiers as the embedded order, and within them an order that
agrees with the embedded BM25 (the two rank by different code; README: searchd)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search_equivalence  # noqa: E402

pytestmark = pytest.mark.searchd

# Measured on the demo corpus's table: 0.947 with the embedded BM25 as searchd's expression
# ranker (ranking.py); 0.91 with searchd's bm25f over the MATCHed keywords; 0.80 when
# searchd's integer weights were all 0 (corpus order within the tiers).  What remains is
# mostly idf per shard: 49 articles on two shards.
MIN_AGREEMENT = 0.93


def _ndcg(ranked: list[str], grades: dict[str, int]) -> float:
    def dcg(values):
        return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(values))

    ideal = dcg(sorted(grades.values(), reverse=True)[:10])
    return dcg([grades.get(x, 0) for x in ranked[:10]]) / ideal


def test_the_relevance_order_agrees_with_the_embedded_one(demo_index, searchd_cluster):
    """nDCG@10 of searchd's order, graded by the embedded order (its top 3: 3, to 10: 2, the
    rest 1), over the table's relevance queries with three hits or more."""
    from wardnews.index import Archive
    from wardnews.index.searchd.archive import SearchdArchive

    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        queries = dict.fromkeys(r["query"] for r in search_equivalence.requests(embedded)
                                if r.get("sort", "relevance") == "relevance" and r["query"].strip())
        scores = []
        for query in queries:
            ranked = [h.id for h in embedded.search(query, limit=20).hits]
            if len(ranked) < 3:
                continue
            grades = {x: 3 if i < 3 else 2 if i < 10 else 1 for i, x in enumerate(ranked)}
            scores.append(_ndcg([h.id for h in searchd.search(query, limit=20).hits], grades))
    assert len(scores) > 50
    assert sum(scores) / len(scores) >= MIN_AGREEMENT


@pytest.mark.parametrize("query", ["đảng", "hoà bình", "uy ban nhan dan phuong", "hội đồng nhân dân"])
def test_scores_tell_articles_apart_and_fall_down_the_list(demo_index, searchd_cluster, query):
    from wardnews.index import Archive
    from wardnews.index.searchd.archive import SearchdArchive

    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        hits = searchd.search(query, limit=100).hits
        tiers_first = [h.id for h in embedded.search(query, limit=100).hits]
    scores = [h.score for h in hits]
    assert len(set(scores)) > 3 and scores == sorted(scores, reverse=True)
    assert {h.id for h in hits} == set(tiers_first)
