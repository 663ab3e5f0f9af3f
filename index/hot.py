"""The posting lists of frequent terms, kept beside each segment as plain arrays.

A query asked for the first time reads its terms' posting lists from Whoosh, whose blocks of
128 postings are each a pickle, most of them zlib'd: about 3 ms per 10,000 postings to decode
(postings.py), so a common word or pair at 212,640 articles costs tens of milliseconds before
any set operation.  The lists of the terms in at least HOT_DOCUMENTS articles of a segment
are decoded once, when the commit that first names the segment is made, into two flat arrays
(document numbers in the segment and frequencies, deleted documents kept as Whoosh keeps them)
and a table of where each term's list lies.  Segments never change, so an update decodes its
new segment only.  Searches map the arrays from disk: a list is a slice, read by the operating
system's page cache, shared by every worker process.

    MAIN_<id>.hotterms   {"format", "postings", "terms": {field: {term: [start, end]}}}
    MAIN_<id>.hotdocs    int32 document numbers (numpy .npy format)
    MAIN_<id>.hotfreqs   float32 frequencies (Whoosh's weights)

They are named as the segment's own files, so they go when the segment goes (commit.clean).

Rare terms stay in Whoosh (their lists are short, and there are millions of them).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from .postings import segment_postings

HOT_DOCUMENTS = 500  # a term in this many articles of a segment has its list kept as arrays
HOT_FORMAT = 1
# The fields searches score and intersect; stored-only and facet fields have no such lists.
HOT_FIELDS = ("title_exact", "title_folded", "title_pairs", "text_exact", "text_folded", "text_pairs")


def hot_files(folder: Path, segment_id: str) -> tuple[Path, Path, Path]:
    """The three files of a segment's kept lists."""
    return (folder / f"{segment_id}.hotterms", folder / f"{segment_id}.hotdocs",
            folder / f"{segment_id}.hotfreqs")


def write_hot(reader, path_of: tuple[Path, Path, Path], threshold: int | None = None) -> int:
    """Decode the frequent terms' lists of one segment's reader into the three files, each
    written whole and renamed (the table last: it names the others); returns the postings kept."""
    threshold = HOT_DOCUMENTS if threshold is None else threshold
    table: dict[str, dict[str, list[int]]] = {}
    docs_parts, freqs_parts, position = [], [], 0
    for fieldname in HOT_FIELDS:
        if fieldname not in reader.schema:
            continue
        kept = table.setdefault(fieldname, {})
        frequent = [term.decode("utf-8") if isinstance(term, bytes) else term
                    for term, info in reader.iter_field(fieldname) if info.doc_frequency() >= threshold]
        for text in sorted(frequent):
            ids, weights = segment_postings(reader, fieldname, text)
            docs_parts.append(ids.astype(np.int32))
            freqs_parts.append(weights.astype(np.float32))
            kept[text] = [position, position + len(ids)]
            position += len(ids)
    docs = np.concatenate(docs_parts) if docs_parts else np.zeros(0, dtype=np.int32)
    freqs = np.concatenate(freqs_parts) if freqs_parts else np.zeros(0, dtype=np.float32)
    meta_path, docs_path, freqs_path = path_of
    _write_array(docs_path, docs)
    _write_array(freqs_path, freqs)
    _write_text(meta_path, json.dumps({"format": HOT_FORMAT, "postings": int(position),
                                       "terms": table}, ensure_ascii=False))
    return int(position)


class HotPostings:
    """The frequent terms' lists of one commit, mapped from disk; empty when the commit has
    none (an index written before them, or a read-only one): Whoosh is read instead."""

    def __init__(self, path_of: tuple[Path, Path, Path]):
        self.terms: dict[str, dict[str, list[int]]] = {}
        meta_path, docs_path, freqs_path = path_of
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("format") != HOT_FORMAT:
                return
            docs = np.load(docs_path, mmap_mode="r")
            freqs = np.load(freqs_path, mmap_mode="r")
            if len(docs) != meta["postings"] or len(freqs) != meta["postings"]:
                return  # a file of another commit, or cut short
        except (OSError, ValueError, KeyError, TypeError):
            return
        self.terms, self._docs, self._freqs = meta["terms"], docs, freqs

    def get(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(docnums, frequencies) of a frequent term, or None for any other."""
        span = self.terms.get(fieldname, {}).get(text)
        if span is None:
            return None
        start, end = span
        return (np.asarray(self._docs[start:end], dtype=np.int64),
                np.asarray(self._freqs[start:end], dtype=np.float64))


def _write_array(path: Path, values: np.ndarray) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            np.save(handle, values)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def _write_text(path: Path, text: str) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
