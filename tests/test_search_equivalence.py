"""Every generated search answers exactly what it answered before the evaluation changed.

The expectations (tests/data/search-equivalence.json) were written by the dense evaluator
this project used up to 0.3: hit lists, scores, every facet count, the histogram, the
suggestions and the export, for about 500 searches over the demo corpus and the search-rule
fixtures.  Any difference fails with the request and the first parts that moved.
"""

from __future__ import annotations

import json
import math

import pytest

from search_equivalence import CORPORA, GOLDEN, answer

from wardnews.index import Archive, build_index

EXPECTED = json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def locations(tmp_path_factory):
    from wardnews.index import hot

    built = {}
    for name, corpus in CORPORA.items():
        built[name] = tmp_path_factory.mktemp(f"equivalence-{name}") / "index"
        build_index(corpus, built[name])
    # and the demo with every term of two articles or more kept as arrays (hot.py)
    patch = pytest.MonkeyPatch()
    patch.setattr(hot, "HOT_DOCUMENTS", 2)
    built["demo-hot"] = tmp_path_factory.mktemp("equivalence-demo-hot") / "index"
    build_index(CORPORA["demo"], built["demo-hot"])
    patch.undo()
    return built


def _same_hits(want: list, have: list) -> bool:
    """The same ids in the same order with the same scores; where summing in another order
    moves a score in its last digits, two tied hits may swap (never a score beyond 1e-9)."""
    if [w[0] for w in want] == [h[0] for h in have]:
        return all(_close(w[1], h[1]) for w, h in zip(want, have))
    if sorted(w[0] for w in want) != sorted(h[0] for h in have):
        return False
    scores = {w[0]: w[1] for w in want}
    return all(_close(scores[h[0]], h[1]) for h in have) and all(
        _close(w[1], h[1]) for w, h in zip(want, have))


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _differences(want: dict, have: dict) -> list[str]:
    found = []
    for part in sorted(set(want) | set(have)):
        if part == "hits":
            if not _same_hits(want[part], have[part]):
                found.append(f"hits: expected {want[part]}\n      got {have[part]}")
        elif want.get(part) != have.get(part):
            found.append(f"{part}: expected {want.get(part)}\n      got {have.get(part)}")
    return found


@pytest.mark.parametrize("corpus, dense_share", [
    *((corpus, None) for corpus in sorted(EXPECTED)),
    ("demo", 0),  # every union through sorted docnums
    ("demo", 10**9),  # every union through a mask over the archive
    ("demo-hot", None),  # frequent terms' lists read from the arrays beside the commit
])
def test_generated_searches_answer_as_before(locations, corpus, dense_share, monkeypatch):
    from wardnews.index import evaluate

    if dense_share is not None:
        monkeypatch.setattr(evaluate, "DENSE_SHARE", dense_share)
    table = EXPECTED[corpus.removesuffix("-hot")]
    assert len(table) > 200
    failures = []
    with Archive(locations[corpus]) as archive:  # opened afresh: nothing remembered
        if corpus.endswith("-hot"):
            assert len(archive._evaluator._hot[0].terms["text_folded"]) > 100  # noqa: SLF001
        for fields, expected in table:
            differences = _differences(expected, answer(archive, fields))
            if differences:
                failures.append(f"{fields}:\n  " + "\n  ".join(differences[:3]))
    assert not failures, f"{len(failures)} of {len(table)} searches moved:\n" + \
        "\n".join(failures[:5])


def test_the_searches_cover_filters_readings_and_empty_results():
    """The table is not all plain or all empty: it asks what users ask."""
    for corpus, table in EXPECTED.items():
        answers = [a for _, a in table]
        assert sum(a["total"] > 0 for a in answers) > 100, corpus
        assert sum(a["total"] == 0 for a in answers) > 10, corpus
        assert sum(a["more"] > 0 for a in answers) > 10, corpus
        assert sum(bool(a["suggestions"]) for a in answers) > 10, corpus
        requests = [r for r, _ in table]
        for option in ("wards", "officials", "years", "date_from", "sort", "match", "page", "mentions"):
            assert any(option in r for r in requests), (corpus, option)
