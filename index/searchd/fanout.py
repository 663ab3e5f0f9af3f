"""Searching without a head: the client asks every shard and merges what they answer, as a
distributed index would (totals and FACET counts summed, pages merged by the sort keys).

A shard that does not answer is an error, or, where the archive allows it, left out and
the answer marked partial.
"""

from __future__ import annotations

from collections import Counter

from .client import Connection
from .errors import ShardUnavailable


def _keys(order: str) -> list[tuple[str, bool]]:
    """(expression, descending) of an ORDER BY clause.

    >>> _keys("WEIGHT() DESC, seq ASC")
    [('WEIGHT()', True), ('seq', False)]
    """
    parts = [p.strip().rsplit(" ", 1) for p in order.split(",")]
    return [(expression, direction.upper() == "DESC") for expression, direction in parts]


def select(shards: list[Connection], index: str, columns: str, clause: str, order: str,
           offset: int, limit: int, options: str, facets: tuple[str, ...], limits: dict[str, int],
           partial: bool) -> tuple[list[tuple], int, list[list[tuple]], bool]:
    """(rows, total found, facet row sets, whether a shard was left out) of one SELECT
    asked of every shard's own index; `limits`: the most groups of each facet."""
    keys = _keys(order)
    hidden = ", ".join(f"{expression} AS _o{i}" for i, (expression, _) in enumerate(keys))
    faceted = "".join(f" FACET {f} ORDER BY COUNT(*) DESC LIMIT {limits[f]}" for f in facets)
    statement = (f"SELECT {columns}, {hidden} FROM {index}{clause} ORDER BY {order} "
                 f"LIMIT 0, {offset + limit} OPTION {options}{faceted}")
    rows, total, counts, missing = [], 0, [Counter() for _ in facets], False
    for shard in shards:
        try:
            sets = shard.execute(statement)
            meta = shard.meta()
        except ShardUnavailable:
            if not partial:
                raise
            missing = True
            continue
        rows += sets[0]
        total += int(meta.get("total_found", 0))
        for counted, found in zip(counts, sets[1:]):
            counted.update({value: int(count) for value, count in found})
    width = len(keys)
    for i in reversed(range(width)):  # stable sorts, last key first
        rows.sort(key=lambda r, i=i: r[len(r) - width + i], reverse=keys[i][1])
    page = [r[: len(r) - width] for r in rows[offset : offset + limit]]
    return page, total, [list(c.items()) for c in counts], missing
