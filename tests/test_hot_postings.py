"""The frequent terms' lists kept as arrays beside each segment are exactly Whoosh's."""

from __future__ import annotations

import numpy as np
import pytest

from wardnews.index import Archive, build_index, hot
from wardnews.index.postings import segment_postings
from wardnews.index.store import current_generation

from tests.process_helpers import write_corpus, write_jsonl


@pytest.fixture(scope="module")
def updated(tmp_path_factory):
    """An index of two segments with deletions, every term in 20 articles of a segment kept."""
    patch = pytest.MonkeyPatch()
    patch.setattr(hot, "HOT_DOCUMENTS", 20)
    tmp = tmp_path_factory.mktemp("hot")
    corpus = write_corpus(tmp / "corpus", 2, 120)
    location = tmp / "index"
    build_index(corpus, location)
    write_jsonl(corpus / "part-02.jsonl", 120, seed=5, start=300)
    build_index(corpus, location)
    (corpus / "part-00.jsonl").unlink()
    build_index(corpus, location)
    patch.undo()
    return location


def test_every_kept_list_is_the_one_whoosh_reads(updated):
    with Archive(updated) as archive:
        kept = archive._evaluator._hot  # noqa: SLF001
        leaves = archive._searcher.reader().leaf_readers()  # noqa: SLF001
        assert len(leaves) > 1 and any(r.has_deletions() for r, _ in leaves)
        checked = 0
        for (reader, _), segment in zip(leaves, kept):
            for fieldname, terms in segment.terms.items():
                for text in terms:
                    ids, weights = segment_postings(reader, fieldname, text)
                    kept_ids, kept_weights = segment.get(fieldname, text)
                    assert np.array_equal(kept_ids, ids) and np.array_equal(kept_weights, weights), text
                    checked += 1
            assert segment.get("text_folded", "khongcotunay") is None
        assert checked > 50


def test_searches_answer_the_same_with_and_without_the_kept_lists(updated):
    queries = ["kiểm", "kiem", "phường", '"phường kiểm"', "kiểm -phường", "kiểm OR phường"]
    with Archive(updated) as archive:
        kept = [archive.search(q, limit=50).to_json() for q in queries]
        archive._evaluator._hot = None  # noqa: SLF001 - Whoosh read for every term
        archive._evaluator._postings = type(archive._evaluator._postings)(1 << 20)  # noqa: SLF001
        archive._suggested.clear(); archive._plans.clear()  # noqa: SLF001,E702
        plain = [archive.search(q, limit=50).to_json() for q in queries]
    for with_kept, without in zip(kept, plain):
        with_kept.pop("seconds", None), without.pop("seconds", None)
        assert with_kept == without


def test_the_kept_lists_go_with_their_segment(updated):
    from wardnews.index.commit import read_toc

    generation = current_generation(updated)
    kept = {p.name.split(".")[0] for p in generation.glob("*.hot*")}
    tocs = sorted(int(p.stem.split("_")[-1]) for p in generation.glob("_MAIN_*.toc"))
    named = {s.segment_id() for n in tocs for s in read_toc(generation, n).segments}
    assert kept == named  # every segment a TOC names has them, and no other
    assert len(list(generation.glob("*.hot*"))) == 3 * len(named)


def test_a_commit_without_kept_lists_is_read_from_whoosh(updated, tmp_path):
    import shutil

    copy = tmp_path / "index"
    shutil.copytree(updated, copy)
    for path in current_generation(copy).glob("*.hot*"):
        path.unlink()
    with Archive(updated) as archive, Archive(copy) as bare:
        assert all(h.terms == {} for h in bare._evaluator._hot)  # noqa: SLF001
        assert bare.search("kiểm", limit=50).total == archive.search("kiểm", limit=50).total
