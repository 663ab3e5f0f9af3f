"""Posting lists read in one read per segment are exactly what Whoosh's matcher reads."""

from __future__ import annotations

import numpy as np
import pytest
from whoosh.matching import FilterMatcher

from wardnews.index import Archive, build_index
from wardnews.index.postings import _through_matcher, decode_blocks, segment_postings

from tests.process_helpers import write_corpus, write_jsonl


@pytest.fixture(scope="module")
def segments(tmp_path_factory):
    """An index of several segments (an update adds one) with a deleted file's articles."""
    tmp = tmp_path_factory.mktemp("postings")
    corpus = write_corpus(tmp / "corpus", 2, 150)  # lists long enough for several blocks
    location = tmp / "index"
    build_index(corpus, location)
    write_jsonl(corpus / "part-02.jsonl", 150, seed=5, start=300)
    build_index(corpus, location)  # a second segment
    (corpus / "part-01.jsonl").unlink()
    build_index(corpus, location)  # deletions in the first
    with Archive(location) as archive:
        yield archive._searcher.reader()  # noqa: SLF001


def _live(reader, ids, weights):
    keep = np.array([not reader.is_deleted(int(d)) for d in ids], dtype=bool)
    return ids[keep], weights[keep]


def _terms(reader, fieldname):
    return [t.decode("utf-8") if isinstance(t, bytes) else t for t, _ in reader.iter_field(fieldname)]


@pytest.mark.parametrize("fieldname", ["text_folded", "text_exact", "text_pairs", "title_folded"])
def test_every_term_reads_the_same_ids_and_weights_as_whooshs_matcher(segments, fieldname):
    checked = 0
    for reader, _ in segments.leaf_readers():
        for text in _terms(reader, fieldname):
            # deleted documents are the caller's to mask (Whoosh's filter skips some of them)
            ours, theirs = (_live(reader, *read(reader, fieldname, text))
                            for read in (segment_postings, _through_matcher))
            assert np.array_equal(ours[0], theirs[0]) and np.array_equal(ours[1], theirs[1]), text
            checked += 1
    assert checked > 50


def test_lists_of_several_blocks_and_deleted_documents_are_read(segments):
    readers = [reader for reader, _ in segments.leaf_readers()]
    assert len(readers) > 1 and any(r.has_deletions() for r in readers)
    longest = max((reader.doc_frequency("text_folded", t), t) for reader in readers
                  for t in _terms(reader, "text_folded"))
    assert longest[0] > 128  # more than one of Whoosh's blocks
    for reader in readers:
        ids, _ = segment_postings(reader, "text_folded", longest[1])
        assert np.all(np.diff(ids) > 0)
        if reader.has_deletions():  # deleted documents are kept: the caller masks them
            matcher = reader.postings("text_folded", longest[1])
            assert isinstance(matcher, FilterMatcher)
            assert len(ids) > len(list(matcher.all_ids()))


def test_a_term_the_segment_lacks_is_empty(segments):
    reader, _ = segments.leaf_readers()[0]
    ids, weights = segment_postings(reader, "text_folded", "khongcotu")
    assert len(ids) == len(weights) == 0


def test_a_block_list_of_another_layout_is_refused_by_the_caller():
    with pytest.raises(Exception):
        decode_blocks(b"XXXX" + b"\x00\x00\x00\x01")
