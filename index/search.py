"""Searching an index: the `Archive` a program opens once and asks many questions.

A search runs the Whoosh query once over the whole index, scoring every match; filters,
facet counts, the date histogram, sorting and paging are then array operations over the
per-document columns (see facets.py), so their cost does not grow with the result set.
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

import numpy as np
from whoosh import query as wq

from ..archive import Article

from . import facets
from .columns import Columns, load_columns
from .commit import open_generation
from .errors import ArticleNotFound, SearchError
from .evaluate import Evaluator
from .keys import folded_key, pair_keys, words
from .plan import Plan, plan
from .request import MAX_PAGE_SIZE, SearchRequest
from .results import Hit, SearchResult, Stats
from .snippets import mark, snippet
from .store import current_generation, index_location, read_build_info
from .suggest import suggestions_for


SUGGESTIONS_KEPT = 2048
_SURROGATE = re.compile("[\ud800-\udfff]")


class Archive:
    """An opened index.  Thread-safe; reopens by itself when a rebuild or update lands."""

    def __init__(self, location: str | Path | None = None):
        self.location = index_location(location)
        self._lock = threading.RLock()
        self._generation: Path | None = None
        self._searcher = None
        self._columns: Columns | None = None
        self._ids: dict[str, int] | None = None
        self._open()

    # --- opening ---------------------------------------------------------------------

    def _open(self) -> None:
        generation = current_generation(self.location)
        ix = open_generation(self.location, generation)
        old = self._searcher
        self._generation = generation
        self._searcher = ix.searcher()
        cache = generation / f"columns-{ix.latest_generation()}.npz"
        self._columns = load_columns(self._searcher.reader(), cache)
        columns = self._columns
        self._evaluator = Evaluator(self._searcher, columns.live, columns.day, columns.lengths)
        self._ids = None
        self._suggested: OrderedDict[str, tuple] = OrderedDict()
        if old is not None:
            old.close()

    def refresh(self) -> None:
        """Pick up a finished rebuild (a new generation) or update (a new Whoosh commit)."""
        with self._lock:
            if current_generation(self.location) != self._generation or not self._searcher.up_to_date():
                self._open()

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- searching -------------------------------------------------------------------

    def search(self, request: SearchRequest | str | None = None, /, **options) -> SearchResult:
        """Run a search: a SearchRequest, a query string, or SearchRequest's fields as options.

        `archive.search("đại hội", wards="Lương Khánh Thiện", date_from="2020")`; BadRequest
        names an option that cannot be read.
        """
        request = SearchRequest.of(request, **options)
        started = time.perf_counter()
        planned = plan(request.query)
        with self._lock:
            self.refresh()
            docnums, scores = self._matches(planned, scored=request.sort == "relevance")
            result = self._assemble(request, planned, docnums, scores)
        return replace(result, seconds=time.perf_counter() - started)

    def _matches(self, planned: Plan, scored: bool) -> tuple[np.ndarray, np.ndarray]:
        """The live documents a plan matches, with their tiered scores when `scored`."""
        found = self._evaluator.evaluate(planned.compiled.query, scored)
        docnums = np.flatnonzero(found.mask)
        scores = found.scores[docnums]
        if scored:
            scores = self._tiered(planned.compiled, docnums, scores)
        return docnums, scores

    def _tiered(self, compiled, docnums: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """Scores lifted by tier: exact diacritics first, then words side by side.

        Each tier step adds more than any score, so the order is tier then score, and the
        score a reader sees still falls down the list.
        """
        tier = np.zeros(len(docnums))
        if compiled.exact is not None:
            tier += 2 * self._in(compiled.exact, docnums)
        if compiled.adjacent is not None:
            tier += self._in(compiled.adjacent, docnums)
        if not len(scores) or not tier.any():
            return scores
        return scores + tier * (float(scores.max()) + 1.0)

    def _matching(self, query: wq.Query) -> np.ndarray:
        """The live documents a Whoosh query matches, in index order."""
        return np.flatnonzero(self._evaluator.evaluate(query, scored=False).mask)

    def _in(self, query: wq.Query, docnums: np.ndarray) -> np.ndarray:
        """1 for the documents that the query matches, else 0."""
        return self._evaluator.evaluate(query, scored=False).mask[docnums].astype(np.float64)

    def _suggestions(self, planned: Plan) -> tuple:
        # They depend on the query and the index only: remembered until the index changes.
        found = self._suggested.get(planned.text)
        if found is None:
            found = tuple(suggestions_for(self._matching, planned, self._stored_text))
            self._suggested[planned.text] = found
            if len(self._suggested) > SUGGESTIONS_KEPT:
                self._suggested.popitem(last=False)
        return found

    def _assemble(self, request, planned: Plan, docnums, scores) -> SearchResult:
        columns = self._columns
        matched = np.zeros(columns.size, dtype=bool)
        matched[docnums] = True
        chosen = facets.selection(columns, request)
        everything = matched & chosen.allowed()
        kept = everything[docnums]
        page_docs, page_scores = _page(columns, request, docnums[kept], scores[kept])
        scored = request.sort == "relevance"
        hits = tuple(self._hit(d, s if scored else None, planned)
                     for d, s in zip(page_docs, page_scores))
        return SearchResult(
            request=request,
            total=int(kept.sum()),
            hits=hits,
            facets=facets.facet_counts(columns, matched, chosen, request.facet_limit),
            suggestions=self._suggestions(planned) if request.query.strip() else (),
            notes=planned.notes,
            histogram=facets.histogram(columns, everything),
        )

    def iter_results(self, request: SearchRequest | str | None = None, /, **options) -> Results:
        """Every hit of a search, in order, as `Results`: its total known at once, the hits
        read a batch at a time, so exports of any size stream.  The query runs once."""
        request = SearchRequest.of(request, **options)
        planned = plan(request.query)
        scored = request.sort == "relevance"
        with self._lock:
            self.refresh()
            docnums, scores = self._matches(planned, scored)
            keep = facets.selection(self._columns, request).allowed()[docnums]
            docnums, scores = docnums[keep], scores[keep]
            order = _ordered(self._columns, request, docnums, scores)
            return Results(self, self._searcher, planned, docnums[order],
                           scores[order] if scored else None)

    def _batch(self, searcher, planned: Plan, docnums, scores) -> list[Hit]:
        with self._lock:
            if self._searcher is not searcher:
                raise SearchError("the index changed during the export; run it again")
            return [self._hit(d, None if scores is None else s, planned)
                    for d, s in zip(docnums, scores if scores is not None else docnums)]

    # --- documents -------------------------------------------------------------------

    def _record(self, docnum: int) -> dict:
        raw = self._searcher.stored_fields(int(docnum))["record"]
        # Text stored by an older wardnews may hold half a surrogate pair, which no page or
        # export can encode: shown as U+FFFD rather than failing whatever shows it.
        return json.loads(_SURROGATE.sub("\ufffd", raw) if _SURROGATE.search(raw) else raw)

    def _stored_text(self, docnum: int) -> str:
        record = self._record(docnum)
        return f"{record['title']}\n{record['text']}"

    def _hit(self, docnum: int, score: float | None, planned: Plan | None) -> Hit:
        article = Article.from_json(self._record(docnum))
        compiled = planned.compiled if planned else None
        keys = (compiled.exact_keys, compiled.folded_keys) if compiled else (set(), set())
        return Hit(
            id=article.id,
            source=article.source,
            url=article.url,
            title=article.title,
            date=article.date,
            date_kind=article.date_kind,
            category=article.category,
            wards=article.wards,
            terms=article.terms,
            officials=article.officials,
            score=float(score) if score is not None else None,
            snippet=snippet(article.text, *keys),
            title_marked=mark(article.title, *keys),
        )

    def _docnum(self, article_id: str) -> int:
        if self._ids is None:
            self._ids = {fields["id"]: n for n, fields in self._searcher.reader().iter_docs()}
        try:
            return self._ids[article_id]
        except KeyError:
            raise ArticleNotFound(article_id) from None

    def article(self, article_id: str) -> Article:
        """One article by id; ArticleNotFound if there is none."""
        with self._lock:
            self.refresh()
            return Article.from_json(self._record(self._docnum(article_id)))

    def more_like_this(self, article_id: str, limit: int = 5) -> tuple[Hit, ...]:
        """Articles that share the most distinctive word pairs with this one."""
        with self._lock:
            self.refresh()
            docnum = self._docnum(article_id)
            record = self._record(docnum)
            keys = _distinctive_pairs(self._searcher, f"{record['title']} {record['text']}")
            if not keys:
                return ()
            query = wq.Or([wq.Term("text_pairs", k) for k in keys])
            found = self._evaluator.evaluate(query, scored=True)
            docnums = np.flatnonzero(found.mask)
            order = np.argsort(-found.scores[docnums], kind="stable")
            chosen = [d for d in docnums[order] if d != docnum][:limit]
            return tuple(self._hit(d, None, None) for d in chosen)

    def stats(self) -> Stats:
        """What the index holds, per ward, term, official and year; size; build."""
        with self._lock:
            self.refresh()
            columns = self._columns
            info = read_build_info(self._generation)
            size = sum(p.stat().st_size for p in self._generation.iterdir() if p.is_file())
            return Stats(
                location=str(self.location),
                articles=int(columns.live.sum()),
                size_bytes=size,
                built_at=info.get("built_at"),
                corpus=info.get("corpus"),
                files=len(info.get("files", {})),
                by_ward=facets.top_values(columns, "ward"),
                by_term=facets.top_values(columns, "term"),
                by_year=facets.years_of(columns, columns.live),
                by_official=facets.top_values(columns, "official", 50),
            )


class Results:
    """Every hit of one search, in order; `total` is known before any hit is read."""

    def __init__(self, archive: Archive, searcher, planned: Plan, docnums: np.ndarray,
                 scores: np.ndarray | None):
        self.total = int(len(docnums))
        self._read = (archive, searcher, planned)
        self._docnums, self._scores = docnums, scores

    def __len__(self) -> int:
        return self.total

    def __iter__(self):
        archive, searcher, planned = self._read
        for start in range(0, self.total, MAX_PAGE_SIZE):
            end = start + MAX_PAGE_SIZE
            scores = None if self._scores is None else self._scores[start:end]
            yield from archive._batch(searcher, planned, self._docnums[start:end], scores)


def _page(columns, request, docs, scores):
    order = _ordered(columns, request, docs, scores)
    start = (request.page - 1) * request.limit
    chosen = order[start : start + request.limit]
    return docs[chosen], scores[chosen]


def _ordered(columns, request, docs, scores) -> np.ndarray:
    """Positions of docs in the order the request asks for."""
    if request.sort == "relevance":
        # Ties keep index order, which is the corpus order: stable across runs.
        order = np.lexsort((docs, -scores))
    elif request.sort == "newest":
        order = np.lexsort((docs, -columns.day[docs]))
    else:  # oldest first; undated articles last
        days = columns.day[docs].astype(np.float64)
        days[days == 0] = math.inf
        order = np.lexsort((docs, days))
    return order


def _distinctive_pairs(searcher, text: str, limit: int = 25) -> list[str]:
    folded = [folded_key(w) for w in words(text)]
    counts: dict[str, int] = {}
    for pair in pair_keys(folded):
        counts[pair] = counts.get(pair, 0) + 1
    total = searcher.doc_count_all()
    scored = []
    for pair, count in counts.items():
        frequency = searcher.doc_frequency("text_pairs", pair)
        if 1 < frequency < total * 0.2:  # shared with others, but not common everywhere
            scored.append((count * math.log(total / frequency), pair))
    scored.sort(reverse=True)
    return [pair for _, pair in scored[:limit]]
