"""Searching an index: the `Archive` a program opens once and asks many questions.

A search evaluates the query once (evaluate.py), scoring every match; filters, facet
counts, the date histogram, sorting and paging are then array operations over the columns of
the matched documents (see facets.py): their cost follows the matches, not the archive.
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from whoosh import query as wq

from ..archive import Article

from . import facets
from .columns import Columns, columns_file, entity_parts, load_columns
from .compile import Spelling, _sequence
from .commit import open_generation
from .errors import ArticleNotFound, SearchError
from .evaluate import Evaluator, contains
from .hot import HotPostings, hot_files
from .career import Career, career_of
from .keys import facet_key, folded_key, pair_keys, words
from .notes import note
from .plan import PLANS_KEPT, Highlighter, Plan, make_plan
from .request import MAX_PAGE_SIZE, SearchRequest
from .results import FacetValue, Hit, SearchResult, Spread, Stats
from .snippets import Finder, mark, snippet
from .words import Statistics, word_lengths
from .store import current_generation, index_location, read_build_info
from .suggest import suggestions_for


SUGGESTIONS_KEPT = 2048
SUGGESTION_WINDOW = 6000  # characters of an article read for the spellings it writes
MAX_PREFIX_WORDS = 200  # words a prefix ("Thiệ*") is read as, the most frequent ones
MAX_SCANNED_PREFIX_WORDS = 20_000
_SURROGATE = re.compile("[\ud800-\udfff]")


class Archive:
    """An opened index.  Thread-safe; reopens by itself when a rebuild or update lands."""

    def __init__(self, location: str | Path | None = None, *, mmap: bool = False):
        self.location = index_location(location)
        self._mmap = mmap  # memory-map the index files (Whoosh's default; more memory)
        self._lock = threading.RLock()
        self._generation: Path | None = None
        self._searcher = None
        self._columns: Columns | None = None
        self._open()

    # --- opening ---------------------------------------------------------------------

    def _open(self) -> None:
        generation = current_generation(self.location)
        ix = open_generation(self.location, generation, self._mmap)
        old = self._searcher
        self._generation = generation
        self._searcher = ix.searcher()
        self._columns = load_columns(self._searcher.reader(), columns_file(generation, ix.latest_generation()))
        columns = self._columns
        self._evaluator = Evaluator(self._searcher, columns.live, columns.day, columns.lengths,
                                    columns.md, {"official": columns.facets["official"]},
                                    lambda: columns.periods,
                                    [HotPostings(hot_files(generation, reader.segment().segment_id()))
                                     for reader, _ in self._searcher.reader().leaf_readers()])
        self._suggested: OrderedDict[SearchRequest, tuple] = OrderedDict()
        self._plans: OrderedDict[str, _Planned] = OrderedDict()
        searcher = self._searcher
        self._statistics = Statistics(
            frequency=lambda field, key: searcher.frequency(field, key),
            total=float(columns.lengths["text_folded"].sum()) if "text_folded" in columns.lengths else 0.0,
            documents=self._documents_writing)
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
        with self._lock:
            self.refresh()
            found = self._find(request)
            result = self._assemble(request, found)
        return replace(result, seconds=time.perf_counter() - started)

    def highlighter(self, query: str, reading: str = "strict") -> Highlighter:
        """What marks a query's matches in any text, as this archive's search read the query."""
        with self._lock:
            self.refresh()
            return Highlighter(self._plan(query).plan, reading)

    # --- one query, both readings ----------------------------------------------------

    def _plan(self, query: str) -> _Planned:
        """The plan of a query with this index's word statistics, its prefixes expanded;
        remembered until the index changes."""
        found = self._plans.get(query)
        if found is None:
            planned = make_plan(query, self._segment)
            found = self._plans[query] = self._expanded(planned)
            if len(self._plans) > PLANS_KEPT:
                self._plans.popitem(last=False)
        else:
            self._plans.move_to_end(query)
        return found

    def _documents_writing(self, keys) -> int:
        """Articles whose text writes these folded keys side by side."""
        spelling = Spelling(tuple(keys), (None,) * len(keys), (" ",) * (len(keys) - 1))
        return len(self._evaluator.evaluate(_sequence(spelling, ("text",)), scored=False))

    def _segment(self, texts: list[str]) -> list[int]:
        return word_lengths(texts, self._statistics)

    def _expanded(self, planned: Plan) -> _Planned:
        """Both readings and the ranking's tiers with each prefix ("Thiệ*") read as the words
        of the index it begins."""
        compiled = planned.compiled
        words, notes = prefix_words(compiled, self._searcher.reader()) if compiled.prefixes else ({}, ())
        loose, strict, exact, adjacent = (
            with_words(q, words) if q is not None and words else q
            for q in (compiled.query, compiled.strict, compiled.exact, compiled.adjacent))
        return _Planned(planned, loose, strict, exact, adjacent, planned.notes + notes)

    def _find(self, request: SearchRequest) -> _Found:
        """The articles a request lists, in its reading, with their scores, and how many more
        the other reading would add under the same filters."""
        planned = self._plan(request.query)
        compiled = planned.plan.compiled
        scored = request.sort == "relevance"
        loose = self._evaluator.evaluate(planned.loose, scored)
        strict = self._evaluator.evaluate(planned.strict, False).docs \
            if compiled.differs or compiled.prefixes else loose.docs
        chosen = facets.selection(self._columns, request)
        only_loose = loose.docs[~contains(strict, loose.docs)]
        more = len(chosen.kept(only_loose))
        reading, notes = request.match, planned.notes
        if reading == "strict" and more and not len(chosen.kept(strict)):
            reading = "loose"
            notes += (note("loose_instead", more=more),)
        docnums = strict if reading == "strict" else loose.docs
        scores = loose.scores_of(docnums)
        if scored:
            scores = self._tiered(planned, docnums, scores)
        return _Found(planned.plan, reading, docnums, scores, chosen, more, notes)

    def _tiered(self, planned: _Planned, docnums: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """Scores lifted by tier: exact diacritics first, then words side by side.

        Each tier step adds more than any score, so the order is tier then score, and the
        score a reader sees still falls down the list.
        """
        tier = np.zeros(len(docnums))
        if planned.exact is not None:
            tier += 2 * self._in(planned.exact, docnums)
        if planned.adjacent is not None:
            tier += self._in(planned.adjacent, docnums)
        if not len(scores) or not tier.any():
            return scores
        return scores + tier * (float(scores.max()) + 1.0)

    def _matching(self, query: wq.Query) -> np.ndarray:
        """The live documents a Whoosh query matches, in index order."""
        return self._evaluator.evaluate(query, scored=False).docs

    def _in(self, query: wq.Query, docnums: np.ndarray) -> np.ndarray:
        """1 for the documents that the query matches, else 0."""
        return contains(self._matching(query), docnums).astype(np.float64)

    def _suggestions(self, request: SearchRequest, planned: Plan) -> tuple:
        """Suggestions with the totals their clicks give: under the request's filters, in
        the strict reading.  Remembered until the index changes."""
        key = replace(request, page=1, limit=10, sort="relevance", match="strict")
        found = self._suggested.get(key)
        if found is None:
            chosen = facets.selection(self._columns, key)

            def count(text: str) -> int:
                # The total the click lists: the strict reading under the same filters (when
                # it is empty the click lists the loose one, and the suggestion is not made).
                # Only that reading is evaluated, unscored.
                return len(chosen.kept(self._matching(self._plan(text).strict)))

            found = tuple(suggestions_for(self._matching, planned, self._stored_head, count,
                                          self._searcher.doc_frequency))
            self._suggested[key] = found
            if len(self._suggested) > SUGGESTIONS_KEPT:
                self._suggested.popitem(last=False)
        return found

    def _assemble(self, request, found: _Found) -> SearchResult:
        columns = self._columns
        kept = found.chosen.keeps(found.docnums)
        listed = found.docnums[kept]
        page_docs, page_scores = _page(columns, request, listed, found.scores[kept])
        scored = request.sort == "relevance"
        finder = found.plan.finder(found.reading)
        hits = tuple(self._hit(d, s if scored else None, finder)
                     for d, s in zip(page_docs, page_scores))
        counted = facets.sized_facet_counts(columns, found.docnums, found.chosen,
                                            request.facet_limit, request.mentions)
        return SearchResult(
            request=request,
            total=len(listed),
            hits=hits,
            facets={name: shown for name, (shown, _) in counted.items()},
            facet_sizes={name: size for name, (_, size) in counted.items()},
            suggestions=self._suggestions(request, found.plan) if request.query.strip() else (),
            notes=found.notes,
            histogram=facets.histogram(columns, listed),
            match=found.reading,
            more=found.more,
            nothing_to_search=found.plan.empty,
        )

    def facet(self, request: SearchRequest | str | None, name: str, /, **options) -> tuple[FacetValue, ...]:
        """Every value of one facet over a search's results, most frequent first, counted as
        the search's own facets are (the first `facet_limit` of them): the whole list.

        BadRequest names a facet that is not counted.
        """
        facets.check_counted(name)
        request = SearchRequest.of(request, **options)
        with self._lock:
            self.refresh()
            found = self._find(request)
            return facets.one_facet(self._columns, found.docnums, found.chosen, name, request.mentions)

    def iter_results(self, request: SearchRequest | str | None = None, /, **options) -> Results:
        """Every hit of a search, in order, as `Results`: its total known at once, the hits
        read a batch at a time, so exports of any size stream.  The query runs once."""
        request = SearchRequest.of(request, **options)
        scored = request.sort == "relevance"
        with self._lock:
            self.refresh()
            found = self._find(request)
            docnums, scores = self._in_order(request, found)
            return Results(self, self._searcher, found.plan.finder(found.reading), docnums,
                           scores if scored else None, found.reading)

    def spread(self, request: SearchRequest | str | None, facet: str, counted=None) -> Spread:
        """Every value of a facet among the articles a search lists (its filters applied, a
        facet's own ticks included), with counts; and how many of those articles carry no
        value, or none that `counted(value)` accepts (a map's places, say).

        `facet` is a place facet, "term", "official" or "category"; BadRequest otherwise.
        """
        facets.check_spreadable(facet)
        request = SearchRequest.of(request)
        with self._lock:
            self.refresh()
            found = self._find(request)
            listed = found.docnums[found.chosen.keeps(found.docnums)]
            return facets.spread(self._columns, facet, listed, counted, request.mentions)

    def _in_order(self, request: SearchRequest, found: _Found) -> tuple[np.ndarray, np.ndarray]:
        """Every article a request lists (its filters applied), in its order, with scores."""
        keep = found.chosen.keeps(found.docnums)
        docnums, scores = found.docnums[keep], found.scores[keep]
        order = _ordered(self._columns, request, docnums, scores)
        return docnums[order], scores[order]

    def position(self, request: SearchRequest | str | None, article_id: str, /, **options) -> Position | None:
        """Where an article stands in a search's order (1-based), and the articles listed just
        before and after it; None when the search does not list it."""
        request = SearchRequest.of(request, **options)
        with self._lock:
            self.refresh()
            docnum = self._docnum(article_id)
            ordered, _ = self._in_order(request, self._find(request))
            where = np.flatnonzero(ordered == docnum)
            if not len(where):
                return None
            i = int(where[0])
            id_of = lambda n: self._searcher.stored_fields(int(ordered[n]))["id"]  # noqa: E731
            return Position(i + 1, len(ordered), id_of(i - 1) if i else None,
                            id_of(i + 1) if i + 1 < len(ordered) else None)

    def _batch(self, searcher, finder: Finder, docnums, scores) -> list[Hit]:
        with self._lock:
            if self._searcher is not searcher:
                raise SearchError("the index changed during the export; run it again")
            return [self._hit(d, None if scores is None else s, finder)
                    for d, s in zip(docnums, scores if scores is not None else docnums)]

    # --- documents -------------------------------------------------------------------

    def _record(self, docnum: int) -> dict:
        raw = self._searcher.stored_fields(int(docnum))["record"]
        # Text stored by an older wardnews may hold half a surrogate pair, which no page or
        # export can encode: shown as U+FFFD rather than failing whatever shows it.
        return json.loads(_SURROGATE.sub("\ufffd", raw) if _SURROGATE.search(raw) else raw)

    def _stored_head(self, docnum: int) -> str:
        """The title and the opening of an article, where suggestions read its spellings
        (the words of a name or term are written in the first pages if anywhere)."""
        record = self._record(docnum)
        return f"{record['title']}\n{record['text'][:SUGGESTION_WINDOW]}"

    def _stored_text(self, docnum: int) -> str:
        record = self._record(docnum)
        return f"{record['title']}\n{record['text']}"

    def _hit(self, docnum: int, score: float | None, finder: Finder | None) -> Hit:
        return make_hit(Article.from_json(self._record(docnum)), score, finder)

    def _docnum(self, article_id: str) -> int:
        # The id field is indexed: one term look-up (0.2 ms), where a table of every stored
        # id took 1.2 s at 35,440 articles on the first article page after each update.
        docnum = self._searcher.document_number(id=article_id) if isinstance(article_id, str) else None
        if docnum is None or not self._columns.live[docnum]:
            raise ArticleNotFound(article_id)
        return docnum

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
            order = np.argsort(-found.scores, kind="stable")
            chosen = [d for d in found.docs[order] if d != docnum][:limit]
            return tuple(self._hit(d, None, None) for d in chosen)

    def career(self, official: str) -> Career:
        """An official's roles over time, and the other people who share the name.

        `official` is an entity as the official facet names it ("Nguyễn Văn Hải (Hà Nội)")
        or a name, which gathers everyone of that name.
        """
        request = SearchRequest(officials=(official,), sort="oldest", limit=1)
        name, _ = entity_parts(official)
        same_name = self.search(SearchRequest(officials=(name,), limit=1, facet_limit=MAX_NAMESAKES))
        key, name_key = facet_key(official), facet_key(name)
        namesakes = [(v.value, v.count) for v in same_name.facets.get("official", ())
                     if facet_key(entity_parts(v.value)[0]) == name_key and facet_key(v.value) != key]
        return career_of(official, self.iter_results(request), namesakes)

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
                by_year=tuple((p.period, p.count) for p in facets.years_of(columns, np.flatnonzero(columns.live))),
                by_official=facets.top_values(columns, "official", 50),
            )


MAX_NAMESAKES = 200  # people of one name listed on an official's page


def make_hit(article: Article, score: float | None, finder: Finder | None) -> Hit:
    """A result line of an article: what every backend lists, its snippet marked by the finder."""
    finder = finder or _NOTHING
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
        snippet=snippet(article.text, finder),
        title_marked=mark(article.title, finder),
        date_partial=article.date_partial,
        date_precision=article.date_precision,
    )


def prefix_words(compiled, reader) -> tuple[dict[tuple[str, str], list[str]], tuple[str, ...]]:
    """The words each prefix of a compiled query begins in the reader's vocabulary
    (`expand_prefix(field, prefix)` in key order, `doc_frequency(field, word)`): the most
    frequent ones when there are too many, said in the notes."""
    words: dict[tuple[str, str], list[str]] = {}
    notes = []
    for fieldname, prefix in compiled.prefixes:
        found = []
        for term in reader.expand_prefix(fieldname, prefix):
            found.append(term.decode("utf-8") if isinstance(term, bytes) else term)
            if len(found) > MAX_SCANNED_PREFIX_WORDS:
                break
        if len(found) > MAX_PREFIX_WORDS:
            found.sort(key=lambda w: -reader.doc_frequency(fieldname, w))
            notes.append(note("prefix_many", prefix=prefix, most=MAX_PREFIX_WORDS))
            found = found[:MAX_PREFIX_WORDS]
        words[(fieldname, prefix)] = found
    return words, tuple(dict.fromkeys(notes))


def with_words(query: wq.Query, words: dict[tuple[str, str], list[str]]) -> wq.Query:
    """The query with each prefix read as the words it begins (prefix_words)."""
    def expand(node):
        if isinstance(node, wq.Prefix):
            terms = words.get((node.fieldname, node.text), [])
            return wq.Or([wq.Term(node.fieldname, w) for w in terms]) if terms else wq.NullQuery
        return node

    return query.accept(expand)


def _NOTHING(text: str, most: int | None = None) -> list:  # a finder that marks nothing
    return []


@dataclass(frozen=True)
class Position:
    """An article's place in a search: its number in the order, of how many, and its neighbours."""

    number: int
    total: int
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class _Planned:
    """A query's plan in one opened index, with both readings ready to evaluate."""

    plan: Plan
    loose: wq.Query
    strict: wq.Query
    exact: wq.Query | None  # the ranking's tiers (Compiled.exact, .adjacent)
    adjacent: wq.Query | None
    notes: tuple[str, ...]


@dataclass
class _Found:
    """What one request found: the listed reading, its articles and scores, the filters."""

    plan: Plan
    reading: str
    docnums: np.ndarray  # the reading's articles, before filters, sorted
    scores: np.ndarray
    chosen: facets.Selection
    more: int
    notes: tuple[str, ...]


class Results:
    """Every hit of one search, in order; `total` is known before any hit is read."""

    def __init__(self, archive: Archive, searcher, finder: Finder, docnums: np.ndarray,
                 scores: np.ndarray | None, match: str = "strict"):
        self.total = int(len(docnums))
        self.match = match
        self._read = (archive, searcher, finder)
        self._docnums, self._scores = docnums, scores

    def __len__(self) -> int:
        return self.total

    def __iter__(self):
        archive, searcher, finder = self._read
        for start in range(0, self.total, MAX_PAGE_SIZE):
            end = start + MAX_PAGE_SIZE
            scores = None if self._scores is None else self._scores[start:end]
            yield from archive._batch(searcher, finder, self._docnums[start:end], scores)


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
