"""Where an archive's SELECTs go: through the head, or, without one, to every shard (fanout);
a shard that did not answer is an error or, where the archive allows, a partial answer."""

from __future__ import annotations

from ..evaluate import LENGTH_FIELD
from . import fanout
from .client import Connection, quote
from .cluster import Cluster, head_index
from .errors import ShardUnavailable
from .ranking import ranker
from .schema import FACET_ATTRIBUTES, mva
from .tokens import token

MOST_GROUPS = 20_000  # a facet attribute whose values the archive did not say


class Connections:
    """The SphinxQL connections of one archive, and what it asks of them."""

    def __init__(self, cluster: Cluster):
        self.cluster = cluster
        head = cluster.head
        self.head = Connection(head.host, head.port) if head else None
        self.shards = [Connection(s.host, s.port) for s in cluster.shards]
        self.partial = False  # set when a shard was left out of an answer; the caller resets it

    def use(self, slot: str, groups: dict[str, int]) -> None:
        """Search the indexes of this slot; `groups` is the most groups each facet attribute
        can have (its values in the archive)."""
        self.slot, self.index, self.groups = slot, head_index(slot), groups
        self._keywords: dict[tuple[str, str], tuple[int, int]] = {}
        self._syllables: float | None = None
        self._ranker: str | None = None
        self._most_values: dict[str, int] | None = None

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
        # one costs each agent memory up front (a million made the shards time out; 20,016
        # made a rare word's facets 6 times slower than 1,000).  A facet of T articles has
        # at most T times its longest value list groups: counted first, when it may be fewer.
        most, limits = max(1000, offset + limit), {}
        if facets:
            limits = {f: self.groups.get(f, MOST_GROUPS) + 16 for f in facets}
            if max(limits.values()) > most:
                total = self.select(match, where)[1]
                limits = {f: min(n, total * self.most_values(f) + 16) for f, n in limits.items()}
            most = max([most, *limits.values()])
        options = f"max_matches={most}" + (f", {self.ranker()}" if "WEIGHT()" in order else "")
        if self.head is None:
            rows, total, sets, missing = fanout.select(
                self.shards, self.slot, columns, clause, order, offset, limit, options, facets,
                limits, self.cluster.partial)
            self.partial |= missing
            return rows, total, sets
        faceted = "".join(f" FACET {f} ORDER BY COUNT(*) DESC LIMIT {limits[f]}" for f in facets)
        sets, meta = self.query(f"SELECT {columns} FROM {self.index}{clause} ORDER BY {order} "
                                f"LIMIT {offset}, {limit} OPTION {options}{faceted}")
        return sets[0], int(meta.get("total_found", 0)), sets[1:]

    def most_values(self, attribute: str) -> int:
        """The most values one article holds in an attribute (1 for a plain one); read once
        per slot for every multi-valued attribute."""
        if self._most_values is None:
            names = [mva(a) for a in FACET_ATTRIBUTES]
            statement = "SELECT " + ", ".join(f"MAX(LENGTH({n})) AS m{i}" for i, n in enumerate(names)) + " FROM {}"
            rows = self._aggregated(statement)
            self._most_values = {n: max([int(r[i]) for r in rows] + [1]) for i, n in enumerate(names)}
        return self._most_values.get(attribute, 1)

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

    def ranker(self) -> str:
        """The ranking's OPTION text for this slot (its mean field lengths read once)."""
        if self._ranker is None:
            means = {}
            for length in sorted(set(LENGTH_FIELD.values())):
                statement = (f"SELECT SUM({length}_len) AS s, COUNT(*) AS n FROM {{}} "
                             f"WHERE {length}_len > 0")  # as evaluate._mean_length: the texts present
                rows = self._aggregated(statement)
                total, count = sum(float(r[0]) for r in rows), sum(int(r[1]) for r in rows)
                means[length] = total / count if count else 1.0
            self._ranker = ranker(means)
        return self._ranker

    def _aggregated(self, statement: str) -> list[tuple]:
        """The rows of an aggregate SELECT ("... FROM {}"): the head's one merged row, or
        each shard's own, for the caller to sum or take the largest of."""
        if self.head is None:
            return self._each_shard(statement.format(self.slot))
        return self.query(statement.format(self.index))[0][0]

    def _each_shard(self, statement: str) -> list[tuple]:
        """The rows every shard answers a statement with; a shard down is an error, or, where
        the archive allows partial answers, left out (the search then says it is partial)."""
        rows = []
        for shard in self.shards:
            try:
                rows += shard.execute(statement)[0]
            except ShardUnavailable:
                if not self.cluster.partial:
                    raise
        return rows

    def syllables(self) -> float:
        """Syllables of every text (the word statistics' total), summed by searchd."""
        if self._syllables is None:
            rows = self._aggregated("SELECT SUM(text_length) AS s FROM {}")
            self._syllables = float(sum(r[0] for r in rows))
        return self._syllables
