"""The words of the fields a prefix ("Thiệ*") may expand in, with their article counts, kept
beside the shard map: searchd's own wildcard expansion picks and counts words its own way,
so the embedded rule (search.prefix_words) runs here over the same vocabulary."""

from __future__ import annotations

import bisect
import json
import os
from collections import Counter
from pathlib import Path

# compile._prefix_unit expands on these: the exact tier when typed with diacritics, else folded
PREFIX_FIELDS = ("title_exact", "title_folded", "text_exact", "text_folded")


def count_words(fields: list[dict], counts: dict[str, Counter] | None = None) -> dict[str, Counter]:
    """Articles per word, per prefix field, over article fields (added to `counts` if given)."""
    counts = counts if counts is not None else {name: Counter() for name in PREFIX_FIELDS}
    for f in fields:
        for name in PREFIX_FIELDS:
            counts[name].update({k for k in f[name] if k is not None})
    return counts


def save(path: Path, counts: dict[str, Counter]) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps({n: sorted(c.items()) for n, c in counts.items()},
                                    ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def load_counts(path: Path) -> dict[str, Counter]:
    tables = json.loads(Path(path).read_text(encoding="utf-8"))
    return {name: Counter(dict(rows)) for name, rows in tables.items()}


class Vocabulary:
    """What search.prefix_words asks of a reader: the words a prefix begins, in key order,
    and how many articles hold a word."""

    def __init__(self, counts: dict[str, Counter]):
        self._counts = counts
        self._sorted = {name: sorted(c) for name, c in counts.items()}

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        return cls(load_counts(path))

    def expand_prefix(self, field: str, prefix: str):
        words = self._sorted.get(field, [])
        at = bisect.bisect_left(words, prefix)
        while at < len(words) and words[at].startswith(prefix):
            yield words[at]
            at += 1

    def doc_frequency(self, field: str, word: str) -> int:
        return self._counts.get(field, Counter()).get(word, 0)
