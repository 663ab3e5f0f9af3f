"""Committing to a Whoosh index folder: a new table of contents (TOC) is the one atomic step.

A commit names the index's segments (with their deleted documents) in a new TOC, written
to a temporary file and renamed, so a reader sees either the old TOC or the new one.  The
record of what the commit was built from (build-N.json, N the TOC's number) is written
before the TOC: a TOC never exists without it, and a kill between the two leaves a record
for a TOC that never came, which the next commit overwrites.  So are the commit's columns
(columns-N.npz, see columns.py): a running server that sees the new TOC reads them in a
blink instead of seconds of Whoosh columns on its next search.

Files of the TOC before the newest are kept, so a search that read that TOC a moment ago
can still open its segments; older ones are removed.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import _DEF_INDEX_NAME, TOC
from whoosh.reading import MultiReader, SegmentReader

from ..archive import Article

from .columns import columns_file, read_columns, write_columns
from .hot import hot_files, write_hot
from .errors import IndexNotFound, IndexOutdated
from .schema import INDEX_FORMAT, article_fields
from .segment import SegmentBuilder
from .store import latest_toc, read_build_info, write_build_info

# What this module takes from Whoosh beyond its documented API (see segment.py's).
WHOOSH_INTERNALS = {
    "whoosh.index._DEF_INDEX_NAME": (),
    "whoosh.index.TOC": ("read", "write", "schema", "segments", "generation"),
    "whoosh.reading.SegmentReader": ("stored_fields", "postings", "close"),
    "whoosh.reading.MultiReader": (),
}

INDEXNAME = _DEF_INDEX_NAME  # "MAIN", as store.latest_toc expects
# More segments than this after an update, and the small ones are merged (see compact).
MAX_SEGMENTS = 8
SMALL = 16
_TOC = re.compile(rf"^_{INDEXNAME}_(\d+)\.toc$")
_INFO = re.compile(r"^build-(\d+)\.json$")
_SEGMENT_FILE = re.compile(rf"^({INDEXNAME}_[0-9a-z]+)\.\w+$")
_COLUMNS = re.compile(r"^columns-(\d+)\.npz$")
_TEMPORARY = re.compile(rf"^(_{INDEXNAME}_\d+\.toc\.|build-\d+\.json\.tmp$|columns-\d+\.npz\.\d+\.tmp$"
                        rf"|{INDEXNAME}_[0-9a-z]+\.hot\w+\.\d+\.tmp$)")


def open_generation(location: Path, generation: Path, mmap: bool = False):
    """The Whoosh index of a generation; IndexOutdated when an older wardnews wrote it.

    Read without memory maps by default: over a map, Whoosh copies every sub-file of a
    compound segment it opens into memory (1.8× the index on disk, measured by
    bench/memory.py); read as files, the operating system's page cache keeps what is used.

    Whoosh keeps the schema as a pickle that names the modules of its analyzers; an index
    written before wardnews became one package names modules that no longer exist.  Each
    build records the INDEX_FORMAT of its keys; an index with another is outdated too.
    """
    info = read_build_info(generation)
    if info and info.get("format") != INDEX_FORMAT:  # keys that mean something else now
        raise IndexOutdated(location, f"index format {info.get('format', 1)}, not {INDEX_FORMAT}")
    try:
        return FileStorage(str(generation), supports_mmap=mmap).open_index(INDEXNAME)
    except (whoosh_index.EmptyIndexError, OSError) as exc:
        raise IndexNotFound(location, str(exc)) from None
    except (ImportError, AttributeError, pickle.UnpicklingError) as exc:
        raise IndexOutdated(location, str(exc)) from None


def read_toc(folder: Path, number: int | None = None) -> TOC:
    """The segments and schema of the newest TOC, or of the numbered one."""
    storage = FileStorage(str(folder))
    return TOC.read(storage, INDEXNAME, gen=latest_toc(folder) if number is None else number)


def commit(folder: Path, schema, segments: list, info: dict) -> int:
    """Make `segments` the index's contents, recorded as built from `info`; returns the TOC number."""
    storage = FileStorage(str(folder))
    number = latest_toc(folder) + 1
    write_build_info(folder, info, number)
    live = [s for s in segments if s.doc_count() > 0]
    _write_read_side(storage, schema, live, folder, number)
    TOC(schema, live, number).write(storage, INDEXNAME)  # the switch: a rename
    clean(folder, number)
    return number


def _write_read_side(storage, schema, segments: list, folder: Path, number: int) -> None:
    """What searches read besides Whoosh, for the segments a TOC is about to name: the
    per-document columns, and the frequent terms' posting lists as arrays (hot.py)."""
    readers = [SegmentReader(storage, schema, segment) for segment in segments]
    try:
        reader = readers[0] if len(readers) == 1 else MultiReader(readers)
        write_columns(columns_file(folder, number), read_columns(reader))
        for segment, segment_reader in zip(segments, readers):
            files = hot_files(folder, segment.segment_id())
            if not files[0].exists():  # a segment new in this commit
                write_hot(segment_reader, files)
    finally:
        for reader in readers:
            reader.close()


def compact(folder: Path, schema, segments: list) -> list:
    """The segments, with the small ones merged into one when there are too many.

    Each update adds a segment and searches visit every segment, so once there are more
    than MAX_SEGMENTS, those holding under 1/SMALL of the live articles are re-indexed
    into one from their stored records; big segments are never rewritten by an update.
    """
    live = [s for s in segments if s.doc_count() > 0]
    total = sum(s.doc_count() for s in live)
    small = [s for s in live if s.doc_count() * SMALL <= total]
    if len(live) <= MAX_SEGMENTS or len(small) < 2:
        return live
    storage = FileStorage(str(folder))
    builder = SegmentBuilder(storage, INDEXNAME, schema)
    for segment in small:
        reader = SegmentReader(storage, schema, segment)
        try:
            for docnum in range(segment.doc_count_all()):
                if not segment.is_deleted(docnum):
                    record = json.loads(reader.stored_fields(docnum)["record"])
                    builder.add(article_fields(Article.from_json(record)))
        finally:
            reader.close()
    return [s for s in live if s not in small] + [builder.finish()]


def delete_by_source(folder: Path, schema, segments: list, sources: set[str]) -> dict[str, set[str]]:
    """Mark the documents of these files deleted in the (unwritten) segments; their ids by file."""
    storage = FileStorage(str(folder))
    found: dict[str, set[str]] = {source: set() for source in sources}
    for segment in segments:
        reader = SegmentReader(storage, schema, segment)
        try:
            for source in sources:
                if ("source", source) not in reader:
                    continue
                for docnum in reader.postings("source", source).all_ids():
                    if not segment.is_deleted(docnum):
                        found[source].add(reader.stored_fields(docnum)["id"])
                        segment.delete_document(docnum)
        finally:
            reader.close()
    return found


def clean(folder: Path, number: int) -> None:
    """Remove the TOCs, segments and build records that neither TOC `number` nor the one before needs."""
    kept = {n for n in (number, number - 1) if (folder / f"_{INDEXNAME}_{n}.toc").exists()}
    needed = {s.segment_id() for n in kept for s in read_toc(folder, n).segments}
    for path in (p for p in folder.iterdir() if p.is_file()):
        if _stale(path.name, kept, needed):
            path.unlink(missing_ok=True)
    # Whoosh's per-document writers keep their column files here until a segment is done.
    shutil.rmtree(folder / f"{INDEXNAME}.tmp", ignore_errors=True)


def _stale(name: str, kept: set[int], needed: set[str]) -> bool:
    """Whether clean() removes this file, given the TOCs kept and the segments they name.

    >>> kept, needed = {4, 5}, {"MAIN_abc"}
    >>> [_stale(n, kept, needed) for n in ("_MAIN_3.toc", "_MAIN_4.toc", "build-3.json",
    ...                                    "build-5.json", "MAIN_abc.seg", "MAIN_old.seg",
    ...                                    "build-6.json.tmp", "columns-3.npz", "columns-5.npz",
    ...                                    "columns-5.npz.123.tmp", "MAIN_abc.hotdocs",
    ...                                    "MAIN_old.hotterms", "MAIN_abc.hotfreqs.77.tmp")]
    [True, False, True, False, False, True, True, True, False, True, False, True, True]
    """
    if _TEMPORARY.match(name):
        return True  # a write that a kill interrupted
    if numbered := _TOC.match(name) or _INFO.match(name) or _COLUMNS.match(name):
        return int(numbered.group(1)) not in kept
    segment = _SEGMENT_FILE.match(name)
    return bool(segment) and segment.group(1) not in needed
