"""Where an archive's SELECTs go: through the head, or, without one, to every shard (fanout);
a shard that did not answer is an error or, where the archive allows, a partial answer."""

from __future__ import annotations

from . import fanout
from .client import Connection, quote
from .cluster import Cluster, head_index
from .errors import ShardUnavailable
from .tokens import token

# BM25F over the matched keywords, titles weighted twice as the embedded schema boosts them.
# searchd's WEIGHT() is an integer and its default idf is scaled into [0, 0.5]: unscaled,
# every article weighed the same (0) and relevance was corpus order.  Plain idf, scaled up,
# agrees best with the embedded order (tests/test_searchd_ranking.py, bench/searchd_relevance.py).
WEIGHT_SCALE = 1_000_000
RANKER = (f"ranker=expr('bm25f(1.2, 0.75) * {WEIGHT_SCALE}'), idf='plain,tfidf_unnormalized', "
          "field_weights=(title_exact=2, title_folded=2, title_pairs=2, title_exact_pairs=2)")


class Connections:
    """The SphinxQL connections of one archive, and what it asks of them."""

    def __init__(self, cluster: Cluster):
        self.cluster = cluster
        head = cluster.head
        self.head = Connection(head.host, head.port) if head else None
        self.shards = [Connection(s.host, s.port) for s in cluster.shards]
        self.partial = False  # set when a shard was left out of an answer; the caller resets it

    def use(self, slot: str, values: int) -> None:
        """Search the indexes of this slot; `values` is the most groups a FACET can have."""
        self.slot, self.index, self.values = slot, head_index(slot), values
        self._keywords: dict[tuple[str, str], tuple[int, int]] = {}
        self._syllables: float | None = None

    def close(self) -> None:
        for connection in (self.head, *self.shards):
            if connection is not None:
                connection.close()

    def query(self, statement: str) -> tuple[list[list[tuple]], dict]:
        """A statement through the head: its result sets and its meta."""
        sets = self.head.execute(statement)
        meta = self.head.meta()
        warning = meta.get("warning", "")
        if warning and "agent" in warning:
            if not self.cluster.partial:
                raise ShardUnavailable(self.cluster.head.address, warning)
            self.partial = True
        return sets, meta

    def select(self, match: str, where: list[str], columns: str = "id", order: str = "seq ASC",
               offset: int = 0, limit: int = 1, facets: tuple[str, ...] = ()):
        """(rows, total found, facet row sets) of one SELECT over the archive."""
        conditions = [f"MATCH({quote(match)})", *where] if match else list(where)
        clause = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        # Every group of a FACET must fit in max_matches for its counts to be exact; a larger
        # one costs each agent memory up front (a million made the shards time out).
        most = max(1000, offset + limit, self.values + 16 if facets else 0)
        options = f"max_matches={most}" + (f", {RANKER}" if "WEIGHT()" in order else "")
        if self.head is None:
            rows, total, sets, missing = fanout.select(
                self.shards, self.slot, columns, clause, order, offset, limit, options, facets,
                most, self.cluster.partial)
            self.partial |= missing
            return rows, total, sets
        faceted = "".join(f" FACET {f} ORDER BY COUNT(*) DESC LIMIT {most}" for f in facets)
        sets, meta = self.query(f"SELECT {columns} FROM {self.index}{clause} ORDER BY {order} "
                                f"LIMIT {offset}, {limit} OPTION {options}{faceted}")
        return sets[0], int(meta.get("total_found", 0)), sets[1:]

    def keyword(self, field: str, key: str) -> tuple[int, int]:
        """(articles, occurrences) of a key in a field, over every shard; remembered."""
        found = self._keywords.get((field, key))
        if found is None:
            tok = token(key, field)
            docs = hits = 0
            for shard in self.shards:
                for row in shard.execute(f"CALL KEYWORDS({quote(tok)}, {quote(self.slot)}, 1)")[0]:
                    docs, hits = docs + int(row[-2]), hits + int(row[-1])  # (..., docs, hits)
            found = self._keywords[(field, key)] = (docs, hits)
        return found

    def syllables(self) -> float:
        """Syllables of every text (the word statistics' total), summed by searchd."""
        if self._syllables is None:
            statement = "SELECT SUM(text_length) AS s FROM {}"
            if self.head is None:
                sums = [s.execute(statement.format(self.slot))[0] for s in self.shards]
                self._syllables = float(sum(r[0][0] for r in sums if r))
            else:
                sets, _ = self.query(statement.format(self.index))
                self._syllables = float(sets[0][0][0]) if sets[0] else 0.0
        return self._syllables
