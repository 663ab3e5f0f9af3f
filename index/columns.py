"""The per-document arrays of an opened index: dates, facet values, field lengths, deletions.

Stock Whoosh faceting rebuilds multi-valued facet data from postings on every query (0.4
to 1.3 s at 20,000 articles).  Here each facet is read once per opened index into arrays
(document → value ids), so that counting is one `numpy.bincount` (see facets.py).  Reading
them from Whoosh's columns takes seconds at 35,000 articles, so they are cached beside the
index, per commit, as plain arrays and JSON in an `.npz` file: no pickle of our classes, so
a cache written by another version of wardnews is simply read or rebuilt, never a crash.
"""

from __future__ import annotations

import bisect
import functools
import json
import os
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..archive.normalise import canonical_tones

from .keys import facet_key
from .schema import NATIONAL, NOW, SEPARATOR, WARD_PARTS

COLUMN_FACETS = ("term", "category")
LENGTH_FIELDS = ("title_folded", "text_folded")
CACHE_FORMAT = 6  # bumped when the arrays change meaning; older caches are rebuilt


@dataclass
class Facet:
    """One multi-valued facet: its values, and which documents carry which."""

    values: list[str]  # value id → value as shown
    keys: list[str]  # value id → folded key, for matching what a user typed
    doc_of: np.ndarray  # one entry per (document, value) pair: the document
    value_of: np.ndarray  # ... and the value id
    # value id → a second line shown with it: for wards the unit they belong to since July
    # 2025, for officials the role they are most often named with
    notes: list[str | None]
    # leading words → value ids, made at the first typed value (ids_matching)
    _leading: _LeadingWords | None = field(default=None, repr=False, compare=False)
    _document_order: tuple | None = field(default=None, repr=False, compare=False)
    _value_order: tuple | None = field(default=None, repr=False, compare=False)

    def count(self, mask: np.ndarray) -> np.ndarray:
        """How many documents under the mask carry each value (over the whole archive)."""
        chosen = mask[self.doc_of]
        return np.bincount(self.value_of[chosen], minlength=len(self.values))

    def tally(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(value ids, documents) among the sorted docnums given, ids ascending: the cost is
        the pairs of those documents, not the facet's."""
        ordered_docs, ordered_values = self._by_document()
        starts = np.searchsorted(ordered_docs, docs, "left")
        lengths = np.searchsorted(ordered_docs, docs, "right") - starts
        total = int(lengths.sum())
        if not total:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        # the pairs of each document lie in one run: its start, repeated, plus 0, 1, 2 ...
        runs = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        return np.unique(ordered_values[runs + np.arange(total)], return_counts=True)

    def docs_for(self, ids: set[int]) -> np.ndarray:
        """The sorted documents carrying any of the value ids (several values: OR)."""
        if not ids:
            return np.zeros(0, dtype=np.int64)
        order, starts = self._by_value()
        chosen = [order[starts[i]:starts[i + 1]] for i in ids if 0 <= i < len(self.values)]
        return np.unique(self.doc_of[np.concatenate(chosen)]) if chosen else np.zeros(0, dtype=np.int64)

    def mask_for(self, ids: set[int], size: int) -> np.ndarray:
        """Documents carrying any of the value ids (several values of one facet: OR)."""
        mask = np.zeros(size, dtype=bool)
        mask[self.docs_for(ids)] = True
        return mask

    # The pairs in document order and in value order, made at first use and kept: a facet
    # is read once per opened index and asked on every search.
    def _by_document(self) -> tuple[np.ndarray, np.ndarray]:
        if self._document_order is None:
            order = np.argsort(self.doc_of, kind="stable")
            self._document_order = (self.doc_of[order], self.value_of[order])
        return self._document_order

    def _by_value(self) -> tuple[np.ndarray, np.ndarray]:
        if self._value_order is None:
            order = np.argsort(self.value_of, kind="stable")
            starts = np.searchsorted(self.value_of[order], np.arange(len(self.values) + 1))
            self._value_order = (order, starts)
        return self._value_order

    def ids_matching(self, typed: str) -> set[int]:
        """Value ids a typed value selects: the whole value, or its leading parts.

        "Lương Khánh Thiện" selects every ward of that name; "phường Lương Khánh Thiện,
        Thành phố Phủ Lý, Hà Nam" selects one.  Case and diacritics are not needed.
        """
        key = facet_key(typed)
        if not key:
            return set()
        if self._leading is None:
            self._leading = _LeadingWords(self.keys)
        return self._leading.ids_beginning(key)


# A value starts with its type: "phuong luong khanh thien ..." is found by its name too, and
# "tinh ninh binh" (a province now) by "Ninh Bình".
_TYPES = ("phuong ", "xa ", "thi tran ", "dac khu ", "tinh ", "thanh pho ")


class _LeadingWords:
    """The value keys (and each without its type word) sorted, to find the values a typed
    key begins at a word boundary by binary search: made in milliseconds, where a table of
    every leading run took a quarter of a second at the first filter of a 35,000-article index.

    >>> leading = _LeadingWords(["phuong luong khanh thien ha nam", "xa luong son"])
    >>> sorted(leading.ids_beginning("luong khanh")), sorted(leading.ids_beginning("luong"))
    ([0], [0, 1])
    >>> sorted(leading.ids_beginning("luong kh")), sorted(leading.ids_beginning("phuong"))
    ([], [0])
    """

    def __init__(self, keys: list[str]):
        variants = []
        for value_id, value_key in enumerate(keys):
            variants.append((value_key, value_id))
            variants += [(value_key[len(t):], value_id) for t in _TYPES if value_key.startswith(t)]
        variants.sort()
        self._keys = [k for k, _ in variants]
        self._ids = [i for _, i in variants]

    def ids_beginning(self, key: str) -> set[int]:
        found = set()
        position = bisect.bisect_left(self._keys, key)
        while position < len(self._keys) and self._keys[position].startswith(key):
            candidate = self._keys[position]
            if len(candidate) == len(key) or candidate[len(key)] == " ":
                found.add(self._ids[position])
            position += 1
        return found


@dataclass
class Columns:
    """Everything counted per document, for one opened index."""

    size: int  # documents, deleted ones included (Whoosh numbers them all)
    live: np.ndarray  # bool per document: not deleted
    day: np.ndarray  # int yyyymmdd per document, 0 when unknown
    facets: dict[str, Facet]
    lengths: dict[str, np.ndarray] = field(default_factory=dict)  # syllables per field, for BM25
    md: np.ndarray | None = None  # mmdd per document when its day is known, else 0
    kind: np.ndarray | None = None  # 1 published, 2 event date, 0 none

    @functools.cached_property
    def periods(self) -> tuple[np.ndarray, np.ndarray]:
        """First and last day of each document's date, computed at the first date filter."""
        return periods(self.day)

    @property
    def year(self) -> np.ndarray:
        return self.day // 10000


def load_columns(reader, cache: Path | None = None) -> Columns:
    """The per-document arrays of an opened index, from the cache file when it is usable.

    A cache that cannot be read (another format, a half-written or foreign file) is
    rebuilt; one that cannot be written is skipped, so a read-only index still searches.
    """
    if cache is not None:
        found = _read_cache(cache)
        if found is not None and found.size == reader.doc_count_all():
            return found
    columns = read_columns(reader)
    if cache is not None:
        write_columns(cache, columns)
    return columns


def columns_file(generation: Path, toc: int) -> Path:
    """Where the columns of a commit (TOC number) are kept."""
    return generation / f"columns-{toc}.npz"


def _read_cache(cache: Path) -> Columns | None:
    try:
        with np.load(cache, allow_pickle=False) as arrays:
            meta = json.loads(str(arrays["meta"]))
            if meta.get("format") != CACHE_FORMAT:
                return None
            facets = {
                name: Facet(values=described["values"], keys=described["keys"],
                            doc_of=arrays[f"{name}.doc_of"], value_of=arrays[f"{name}.value_of"],
                            notes=described["notes"])
                for name, described in meta["facets"].items()
            }
            return Columns(size=int(meta["size"]), live=arrays["live"], day=arrays["day"],
                           facets=facets,
                           lengths={name: arrays[f"length.{name}"] for name in meta["lengths"]},
                           md=arrays["md"], kind=arrays["kind"])
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, EOFError):
        return None


def write_columns(cache: Path, columns: Columns) -> None:
    """Keep the arrays in `cache` (written whole, then renamed); old ones go with their
    commit (commit.clean)."""
    meta = {
        "format": CACHE_FORMAT,
        "size": columns.size,
        "facets": {name: {"values": f.values, "keys": f.keys, "notes": f.notes}
                   for name, f in columns.facets.items()},
        "lengths": sorted(columns.lengths),
    }
    arrays = {"meta": np.array(json.dumps(meta, ensure_ascii=False)), "live": columns.live,
              "day": columns.day, "md": columns.md, "kind": columns.kind}
    for name, facet in columns.facets.items():
        arrays[f"{name}.doc_of"] = facet.doc_of
        arrays[f"{name}.value_of"] = facet.value_of
    for name, values in columns.lengths.items():
        arrays[f"length.{name}"] = values
    temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            np.savez(handle, **arrays)
        os.replace(temporary, cache)
    except OSError:
        temporary.unlink(missing_ok=True)  # a read-only index still searches


def read_columns(reader) -> Columns:
    """Read the facet columns and field lengths of an index, into arrays."""
    size = reader.doc_count_all()
    live = np.ones(size, dtype=bool)
    if reader.has_deletions():
        for docnum in range(size):
            if reader.is_deleted(docnum):
                live[docnum] = False
    day, md, kind = (_numbers(reader, name, size) for name in ("day", "md", "kind"))
    facets = {name: _load_facet(reader, name, size) for name in COLUMN_FACETS}
    facets.update(_load_places(reader, size))
    facets["official"] = _load_officials(reader, size)
    lengths = {
        # A document with nothing in a field has no length recorded (None): 0.
        name: np.array([reader.doc_field_length(d, name, 0) or 0 for d in range(size)],
                       dtype=np.float64)
        for name in LENGTH_FIELDS
    }
    return Columns(size, live, day, facets, lengths, md, kind)


class _Builder:
    """A facet's arrays, filled a (document, value) pair at a time."""

    def __init__(self):
        self.ids: dict[str, int] = {}
        self.shown: list[str] = []
        self.notes: list[str | None] = []
        self.docs: list[int] = []
        self.values: list[int] = []
        self._document, self._in_document = -1, set()

    def add(self, docnum: int, value: str, now: str | None = None) -> None:
        # Values that differ only in tone placement ("Thuận Hòa", "Thuận Hoà") are one
        # value, shown as first met.
        identity = canonical_tones(value)
        if identity not in self.ids:
            self.ids[identity] = len(self.shown)
            self.shown.append(value)
            self.notes.append(now or None)
        value_id = self.ids[identity]
        if docnum != self._document:
            self._document, self._in_document = docnum, set()
        if value_id not in self._in_document:  # a document counts once per value
            self._in_document.add(value_id)
            self.docs.append(docnum)
            self.values.append(value_id)

    def facet(self) -> Facet:
        return Facet(values=self.shown, keys=[facet_key(v) for v in self.shown],
                     doc_of=np.array(self.docs, dtype=np.int64),
                     value_of=np.array(self.values, dtype=np.int64), notes=self.notes)


def _entries(reader, name: str, size: int):
    """(document, entry) for every value a column stores."""
    if not reader.has_column(name):
        return
    column = reader.column_reader(name)
    for docnum in range(size):
        raw = column[docnum]
        if not raw:
            continue
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        for entry in text.split(SEPARATOR):
            if entry:
                yield docnum, entry


def within(day: np.ndarray, start: int | None, end: int | None,
           bounds: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Documents whose whole date lies from `start` to `end` (yyyymmdd, None open): an article
    known only to its month or year is inside a range that holds the whole month or year, so
    a year's bar, its facet count and the range `from=2020&to=2020` list one set.

    >>> within(np.array([20200504, 20200500, 20200000, 0]), 20200501, 20200531).tolist()
    [True, True, False, False]
    >>> within(np.array([20200504, 20200500, 20200000, 0]), 20200101, 20201231).tolist()
    [True, True, True, False]

    `bounds` are the column's `periods(day)`, when the caller keeps them.
    """
    first, last = bounds if bounds is not None else periods(day)
    mask = day > 0
    if start is not None:
        mask &= first >= start
    if end is not None:
        mask &= last <= end
    return mask


def periods(day: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first and last day each document's date may stand for (Columns keeps them, so a
    date filter costs two comparisons over the archive, not six)."""
    year_only = day % 10000 == 0
    month_only = (day % 100 == 0) & ~year_only
    first = np.where(year_only, day + 101, np.where(month_only, day + 1, day))
    last = np.where(year_only, day + 1231, np.where(month_only, day + 31, day))
    return first, last


def _numbers(reader, name: str, size: int) -> np.ndarray:
    values = np.zeros(size, dtype=np.int64)
    if reader.has_column(name):
        column = reader.column_reader(name)
        values[:] = [column[d] or 0 for d in range(size)]
    return values


def _load_facet(reader, name: str, size: int) -> Facet:
    builder = _Builder()
    for docnum, entry in _entries(reader, name, size):
        builder.add(docnum, entry)
    return builder.facet()


# The facets a ward column gives: each level of the places, over subjects only, and over
# every ward named ("_all").
PLACE_FACETS = ("ward", "district", "province", "now", "now_province")


def _load_officials(reader, size: int) -> Facet:
    """Officials as entities, each noted with the role it is most often named with, which
    tells apart people whose names are one.

    An official an article does not place (no role names a place, no ward) is the one person
    of that name the archive places elsewhere, when there is exactly one; with none or
    several, the name alone stands for them (extract/identity.py gives the rule).
    """
    entries = [(docnum, *(entry.split(NOW) + ["", ""])[:3]) for docnum, entry in _entries(reader, "official", size)]
    # A person given a national post and a province's in one article links the two.
    linked: dict[str, set[str]] = {}
    for _, entity, _, national in entries:
        name, place = entity_parts(entity)
        if national and place and place != NATIONAL:
            linked.setdefault(canonical_tones(name), set()).add(entity)
    entries = [(docnum, _linked(entity, linked), role) for docnum, entity, role, _ in entries]
    placed: dict[str, set[str]] = {}
    for _, entity, _ in entries:
        name, place = entity_parts(entity)
        if place:
            placed.setdefault(canonical_tones(name), set()).add(entity)
    builder = _Builder()
    roles: dict[int, Counter] = {}
    for docnum, entity, role in entries:
        name, place = entity_parts(entity)
        others = placed.get(canonical_tones(name), ())
        if not place and len(others) == 1:
            entity = next(iter(others))
        builder.add(docnum, entity)
        if role:
            roles.setdefault(builder.ids[canonical_tones(entity)], Counter())[role] += 1
    for value_id, counted in roles.items():
        builder.notes[value_id] = counted.most_common(1)[0][0]
    return builder.facet()


def _linked(entity: str, linked: dict[str, set[str]]) -> str:
    """A national entity as the one province's entity it is linked with, if there is one."""
    name, place = entity_parts(entity)
    provinces = linked.get(canonical_tones(name), ())
    return next(iter(provinces)) if place == NATIONAL and len(provinces) == 1 else entity


def entity_parts(entity: str) -> tuple[str, str | None]:
    """("Nguyễn Văn Hải", "Hà Nội") of "Nguyễn Văn Hải (Hà Nội)"; a bare name has no place."""
    if entity.endswith(")") and " (" in entity:
        name, _, place = entity[:-1].rpartition(" (")
        return name, place
    return entity, None


def _load_places(reader, size: int) -> dict[str, Facet]:
    builders = {name: _Builder() for base in PLACE_FACETS for name in (base, f"{base}_all")}
    for docnum, entry in _entries(reader, "ward", size):
        parts = dict(zip(WARD_PARTS, entry.split(NOW)))
        subject = parts.get("role", "subject") == "subject"
        levels = {"ward": parts["value"], "district": parts.get("district"),
                  "province": parts.get("province"), "now": parts.get("now"),
                  "now_province": parts.get("now_province")}
        for base, value in levels.items():
            if not value:
                continue
            now = parts.get("now") if base == "ward" else None
            builders[f"{base}_all"].add(docnum, value, now)
            if subject:
                builders[base].add(docnum, value, now)
    return {name: builder.facet() for name, builder in builders.items()}
