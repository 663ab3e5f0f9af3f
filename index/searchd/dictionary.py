"""Facet values of a searchd archive: resolved over the whole archive by the embedded
index's own column code, then kept as id → value tables beside the shard map.

Officials are resolved across articles (a name placed once elsewhere, a national post
linked to a province's), and value ids order facet ties (the value met first): both need
the whole archive, so they are computed once at build time, never per shard.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from ...archive.normalise import canonical_tones
from ..columns import _TYPES, Columns, Facet, read_columns

KEY_COLUMNS = ("title_folded", "text_folded")


class _FieldsReader:
    """The little of a Whoosh reader that columns.read_columns asks, over article fields."""

    def __init__(self, documents: list[dict]):
        self._documents = documents

    def doc_count_all(self) -> int:
        return len(self._documents)

    def has_deletions(self) -> bool:
        return False

    def has_column(self, name: str) -> bool:
        return name in ("ward", "official", "term", "category", "day", "md", "kind")

    def column_reader(self, name: str) -> list:
        return [d.get(f"_stored_{name}", d.get(name)) for d in self._documents]

    def doc_field_length(self, docnum: int, name: str, default=0) -> int:
        return self._documents[docnum].get(f"_length_{name}", 0) or default


COLUMN_FIELDS = ("ward", "official", "term", "category")


def column_part(fields: dict) -> dict:
    """The little of an article's fields its columns are read from (a rebuild keeps this
    for every article, not the keys of its whole text)."""
    part = {f"_stored_{n}": fields[f"_stored_{n}"] for n in COLUMN_FIELDS}
    part.update(day=fields["day"], md=fields["md"], kind=fields["kind"])
    part.update({f"_length_{n}": sum(k is not None for k in fields[n]) for n in KEY_COLUMNS})
    return part


def archive_columns(fields: list[dict]) -> Columns:
    """The columns the embedded index would read for these articles (their column_part or
    whole fields), in this order."""
    return read_columns(_FieldsReader([column_part(f) if "record" in f else f for f in fields]))


def value_ids(columns: Columns) -> dict[str, list[list[int]]]:
    """Per facet, per document: its value ids, ascending."""
    out = {}
    for name, facet in columns.facets.items():
        per_doc: list[list[int]] = [[] for _ in range(columns.size)]
        for doc, value in zip(facet.doc_of.tolist(), facet.value_of.tolist()):
            per_doc[doc].append(value)
        out[name] = [sorted(v) for v in per_doc]
    return out


def save(path: Path, columns: Columns) -> None:
    """Write the value tables of an archive's columns."""
    save_facets(path, columns.facets)


def save_facets(path: Path, facets: dict[str, Facet]) -> None:
    """Write the value tables (whole, then renamed: a reader never sees half of them)."""
    tables = {name: {"values": f.values, "keys": f.keys, "notes": f.notes}
              for name, f in facets.items()}
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def load(path: Path) -> dict[str, Facet]:
    """The facets of a saved table, as the embedded Facet (so typed values select the same
    ids); they hold no documents: searchd counts those."""
    tables = json.loads(Path(path).read_text(encoding="utf-8"))
    empty = np.zeros(0, dtype=np.int64)
    return {name: Facet(values=t["values"], keys=t["keys"], doc_of=empty, value_of=empty,
                        notes=t["notes"]) for name, t in tables.items()}


def leading_keys(facet: Facet, ids: list[int]) -> list[str]:
    """The keys that select these values as Facet.ids_matching selects them: each value's
    key, and the key without its type word, cut after each of its words.

    `official:` in a query selects what the official facet counts (evaluate.py), people
    resolved across articles included; searchd finds the same articles by these keys.

    >>> facet = Facet(["xã Kim Bình"], ["xa kim binh"], None, None, [None])
    >>> leading_keys(facet, [0])
    ['kim', 'kim binh', 'xa', 'xa kim', 'xa kim binh']
    """
    found = set()
    for i in ids:
        key = facet.keys[i]
        for variant in [key] + [key[len(t):] for t in _TYPES if key.startswith(t)]:
            words = variant.split(" ")
            found.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return sorted(found)


def extend(known: Facet, local: Facet, ids: list[int]) -> list[int]:
    """The archive's ids of some values of an update's own facet, new values appended (as
    the embedded columns do, values differing only in tone placement are one)."""
    where = {canonical_tones(v): i for i, v in enumerate(known.values)}
    out = []
    for i in ids:
        value = local.values[i]
        identity = canonical_tones(value)
        if identity not in where:
            where[identity] = len(known.values)
            known.values.append(value)
            known.keys.append(local.keys[i])
            known.notes.append(local.notes[i])
        out.append(where[identity])
    return out


__all__ = ["archive_columns", "extend", "leading_keys", "load", "save", "save_facets", "value_ids"]
