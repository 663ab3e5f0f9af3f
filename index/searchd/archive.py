"""Searching a searchd archive: the same requests and results as the embedded `Archive`.

One query plan (plan.py, with this archive's word statistics) is written as MATCH texts
for its readings (translate.py); filters, counts and orders are searchd's, through the head,
over the shards; hits and snippets are made from the stored records by the same code.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...archive import Article
from ..errors import ArticleNotFound, SearchError
from ..facets import COUNTED, check_counted, check_spreadable, data_name
from ..plan import PLANS_KEPT, Highlighter, Plan, make_plan
from ..request import MAX_FACET_LIMIT, MAX_PAGE_SIZE, SearchRequest
from ..results import SearchResult, Spread, Stats
from ..search import SUGGESTION_WINDOW, SUGGESTIONS_KEPT, Archive, make_hit, prefix_words, with_words
from ..suggest import SAMPLE, suggestions_for
from ..words import Statistics, word_lengths
from . import counting, dictionary
from .cluster import Cluster
from .client import numbers, quote
from .connections import Connections
from .documents import VALUE_OFFSET
from .filters import Filters, filters
from .schema import mva
from .shards import document_id, shard_of
from .ranking import WEIGHT_SCALE, keyword_weights, ranked
from .translate import NOTHING, both, match_text, positive, without
from .vocabulary import Vocabulary

NOTHING_MATCH = "(@every __none)"  # a token no article holds
# The date orders as (attribute, descending) keys, and corpus order (a relevance order with
# every weight equal); POSITION_BATCH ids are read at a time where the order is scored.
ORDER_KEYS = {"newest": (("day", True), ("seq", False)), "oldest": (("oldest", False), ("seq", False)),
              "corpus": (("seq", False),)}


def _order_by(keys, backwards: bool = False) -> str:
    """The ORDER BY text of attribute keys, or of their reverse."""
    return ", ".join(f"{name} {'DESC' if down != backwards else 'ASC'}" for name, down in keys)


ORDERS = {"newest": _order_by(ORDER_KEYS["newest"]), "oldest": _order_by(ORDER_KEYS["oldest"]),
          "relevance": "WEIGHT() DESC, seq ASC"}
POSITION_BATCH = 5000


@dataclass(frozen=True)
class _Planned:
    plan: Plan
    loose: str
    strict: str
    exact: str | None
    adjacent: str | None
    notes: tuple[str, ...] = ()  # of prefixes expanded to their most frequent words
    weights: dict = field(default_factory=dict)  # the loose reading's scored keywords (ranking.py)


def _text(translated) -> str:
    if translated is NOTHING:
        return NOTHING_MATCH
    return positive(translated)


class SearchdArchive:
    """A searchd archive, opened from its configuration folder; thread-safe."""

    def __init__(self, folder: str | Path, cluster: Cluster | None = None):
        self.location = Path(folder)
        self.cluster = cluster or Cluster.load(self.location)
        self._searchd = Connections(self.cluster)
        self._lock = threading.RLock()
        self._live: dict | None = None
        self.refresh()

    # --- opening ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Pick up a finished rebuild (live.json names another slot) or an update."""
        with self._lock:
            live = self.cluster.live()
            if live == self._live:
                return
            self._live = live
            self._slot = live["slot"]
            self._facets = dictionary.load(self.location / f"dictionary-{self._slot}.json")
            # the most groups each FACET can have: a facet's values; the year and month keys
            # (period * 4 + kind) of every year of the archive's range, and the unknown one
            first, last = (live.get("years") or [0, 0])[:2]
            years = (last - first + 1 if first else 0) + 1
            groups = {mva(n): len(f.values) for n, f in self._facets.items()}
            groups.update(year_kind=years * 4, month_kind=years * 13 * 4)
            self._searchd.use(self._slot, groups)
            self._plans: OrderedDict[str, _Planned] = OrderedDict()
            self._suggested: OrderedDict[SearchRequest, tuple] = OrderedDict()
            self._words: Vocabulary | None = None

    def close(self) -> None:
        with self._lock:
            self._searchd.close()

    def __enter__(self) -> SearchdArchive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- searchd -------------------------------------------------------------------

    def _select(self, *args, **kwargs):
        return self._searchd.select(*args, **kwargs)

    def _count(self, match: str, where: list[str]) -> int:
        return self._searchd.select(match, where)[1]

    def _frequency(self, field: str, key: str) -> float:
        """How often the archive's field holds a key (occurrences: words.py's statistics)."""
        return float(self._searchd.keyword(field, key)[1])

    def _doc_frequency(self, field: str, key: str) -> int:
        """How many articles hold a key in a field (what suggestions weigh)."""
        return self._searchd.keyword(field, key)[0]

    # --- the plan, with this archive's word statistics -------------------------------

    def _documents_writing(self, keys) -> int:
        from ..compile import Spelling, _sequence

        spelling = Spelling(tuple(keys), (None,) * len(keys), (" ",) * (len(keys) - 1))
        return self._count(_text(match_text(_sequence(spelling, ("text",)))), [])

    def _segment(self, texts: list[str]) -> list[int]:
        statistics = Statistics(self._frequency, self._searchd.syllables(), self._documents_writing)
        return word_lengths(texts, statistics)

    def _plan(self, query: str) -> _Planned:
        found = self._plans.get(query)
        if found is None:
            plan = make_plan(query, self._segment)
            compiled = plan.compiled
            years = tuple(self._live.get("years", (0, 0)))
            words, notes = prefix_words(compiled, self._vocabulary()) if compiled.prefixes else ({}, ())

            def written(query):  # prefixes expanded (in the tiers too), then as MATCH text
                return None if query is None else _translated(with_words(query, words), years)

            found = _Planned(plan, written(compiled.query), written(compiled.strict),
                             written(compiled.exact), written(compiled.adjacent), notes,
                             keyword_weights(with_words(compiled.query, words)))
            self._plans[query] = found
            if len(self._plans) > PLANS_KEPT:
                self._plans.popitem(last=False)
        return found

    def _vocabulary(self) -> Vocabulary:
        """The words prefixes expand in, read at the first prefix after each rebuild."""
        if self._words is None:
            self._words = Vocabulary.load(self.location / f"vocabulary-{self._slot}.json")
        return self._words

    def highlighter(self, query: str, reading: str = "strict") -> Highlighter:
        with self._lock:
            self.refresh()
            return Highlighter(self._plan(query).plan, reading)

    # --- searching -------------------------------------------------------------------

    def search(self, request: SearchRequest | str | None = None, /, **options) -> SearchResult:
        """Run a search, as Archive.search does."""
        request = SearchRequest.of(request, **options)
        started = time.perf_counter()
        with self._lock:
            self.refresh()
            self._searchd.partial = False
            found = self._find(request)
            result = self._assemble(request, found)
            partial = self._searchd.partial
        return replace(result, seconds=time.perf_counter() - started, partial=partial)

    def facet(self, request: SearchRequest | str | None, name: str, /, **options):
        """Every value of one facet over a search's results, as Archive.facet lists them: the
        search's own facet counts (every filter but the facet's own), without a limit."""
        check_counted(name)
        request = SearchRequest.of(request, **options)
        return self.search(replace(request, page=1, limit=1, facet_limit=MAX_FACET_LIMIT)).facets.get(name, ())

    def spread(self, request, facet: str, counted=None) -> Spread:
        """Every value of a facet among the articles a search lists, with counts, and those
        carrying no value or none that `counted` accepts (Archive.spread): one FACET over
        every group, and two counts of the articles holding any of a set of values."""
        check_spreadable(facet)
        request = SearchRequest.of(request)
        with self._lock:
            self.refresh()
            found = self._find(request)
            where = found.chosen.where()
            data = data_name(facet, request.mentions)
            _, total, sets = self._select(found.match, where, facets=(mva(data),))
            values = self._facets[data].values
            pairs = sorted((int(v) - VALUE_OFFSET, int(c)) for v, c in sets[0])
            by_count = sorted(pairs, key=lambda p: -p[1])  # stable: ties to the value met first
            usable = [i for i, _ in pairs if counted is None or counted(values[i])]

            def carrying(ids: list[int]) -> int:
                if not ids:
                    return 0
                held = f"{mva(data)} IN {numbers(sorted(i + VALUE_OFFSET for i in ids))}"
                return self._count(found.match, [*where, held])

            with_value = carrying([i for i, _ in pairs])
            return Spread(tuple((values[i], n) for i, n in by_count), total, total - with_value,
                          with_value - (carrying(usable) if len(usable) < len(pairs) else with_value))

    def _find(self, request: SearchRequest):
        """The reading listed, its MATCH text, the filters, `more` and the notes."""
        planned = self._plan(request.query)
        compiled = planned.plan.compiled
        chosen = filters(self._facets, request)
        where = chosen.where()
        more = 0
        if (compiled.differs or compiled.prefixes) and planned.loose != planned.strict:
            # (two trees may differ and still write one MATCH text: the same articles)
            more = self._count(_text(without(_raw(planned.loose), _raw(planned.strict))), where)
        reading, notes = request.match, planned.plan.notes + planned.notes
        if reading == "strict" and more and not self._count(planned.strict, where):
            reading = "loose"
            notes += (f"no article has the words as typed; these {more} have them with other "
                      "accents or with their syllables apart",)
        differs = compiled.differs or compiled.prefixes
        listed = planned.strict if reading == "strict" and differs else planned.loose
        return _Found(planned, reading, listed, chosen, more, notes)

    def _assemble(self, request: SearchRequest, found: _Found) -> SearchResult:
        where = found.chosen.where()
        own = [n for n in COUNTED if n in found.chosen.by_facet]
        shared = tuple(_facet_attribute(n, request.mentions) for n in COUNTED if n not in own)
        rows, total, sets = self._select(found.match, where, facets=shared + ("month_kind",))
        counted = dict(zip(shared, sets))
        for name in own:  # counted under every filter but its own
            _, _, alone = self._select(found.match, found.chosen.where(leave_out=name),
                                       facets=(_facet_attribute(name, request.mentions),))
            counted[_facet_attribute(name, request.mentions)] = alone[0]
        facets, sizes = {}, {}
        for name in COUNTED:
            rows_of = counted[_facet_attribute(name, request.mentions)]
            selected = found.chosen.ids.get(name, set())
            if name == "year":
                facets[name], sizes[name] = counting.year_facet(rows_of, selected, request.facet_limit)
            else:
                facets[name], sizes[name] = counting.sized_from_rows(
                    self._facets[data_name(name, request.mentions)], name, rows_of, selected,
                    request.facet_limit)
        start = (request.page - 1) * request.limit
        page = self._ordered(request, found, where, start, request.limit)
        finder = found.planned.plan.finder(found.reading)
        scored = request.sort == "relevance"
        hits = tuple(make_hit(Article.from_json(json.loads(record)), score if scored else None, finder)
                     for record, score in page)
        return SearchResult(
            request=request, total=total, hits=hits, facets=facets, facet_sizes=sizes,
            suggestions=self._suggestions(request, found.planned.plan) if request.query.strip() else (),
            notes=found.notes,
            histogram=counting.histogram(sets[len(shared)]),
            match=found.reading, more=found.more,
            nothing_to_search=found.planned.plan.empty)

    def _suggestions(self, request: SearchRequest, plan: Plan) -> tuple:
        """Archive._suggestions over searchd: the same rules (suggest.py), their counts in
        the strict reading under the request's filters.  Remembered until a rebuild."""
        key = replace(request, page=1, limit=10, sort="relevance", match="strict")
        found = self._suggested.get(key)
        if found is None:
            where = filters(self._facets, key).where()

            def count(text: str) -> int:
                return self._count(self._plan(text).strict, where)

            found = tuple(suggestions_for(self._sample, plan, _head_of, count, self._doc_frequency))
            self._suggested[key] = found
            if len(self._suggested) > SUGGESTIONS_KEPT:
                self._suggested.popitem(last=False)
        return found

    def _sample(self, query) -> list[str]:
        """The records of the first articles (corpus order) a compiled query matches: the
        sample suggestions read their spellings in."""
        rows, _, _ = self._select(_translated(query), [], "record", "seq ASC", 0, SAMPLE)
        return [r[0] for r in rows]

    def _tiers(self, request: SearchRequest, found: _Found) -> list[tuple[str, int]]:
        """The listed reading cut into its ranking tiers, best first (Archive._tiered):
        the typed diacritics (2), then the words side by side (1)."""
        if request.sort != "relevance":
            return [(found.match, 0)]
        planned = found.planned
        tiers = [(found.match, 0)]
        for tier_match, weight in ((planned.exact, 2), (planned.adjacent, 1)):
            if tier_match is None:
                continue
            tiers = [(t, w + weight) for m, w in tiers for t in (both(m, tier_match),)] + \
                    [(without(m, tier_match), w) for m, w in tiers]
        return sorted(tiers, key=lambda t: -t[1])

    def _ordered(self, request, found: _Found, where, start: int, count: int,
                 columns: str = "record, WEIGHT() AS w") -> list[tuple]:
        """(record, score), or the columns asked, of `count` articles from `start` in the
        request's order."""
        if columns.startswith("record"):
            # Ordered by ids alone, then the page's records by id: every agent sends the head
            # its first start + count rows, which for long records at a deep start would pass
            # searchd's packet size (measured: 33 MB at row 3,000 of baomoi).
            page = self._ordered(request, found, where, start, count, "id, WEIGHT() AS w")
            records = self._records([i for i, _ in page])
            return [(records[i], score) for i, score in page]
        out: list[tuple] = []
        tiers = self._tiers(request, found)
        weights = found.planned.weights
        # As Archive._tiered, each tier step lifts a score past any score of the reading, so
        # the score a reader sees still falls down the list.
        lift = 0.0
        if len(tiers) > 1:
            top, _, _ = self._select(ranked(found.match, weights), [], "id, WEIGHT() AS w",
                                     ORDERS["relevance"])
            lift = top[0][1] / WEIGHT_SCALE + 1.0 if top else 0.0
        for match, tier in tiers:
            if len(out) == count:
                break
            size = self._count(match, where) if len(tiers) > 1 else None
            if size is not None and start >= size:
                start -= size
                continue
            scored = ranked(match, weights) if request.sort == "relevance" else match
            rows, _, _ = self._select(scored, where, columns, ORDERS[request.sort],
                                      start, count - len(out))
            out += [(r[0], r[1] / WEIGHT_SCALE + tier * lift) for r in rows]
            start = 0
        return out

    def _records(self, ids: list[int]) -> dict[int, str]:
        """The stored records of these document ids."""
        if not ids:
            return {}
        rows, _, _ = self._select("", [f"id IN {numbers(ids)}"], "id, record", "id ASC", 0, len(ids))
        return {int(i): record for i, record in rows}

    def iter_results(self, request: SearchRequest | str | None = None, /, **options) -> SearchdResults:
        """Every hit of a search, in order, read a page at a time (Archive.iter_results)."""
        request = SearchRequest.of(request, **options)
        with self._lock:
            self.refresh()
            found = self._find(request)
            total = self._count(found.match, found.chosen.where())
            return SearchdResults(self, request, found, total)

    def _batch(self, request, found: _Found, start: int, count: int,
                columns: str = "record, WEIGHT() AS w", slot: str | None = None):
        with self._lock:
            if slot is not None:
                self._still(slot)
            return self._ordered(request, found, found.chosen.where(), start, count, columns)

    def position(self, request: SearchRequest | str | None, article_id: str, /, **options):
        """Where an article stands in a search's order, and its neighbours (Archive.position).

        A date order, or a relevance order with nothing to score (every weight equal: corpus
        order), is a tuple of attributes: the articles before this one are counted, and its
        neighbours are the nearest before and after, four SELECTs whatever the article's
        place.  A scored order is read in the order, a batch at a time, to the article.
        """
        from ..search import Position

        request = SearchRequest.of(request, **options)
        with self._lock:
            self.refresh()
            self.article(article_id)  # ArticleNotFound as the embedded archive says it
            found = self._find(request)
            keys = _keys_of(request, found)
            if keys is not None:
                return self._position_by_keys(found, article_id, keys)
            ids: list[str] = []
            total = self._count(found.match, found.chosen.where())
            for start in range(0, total, POSITION_BATCH):
                ids += [r[0] for r in self._batch(request, found, start, POSITION_BATCH, "aid, WEIGHT() AS w")]
                if article_id in ids:
                    break
        if article_id not in ids:
            return None
        i = ids.index(article_id)
        following = ids[i + 1] if i + 1 < len(ids) else None
        if following is None and i + 1 < total:
            with self._lock:
                following = self._batch(request, found, i + 1, 1, "aid, WEIGHT() AS w")[0][0]
        return Position(i + 1, total, ids[i - 1] if i else None, following)

    def _still(self, slot: str) -> None:
        """SearchError if a rebuild went live since an export began: its next batches would
        be another list than the one its total counts."""
        self.refresh()
        if self._slot != slot:
            raise SearchError("the index changed during the export; run it again")

    def _keyed_batches(self, found: _Found, keys, slot: str):
        """Every listed article in an attribute order, (record, 0.0) a batch at a time, each
        batch the articles after the last one's keys: a deep batch costs what the first does
        (an offset would make every agent sort and send all the rows before it)."""
        names, order = ", ".join(name for name, _ in keys), _order_by(keys)
        last = None
        while True:
            with self._lock:
                self._still(slot)
                where, columns = found.chosen.where(), f"id, {names}"
                if last is not None:
                    where, columns = [*where, "side = 1"], f"{columns}, {_beyond(keys, last, before=False)} AS side"
                rows, _, _ = self._select(found.match, where, columns, order, 0, MAX_PAGE_SIZE)
                records = self._records([int(r[0]) for r in rows])
            if not rows:
                return
            yield [(records[int(r[0])], 0.0) for r in rows]
            last = [int(v) for v in rows[-1][1:1 + len(keys)]]

    def _position_by_keys(self, found: _Found, article_id: str, keys):
        from ..search import Position

        where = found.chosen.where()
        names = ", ".join(name for name, _ in keys)
        rows, _, _ = self._select(found.match, [*where, f"aid = {quote(article_id)}"], names)
        if not rows:
            return None
        values = [int(v) for v in rows[0]]
        order, backwards = _order_by(keys), _order_by(keys, backwards=True)
        earlier, later = _beyond(keys, values, before=True), _beyond(keys, values, before=False)
        previous, ahead, _ = self._select(found.match, [*where, "side = 1"], f"aid, {earlier} AS side", backwards)
        following, _, _ = self._select(found.match, [*where, "side = 1"], f"aid, {later} AS side", order)
        return Position(ahead + 1, self._count(found.match, where),
                        previous[0][0] if previous else None, following[0][0] if following else None)

    def more_like_this(self, article_id: str, limit: int = 5):
        """Articles sharing the most distinctive word pairs with this one: the pairs chosen
        as the embedded archive chooses them, ranked by searchd's BM25 (README: searchd)."""
        from whoosh import query as wq

        from ..search import _distinctive_pairs

        with self._lock:
            self.refresh()
            record = self.article(article_id)
            keys = _distinctive_pairs(_Frequencies(self), f"{record.title} {record.text}")
            if not keys:
                return ()
            match = _translated(wq.Or([wq.Term("text_pairs", k) for k in keys]))
            rows, _, _ = self._select(match, [], "aid, record, WEIGHT() AS w", ORDERS["relevance"],
                                      0, limit + 1)
        return tuple(make_hit(Article.from_json(json.loads(r[1])), None, None)
                     for r in rows if r[0] != article_id)[:limit]

    # The embedded rule over this backend's search and iter_results (career.py).
    career = Archive.career

    def _disk_bytes(self) -> int:
        """The live indexes' size on disk, over every shard (SHOW INDEX ... STATUS)."""
        return sum(_status_bytes(shard.execute(f"SHOW INDEX {self._slot} STATUS")[0])
                   for shard in self._searchd.shards)

    # --- documents -------------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        """One article by id, read from the shard that owns it; ArticleNotFound if none."""
        with self._lock:
            self.refresh()
            if not isinstance(article_id, str):
                raise ArticleNotFound(article_id)
            shard = self._searchd.shards[shard_of(article_id, len(self._searchd.shards))]
            rows = shard.execute(f"SELECT record FROM {self._slot} WHERE id = "
                                 f"{document_id(article_id)} LIMIT 1")[0]
            if not rows:
                raise ArticleNotFound(article_id)
            return Article.from_json(json.loads(rows[0][0]))

    def stats(self) -> Stats:
        """What the archive holds, per ward, term, official and year, as Archive.stats."""
        with self._lock:
            self.refresh()
            attributes = tuple(mva(n) for n in ("ward", "term", "official")) + ("year_kind",)
            _, total, sets = self._select("", [], facets=attributes)
            tops = {}
            for name, rows in zip(("ward", "term", "official"), sets):
                values = counting.facet_from_rows(self._facets[name], name, rows, set(), len(rows))
                tops[name] = tuple((v.value, v.count) for v in values if v.count)
            live = self._live
            return Stats(location=str(self.location), articles=total, size_bytes=self._disk_bytes(),
                         built_at=live.get("built_at"), corpus=live.get("corpus"), files=0,
                         by_ward=tops["ward"], by_term=tops["term"],
                         by_year=tuple((p.period, p.count) for p in counting.years(sets[3])),
                         by_official=tops["official"][:50])


class SearchdResults:
    """Every hit of one search, in order; `total` is known before any hit is read."""

    def __init__(self, archive: SearchdArchive, request: SearchRequest, found: _Found, total: int):
        self.total = total
        self.match = found.reading
        self._read = (archive, request, found)
        self._slot = archive._slot  # the archive the total counts

    def __len__(self) -> int:
        return self.total

    def __iter__(self):
        archive, request, found = self._read
        finder = found.planned.plan.finder(found.reading)
        scored = request.sort == "relevance"
        keys = _keys_of(request, found)
        batches = (archive._keyed_batches(found, keys, self._slot) if keys is not None else
                   (archive._batch(request, found, start, MAX_PAGE_SIZE, slot=self._slot)
                    for start in range(0, self.total, MAX_PAGE_SIZE)))
        for batch in batches:
            for record, score in batch:
                yield make_hit(Article.from_json(json.loads(record)), score if scored else None, finder)


class _Frequencies:
    """What search._distinctive_pairs asks of a searcher, answered by the shards."""

    def __init__(self, archive: SearchdArchive):
        self._archive = archive

    def doc_count_all(self) -> int:
        return self._archive._count("", [])

    def doc_frequency(self, field: str, key: str) -> int:
        return self._archive._doc_frequency(field, key)


def _status_bytes(rows) -> int:
    return int(dict(rows).get("disk_bytes", 0))


@dataclass(frozen=True)
class _Found:
    planned: _Planned
    reading: str
    match: str
    chosen: Filters
    more: int
    notes: tuple[str, ...]


def _head_of(record: str) -> str:
    """The title and opening of a stored record (Archive._stored_head)."""
    data = json.loads(record)
    return f"{data['title']}\n{data['text'][:SUGGESTION_WINDOW]}"


def _translated(query, years: tuple[int, int] = (0, 0)) -> str:
    return _text(match_text(query, years))


def _keys_of(request: SearchRequest, found: _Found):
    """The attribute keys of a request's order, or None where the order is scored."""
    return ORDER_KEYS.get(request.sort) or (None if found.planned.weights else ORDER_KEYS["corpus"])


def _beyond(keys, values: list[int], before: bool) -> str:
    """An expression true for the articles ordered before (or after) the one with these key
    values: the first key that differs decides.

    >>> _beyond((("day", True), ("seq", False)), [20200101, 7], before=True)
    '(day > 20200101 OR (day = 20200101 AND (seq < 7)))'
    """
    (name, down), value = keys[0], values[0]
    sign = ">" if down == before else "<"
    if len(keys) == 1:
        return f"({name} {sign} {value})"
    return f"({name} {sign} {value} OR ({name} = {value} AND {_beyond(keys[1:], values[1:], before)}))"


def _raw(text: str):
    """A MATCH text back as a translated value (the nothing-token stays nothing)."""
    return NOTHING if text == NOTHING_MATCH else text


def _facet_attribute(name: str, mentions: bool) -> str:
    return "year_kind" if name == "year" else mva(data_name(name, mentions))


__all__ = ["SearchdArchive", "SearchdResults"]
