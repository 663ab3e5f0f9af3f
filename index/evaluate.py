"""Evaluating compiled queries as array operations over posting lists.

Whoosh's matchers walk every posting of every clause in Python, scoring as they go: about
100 ms for a common word at 35,000 articles, more for two.  A search here needs every match
anyway (for the total, the facets and the tiers), so each term's posting list is read once,
block by block, into arrays, kept while the index stays open, and queries become set
operations and a vectorised BM25 over them.  Each result is the matched documents alone
(sorted docnums and their scores, combined by binary search), so a rare word costs what it
matches, not the size of the archive.  Whoosh still writes and stores the index and
verifies the positions of long phrases.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq

from .cache import ByteCache
from .columns import within
from .postings import segment_postings

# What this module takes from Whoosh beyond its documented API (see segment.py's): none
# now; postings.py reads the posting lists.
WHOOSH_INTERNALS: dict[str, tuple[str, ...]] = {}

K1 = 1.2
B = 0.75
# Bytes of posting lists and phrase matches kept in memory per open index: bounded in bytes,
# since one common word's list outweighs thousands of rare ones.
POSTINGS_BYTES = 48 * 1024 * 1024
PHRASES_BYTES = 8 * 1024 * 1024
# A union whose parts hold more than 1/DENSE_SHARE of the archive is made through a mask
# over it, which then costs less than sorting the parts together.
DENSE_SHARE = 16
# Which stored length stands for each scored field: the tiers of a field share one.
LENGTH_FIELD = {
    "title_exact": "title_folded", "title_folded": "title_folded", "title_pairs": "title_folded",
    "text_exact": "text_folded", "text_folded": "text_folded", "text_pairs": "text_folded",
}


@dataclass
class Matches:
    """The documents a query matches, as sorted docnums, and their scores (aligned)."""

    docs: np.ndarray
    scores: np.ndarray

    def __len__(self) -> int:
        return len(self.docs)

    def scores_of(self, docs: np.ndarray) -> np.ndarray:
        """The scores of these docnums here; 0 for those not matched."""
        if not len(self.docs):
            return np.zeros(len(docs))
        positions, present = locate(self.docs, docs)
        return np.where(present, self.scores[positions], 0.0)


def locate(haystack: np.ndarray, needles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each needle sits in a sorted haystack, and whether it is there: the cost of a
    set operation is the smaller side's size times a binary search in the larger.

    >>> locate(np.array([2, 5, 9]), np.array([5, 6, 9]))
    (array([1, 2, 2]), array([ True, False,  True]))
    """
    if not len(haystack):
        return np.zeros(len(needles), dtype=np.int64), np.zeros(len(needles), dtype=bool)
    positions = np.minimum(np.searchsorted(haystack, needles), len(haystack) - 1)
    return positions, haystack[positions] == needles


def contains(haystack: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """For each needle, whether the sorted haystack holds it."""
    return locate(haystack, needles)[1]


class Evaluator:
    """Evaluates Whoosh query trees over one opened index with cached posting arrays.

    Every intermediate result is the matched documents only (sorted docnums and their
    scores), never an array the size of the archive: a rare word costs what it matches.
    """

    def __init__(self, searcher, live: np.ndarray, day: np.ndarray,
                 lengths: dict[str, np.ndarray] | None = None, md: np.ndarray | None = None,
                 facets: dict | None = None, periods=None, hot=None):
        self.searcher = searcher
        self.size = len(live)
        self.live = live
        self.day = day
        self.md = md if md is not None else np.zeros(len(live), dtype=np.int64)
        self.facets = facets or {}  # field name -> Facet, for facet fields read from columns
        # () -> the columns' first and last days per document (kept there, made once)
        self.periods = periods or (lambda: None)
        self.leaves = searcher.reader().leaf_readers()
        self.field_boost = {name: getattr(field.format, "field_boost", 1.0)
                            for name, field in searcher.schema.items()}
        self._lengths: dict[str, tuple[np.ndarray, float]] = {
            name: (values, _mean_length(values)) for name, values in (lengths or {}).items()
        }
        # per leaf, its frequent terms' lists as mapped arrays (hot.py); None: Whoosh's alone
        self._hot = hot
        self._postings = ByteCache(POSTINGS_BYTES)
        self._phrases = ByteCache(PHRASES_BYTES)

    # --- posting lists -------------------------------------------------------------------

    def postings(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, frequencies) of a term, sorted by docnum; cached."""
        key = (fieldname, text)
        found = self._postings.get(key)
        if found is None:
            found = self._read_postings(fieldname, text)
            self._postings.put(key, found)
        return found

    def _read_postings(self, fieldname: str, text: str):
        boost = self.field_boost.get(fieldname, 1.0) or 1.0
        ids, weights = [], []
        for i, (reader, offset) in enumerate(self.leaves):
            kept = self._hot[i].get(fieldname, text) if self._hot else None
            found, found_weights = kept if kept is not None else segment_postings(reader, fieldname, text)
            if len(found):
                ids.append(found + offset)
                weights.append(found_weights)
        if not ids:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        return np.concatenate(ids), np.concatenate(weights) / boost

    def lengths(self, fieldname: str) -> tuple[np.ndarray, float]:
        """Per-document lengths of a field and their mean, read once."""
        name = LENGTH_FIELD.get(fieldname, fieldname)
        if name not in self._lengths:
            values = np.zeros(self.size)
            reader = self.searcher.reader()
            for docnum in range(self.size):
                values[docnum] = reader.doc_field_length(docnum, name, 0) or 0
            self._lengths[name] = (values, _mean_length(values))
        return self._lengths[name]

    # --- evaluation ----------------------------------------------------------------------

    def evaluate(self, query: wq.Query, scored: bool = True) -> Matches:
        """The live documents a query matches, with BM25 scores when `scored`."""
        found = self._eval(query, scored)
        keep = self.live[found.docs]
        if keep.all():
            return found
        return Matches(found.docs[keep], found.scores[keep])

    @staticmethod
    def _empty() -> Matches:
        return Matches(np.zeros(0, dtype=np.int64), np.zeros(0))

    @staticmethod
    def _unscored(docs: np.ndarray) -> Matches:
        return Matches(docs, np.zeros(len(docs)))

    def _eval(self, query, scored: bool) -> Matches:
        if isinstance(query, wq.Term):
            return self._term(query, scored)
        if isinstance(query, wq.Every):
            return self._unscored(np.flatnonzero(self.live))
        if isinstance(query, wq.NullQuery.__class__) or query is wq.NullQuery:
            return self._empty()
        if isinstance(query, wq.And):
            return self._and([self._eval(q, scored) for q in query.subqueries], scored)
        if isinstance(query, wq.Or):
            return self._or([self._eval(q, scored) for q in query.subqueries], scored, query.boost)
        if isinstance(query, wq.AndNot):
            positive = self._eval(query.a, scored)
            negative = self._eval(query.b, False)
            keep = ~contains(negative.docs, positive.docs)
            return Matches(positive.docs[keep], positive.scores[keep])
        if isinstance(query, wq.AndMaybe):
            required = self._eval(query.a, scored)
            optional = self._eval(query.b, scored)
            if not scored:
                return required
            return Matches(required.docs, required.scores + optional.scores_of(required.docs))
        if isinstance(query, wq.Phrase):
            return self._phrase(query, scored)
        if isinstance(query, wq.NumericRange) and query.fieldname == "day":
            return self._unscored(np.flatnonzero(
                within(self.day, query.start, query.end, self.periods())))
        if isinstance(query, wq.NumericRange) and query.fieldname == "md":
            # a day and month in any year, and those whose year is unknown
            return self._unscored(np.flatnonzero(self.md == query.start))
        raise TypeError(f"cannot evaluate {type(query).__name__} queries")

    def _and(self, parts: list[Matches], scored: bool) -> Matches:
        """Documents in every part: the smallest part looked up in the others."""
        if not parts:
            return self._empty()
        docs = min(parts, key=len).docs
        for part in parts:
            if part.docs is not docs:
                docs = docs[contains(part.docs, docs)]
        scores = np.zeros(len(docs))
        if scored:
            for part in parts:  # summed in the query's order, as scores always were
                scores = scores + part.scores[locate(part.docs, docs)[0]]
        return Matches(docs, scores)

    def _or(self, parts: list[Matches], scored: bool, boost: float) -> Matches:
        if not parts:
            return self._empty()
        if sum(len(p) for p in parts) * DENSE_SHARE > self.size:
            return self._dense_or(parts, scored, boost)
        docs = np.unique(np.concatenate([p.docs for p in parts]))
        scores = np.zeros(len(docs))
        if scored:
            for part in parts:
                scores[locate(docs, part.docs)[0]] += part.scores
        return Matches(docs, scores * boost)

    def _dense_or(self, parts: list[Matches], scored: bool, boost: float) -> Matches:
        """The union of large parts through one mask over the archive: sorting them would
        cost more than a pass over it."""
        mask = np.zeros(self.size, dtype=bool)
        for part in parts:
            mask[part.docs] = True
        docs = np.flatnonzero(mask)
        if not scored:
            return self._unscored(docs)
        scores = np.zeros(self.size)
        for part in parts:
            scores[part.docs] += part.scores
        return Matches(docs, scores[docs] * boost)

    def _term(self, query: wq.Term, scored: bool) -> Matches:
        if query.fieldname in self.facets:
            # `official:` selects what the official facet counts, people joined across
            # articles included (columns.py), not the words each article stored
            facet = self.facets[query.fieldname]
            return self._unscored(facet.docs_for(facet.ids_matching(query.text)))
        docs, frequencies = self.postings(query.fieldname, query.text)
        if scored and len(docs) and query.fieldname in LENGTH_FIELD:
            return Matches(docs, self._bm25(query.fieldname, docs, frequencies) * query.boost)
        return self._unscored(docs)

    def _bm25(self, fieldname: str, docs: np.ndarray, frequencies: np.ndarray) -> np.ndarray:
        lengths, mean = self.lengths(fieldname)
        df = len(docs)
        idf = math.log(1 + (self.size - df + 0.5) / (df + 0.5))
        norm = K1 * (1 - B + B * lengths[docs] / mean)
        boost = self.field_boost.get(fieldname, 1.0)
        return boost * idf * frequencies * (K1 + 1) / (frequencies + norm)

    def _phrase(self, query: wq.Phrase, scored: bool) -> Matches:
        terms = [wq.Term(query.fieldname, w) for w in query.words]
        together = self._eval(wq.And(terms), scored)
        key = (query.fieldname, tuple(query.words))
        matched = self._phrases.get(key)  # the documents with the words in order, as docnums
        if matched is None:
            # Positions only where every word is present: Whoosh checks them, segment by
            # segment, on posting lists that are short by then.
            found = [np.zeros(0, dtype=np.int64)]
            if len(together):
                for searcher, offset in self._leaf_searchers():
                    matcher = query.matcher(searcher, searcher.boolean_context())
                    if matcher.is_active():
                        found.append(np.fromiter(matcher.all_ids(), dtype=np.int64) + offset)
            matched = np.sort(np.concatenate(found))
            self._phrases.put(key, matched)
        keep = contains(matched, together.docs)
        return Matches(together.docs[keep], together.scores[keep] * query.boost)

    def _leaf_searchers(self):
        subsearchers = getattr(self.searcher, "subsearchers", None)
        return subsearchers if subsearchers else [(self.searcher, 0)]


def _mean_length(values: np.ndarray) -> float:
    present = values[values > 0]
    return float(present.mean()) if len(present) else 1.0
