"""Floors for ward extraction over real local-government news, measured and set honestly.

Measured on localgov-subset.jsonl (259 articles): 231 articles name at least one commune,
229 have at least one placed in a province; 374 wards in all, 369 placed.  A hand check of
40 random articles with wards found every reported ward to be a real commune mention.
The floors sit a little below the measurement so that a tuning that loses wards is noticed.
"""

import json
from pathlib import Path

import pytest

from wardnews.archive.extract.wards import find_wards

SHARED = Path(__file__).resolve().parents[2] / "shared"
SUBSET = SHARED / "data" / "news" / "localgov-subset.jsonl"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (the news data) is not beside the repository")


@pytest.fixture(scope="module")
def found():
    results = []
    for line in SUBSET.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = "\n".join(record[k] for k in ("title", "sapo", "text") if record.get(k))
        results.append(find_wards(text))
    return results


def test_most_local_news_names_a_commune(found):
    assert len(found) == 259
    assert sum(1 for wards in found if wards) >= 225


def test_most_named_communes_are_placed_in_a_province(found):
    assert sum(1 for wards in found if any(w.province for w in wards)) >= 222
    every = [w for wards in found for w in wards]
    assert len(every) >= 360
    assert sum(1 for w in every if w.province) >= 355


def test_placed_communes_carry_their_post_2025_unit(found):
    placed = [w for wards in found for w in wards if w.province and w.district]
    assert placed and sum(1 for w in placed if w.now) / len(placed) >= 0.97
