"""Floors for dates and terms over the real local-government news subset (measured, not guessed)."""

import json
from pathlib import Path

import pytest

from wardnews.archive.extract.dates import annotate_date, parse_date
from wardnews.archive.extract.terms import find_terms
from wardnews.archive.normalise import clean_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
SUBSET = SHARED / "data" / "news" / "localgov-subset.jsonl"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (real news) is absent")


@pytest.fixture(scope="module")
def annotated():
    """(date, kind, terms) for every article body of the subset, its metadata date given."""
    rows = [json.loads(line) for line in SUBSET.read_text(encoding="utf-8").splitlines()]
    out = []
    for row in rows:
        text = clean_text(row.get("text") or "")
        published = parse_date(row["date"]) if row.get("date") else None
        date, kind = annotate_date(published, text)
        out.append((date, kind, find_terms(text)))
    return out


def test_subset_is_the_one_measured(annotated):
    assert len(annotated) == 259


def test_dates_floor(annotated):
    # Measured 36 of 259 (6 from metadata, 30 event dates); most of these articles write
    # dates without a year ("Sáng 7/2") and carry no publication date, so None is right there.
    assert sum(1 for date, _, _ in annotated if date) >= 34
    assert sum(1 for _, kind, _ in annotated if kind == "published") == 6


def test_terms_floor(annotated):
    # Measured 21 articles with at least one term.
    assert sum(1 for _, _, terms in annotated if terms) >= 20


def test_every_term_is_a_plausible_span(annotated):
    for _, _, terms in annotated:
        for term in terms:
            start, end = map(int, term.split("-"))
            assert 2 <= end - start <= 6
