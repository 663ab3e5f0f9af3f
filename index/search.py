"""Searching an index: the `Archive` a program opens once and asks many questions.

A search runs the Whoosh query once over the whole index, scoring every match; filters,
facet counts, the date histogram, sorting and paging are then array operations over the
per-document columns (see facets.py), so their cost does not grow with the result set.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import threading
from collections import OrderedDict
from dataclasses import replace
import time
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index
from whoosh import query as wq

from archive import Article

from .analysis import folded_key, pair_keys, words
from .compile import compile_tree, normal_term
from .errors import ArticleNotFound, BadRequest, IndexNotFound, SearchError
from .evaluate import Evaluator
from .facets import Columns, load_columns
from .query import MAX_QUERY_CHARS, parse
from .results import (
    FACETS,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    SORTS,
    FacetValue,
    Hit,
    SearchRequest,
    SearchResult,
    Stats,
)
from .snippets import mark, snippet
from .store import current_generation, index_location, read_build_info
from .suggest import suggestions_for


SUGGESTIONS_KEPT = 2048


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
        try:
            ix = whoosh_index.open_dir(str(generation))
        except (whoosh_index.EmptyIndexError, OSError) as exc:
            raise IndexNotFound(self.location, str(exc)) from None
        old = self._searcher
        self._generation = generation
        self._searcher = ix.searcher()
        cache = generation / f"columns-{ix.latest_generation()}.pickle"
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

    def search(self, request: SearchRequest | None = None, **options) -> SearchResult:
        """Run a search; options are SearchRequest fields (query=..., wards=(...), ...)."""
        request = validate(request or SearchRequest(**options))
        started = time.perf_counter()
        with self._lock:
            self.refresh()
            parsed = parse(request.query)
            compiled = compile_tree(parsed.tree)
            docnums, scores = self._run(compiled.query, scored=request.sort == "relevance")
            if request.sort == "relevance":
                scores = self._tiered(compiled, docnums, scores)
            result = self._assemble(request, compiled, parsed.notes, docnums, scores)
        return replace(result, seconds=time.perf_counter() - started)

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

    def _run(self, query: wq.Query, scored: bool) -> tuple[np.ndarray, np.ndarray]:
        """Every matching live document with its score (0 when unscored)."""
        found = self._evaluator.evaluate(query, scored)
        docnums = np.flatnonzero(found.mask)
        return docnums, found.scores[docnums]

    def _suggestions(self, query: str) -> tuple:
        # They depend on the query and the index only: remembered until the index changes.
        found = self._suggested.get(query)
        if found is None:
            found = tuple(suggestions_for(self._matching, query, self._stored_text))
            self._suggested[query] = found
            if len(self._suggested) > SUGGESTIONS_KEPT:
                self._suggested.popitem(last=False)
        return found

    def _matching(self, query: wq.Query) -> np.ndarray:
        """The live documents a query matches, in index order."""
        return np.flatnonzero(self._evaluator.evaluate(query, scored=False).mask)

    def _in(self, query: wq.Query, docnums: np.ndarray) -> np.ndarray:
        """1 for the documents that the query matches, else 0."""
        return self._evaluator.evaluate(query, scored=False).mask[docnums].astype(np.float64)

    def _assemble(self, request, compiled, notes, docnums, scores) -> SearchResult:
        columns = self._columns
        matched = np.zeros(columns.size, dtype=bool)
        matched[docnums] = True
        selections, selected_ids = self._selections(request)
        in_dates = _date_mask(columns, request.date_from, request.date_to)
        everything = matched & in_dates
        for mask in selections.values():
            everything &= mask
        facets = {}
        for name in (*FACETS, "category"):
            # Counts for a facet take every filter but its own, so that ticking a second
            # value of the same facet shows what it would add (values combine with OR).
            others = matched & in_dates
            for other, mask in selections.items():
                if other != name:
                    others &= mask
            facets[name] = self._facet_values(name, others, selected_ids.get(name, set()),
                                              request.facet_limit)
        final = np.flatnonzero(everything[docnums]) if len(docnums) else np.zeros(0, dtype=np.int64)
        chosen_docs, chosen_scores = docnums[final], scores[final]
        page_docs, page_scores = _page(columns, request, chosen_docs, chosen_scores)
        hits = tuple(self._hit(d, s if request.sort == "relevance" else None, compiled)
                     for d, s in zip(page_docs, page_scores))
        suggestions = ()
        if request.query.strip():
            suggestions = self._suggestions(request.query)
        return SearchResult(
            request=request,
            total=int(len(chosen_docs)),
            hits=hits,
            facets={k: v for k, v in facets.items() if k in FACETS or k == "category"},
            suggestions=tuple(suggestions),
            notes=tuple(notes),
            histogram=_histogram(columns, everything, request),
        )

    def _selections(self, request) -> tuple[dict[str, np.ndarray], dict[str, set]]:
        columns = self._columns
        masks: dict[str, np.ndarray] = {}
        ids: dict[str, set] = {}
        typed = {"ward": request.wards, "term": tuple(normal_term(t) for t in request.terms),
                 "official": request.officials, "category": request.categories}
        for name, values in typed.items():
            if not values:
                continue
            facet = columns.facets[name]
            chosen = set().union(*(facet.ids_matching(v) for v in values))
            ids[name] = chosen
            masks[name] = facet.mask_for(chosen, columns.size)
        if request.years:
            wanted = [int(y) for y in request.years]
            masks["year"] = np.isin(columns.year, wanted)
            ids["year"] = {str(y) for y in wanted}
        return masks, ids

    def _facet_values(self, name, mask, selected, limit) -> tuple[FacetValue, ...]:
        columns = self._columns
        if name == "year":
            years, counts = np.unique(columns.year[mask & (columns.day > 0)], return_counts=True)
            values = [FacetValue(str(y), int(c), str(y) in selected) for y, c in zip(years, counts)]
            values.sort(key=lambda v: v.value, reverse=True)
            shown = values[:limit] + [v for v in values[limit:] if v.selected]
            return tuple(shown)
        facet = columns.facets[name]
        counts = facet.count(mask)
        order = np.argsort(-counts, kind="stable")
        shown = [i for i in order[:limit] if counts[i] > 0]
        shown += [i for i in selected if i not in shown]
        return tuple(self._facet_value(name, i, int(counts[i]), i in selected)
                     for i in shown)

    def _facet_value(self, name, value_id, count, selected) -> FacetValue:
        facet = self._columns.facets[name]
        value = facet.values[value_id]
        if name != "ward":
            return FacetValue(value, count, selected)
        return FacetValue(value, count, selected, label=value, now=facet.nows[value_id])

    # --- documents -------------------------------------------------------------------

    def _record(self, docnum: int) -> dict:
        return json.loads(self._searcher.stored_fields(int(docnum))["record"])

    def _stored_text(self, docnum: int) -> str:
        record = self._record(docnum)
        return f"{record['title']}\n{record['text']}"

    def _hit(self, docnum: int, score: float | None, compiled) -> Hit:
        record = self._record(docnum)
        exact, folded = compiled.exact_keys, compiled.folded_keys
        return Hit(
            id=record["id"],
            source=record["source"],
            url=record["url"],
            title=record["title"],
            date=dt.date.fromisoformat(record["date"]) if record["date"] else None,
            date_kind=record["date_kind"],
            category=record["category"],
            wards=tuple(record["wards"]),
            terms=tuple(record["terms"]),
            officials=tuple(record["officials"]),
            score=float(score) if score is not None else None,
            snippet=snippet(record["text"], exact, folded),
            title_marked=mark(record["title"], exact, folded),
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
            docnums, scores = self._run(query, scored=True)
            order = np.argsort(-scores, kind="stable")
            chosen = [d for d in docnums[order] if d != docnum][:limit]
            compiled = compile_tree(None)
            return tuple(self._hit(d, None, compiled) for d in chosen)

    def stats(self) -> Stats:
        """What the index holds, per ward, term, official and year; size; build."""
        with self._lock:
            self.refresh()
            columns = self._columns
            info = read_build_info(self._generation)
            size = sum(p.stat().st_size for p in self._generation.iterdir() if p.is_file())
            live = columns.live

            def top(name, limit=None):
                facet = columns.facets[name]
                counts = facet.count(live)
                order = np.argsort(-counts, kind="stable")
                return tuple((facet.values[i], int(counts[i])) for i in order[:limit] if counts[i])

            years, counts = np.unique(columns.year[live & (columns.day > 0)], return_counts=True)
            return Stats(
                location=str(self.location),
                articles=int(live.sum()),
                size_bytes=size,
                built_at=info.get("built_at"),
                corpus=info.get("corpus"),
                files=len(info.get("files", {})),
                by_ward=top("ward"),
                by_term=top("term"),
                by_year=tuple((str(y), int(c)) for y, c in zip(years, counts)),
                by_official=top("official", 50),
            )

    def iter_results(self, request: SearchRequest):
        """Every hit of a search in order, read a batch at a time: the query runs once, and
        only a batch of records is held, so exports of any size stream."""
        request = validate(replace(request, page=1, limit=MAX_PAGE_SIZE))
        with self._lock:
            self.refresh()
            compiled = compile_tree(parse(request.query).tree)
            scored = request.sort == "relevance"
            docnums, scores = self._run(compiled.query, scored=scored)
            if scored:
                scores = self._tiered(compiled, docnums, scores)
            keep = self._filter_mask(request)[docnums] if len(docnums) else np.zeros(0, dtype=bool)
            docnums, scores = docnums[keep], scores[keep]
            order = _ordered(self._columns, request, docnums, scores)
            docnums, scores = docnums[order], scores[order]
            searcher = self._searcher
        for start in range(0, len(docnums), MAX_PAGE_SIZE):
            with self._lock:
                if self._searcher is not searcher:
                    raise SearchError("the index changed during the export; run it again")
                batch = [self._hit(d, s if scored else None, compiled)
                         for d, s in zip(docnums[start : start + MAX_PAGE_SIZE],
                                         scores[start : start + MAX_PAGE_SIZE])]
            yield from batch

    def _filter_mask(self, request) -> np.ndarray:
        """Documents the request's facet selections and date range let through."""
        selections, _ = self._selections(request)
        mask = _date_mask(self._columns, request.date_from, request.date_to)
        for selected in selections.values():
            mask &= selected
        return mask


def validate(request: SearchRequest) -> SearchRequest:
    """Check a request's bounds; BadRequest names the parameter and what it accepts."""
    if request.sort not in SORTS:
        raise BadRequest(f"sort must be one of {', '.join(SORTS)}, not {request.sort!r}")
    if not 1 <= request.page <= MAX_PAGE:
        raise BadRequest(f"page must be between 1 and {MAX_PAGE}, not {request.page}")
    if not 1 <= request.limit <= MAX_PAGE_SIZE:
        raise BadRequest(f"limit must be between 1 and {MAX_PAGE_SIZE}, not {request.limit}")
    if request.date_from and request.date_to and request.date_from > request.date_to:
        raise BadRequest(
            f"the date range ends ({request.date_to}) before it starts ({request.date_from})"
        )
    for year in request.years:
        if not str(year).isdigit():
            raise BadRequest(f"a year is four digits, not {year!r}")
    if len(request.query) > 10 * MAX_QUERY_CHARS:
        raise BadRequest(f"the query is longer than {10 * MAX_QUERY_CHARS} characters")
    return request


def _date_mask(columns: Columns, start: dt.date | None, end: dt.date | None) -> np.ndarray:
    mask = np.ones(columns.size, dtype=bool)
    if start:
        mask &= columns.day >= int(start.strftime("%Y%m%d"))
    if end:
        mask &= (columns.day <= int(end.strftime("%Y%m%d"))) & (columns.day > 0)
    return mask


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


def _histogram(columns, mask, request) -> tuple[tuple[str, int], ...]:
    """Matching articles per year, or per month when the dates span three years or less."""
    days = columns.day[mask & (columns.day > 0)]
    if not len(days):
        return ()
    years = days // 10000
    if years.max() - years.min() <= 2:
        months, counts = np.unique(days // 100, return_counts=True)
        return tuple((f"{m // 100:04d}-{m % 100:02d}", int(c)) for m, c in zip(months, counts))
    found, counts = np.unique(years, return_counts=True)
    return tuple((str(y), int(c)) for y, c in zip(found, counts))


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
