"""The first pass of a rebuild: each article annotated and analysed once, in `jobs` worker
processes, its row kept in a spool file beside the shard map until the second pass.

The facet value ids of a row need every article first (people are joined across them), so
a row cannot be sent as soon as it is made; the keys of every text at once would not fit in
memory.  So the first pass writes each article's prepared row (documents.prepared_row) to
a spool file, in frames of a batch of articles, and hands the parent only what the columns
and the prefix vocabulary are made from; the second pass reads the frames back in corpus
order.  The folder is removed by whoever made it (writer.rebuild, in a finally).
"""

from __future__ import annotations

import os
import pickle
import queue
import shutil
import traceback
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...archive import Problem
from ...archive.annotate import annotate
from ..errors import WorkerFailed
from ..schema import article_fields
from ..workers import BATCH, POLL, _batches, _die_with, run_workers
from . import dictionary, vocabulary
from .documents import prepared_row

SPOOL_PREFIX = "rebuild-spool."  # the cluster folder's spool folders: rebuild-spool.<pid>


@dataclass
class Spooled:
    """What the first pass kept: per article its column part, the prefix fields' article
    counts, and where each batch's prepared rows lie (file number, offset, length)."""

    folder: Path
    parts: list[dict] = field(default_factory=list)
    words: dict[str, Counter] = field(default_factory=lambda: vocabulary.count_words([]))
    frames: list[tuple[int, int, int]] = field(default_factory=list)

    def rows(self) -> Iterator[dict]:
        """The prepared rows, in corpus order."""
        handles: dict[int, object] = {}
        try:
            for number, offset, length in self.frames:
                if number not in handles:
                    handles[number] = open(self.folder / f"{number}.spool", "rb")
                handle = handles[number]
                handle.seek(offset)
                yield from pickle.loads(zlib.decompress(handle.read(length)))
        finally:
            for handle in handles.values():
                handle.close()


class _Writer:
    """One process's spool file: batches of documents in, frames out."""

    def __init__(self, folder: Path, number: int):
        self.number = number
        self.handle = open(folder / f"{number}.spool", "ab")
        self.words = vocabulary.count_words([])

    def batch(self, first_seq: int, items: list) -> tuple[tuple[int, int, int], list[dict], list]:
        """Annotate and analyse a batch (its first article at `first_seq` in corpus order);
        its frame, its column parts and its articles."""
        rows, parts, articles = [], [], []
        for seq, (doc, place) in enumerate(items, start=first_seq):
            article = annotate(doc, place)
            fields = article_fields(article)  # the expensive part: once per article
            rows.append(prepared_row(fields, seq))
            parts.append(dictionary.column_part(fields))
            vocabulary.count_words([fields], self.words)
            articles.append(article)
        # Level 1: the tokens repeat a lot, so it is a few times smaller at little cost.
        frame = zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1)
        offset = self.handle.tell()
        self.handle.write(frame)
        return (self.number, offset, len(frame)), parts, articles

    def close(self) -> None:
        self.handle.close()


def remove_abandoned(folder: Path) -> None:
    """Remove the spool folders of rebuilds whose process is gone (a `kill -9`)."""
    for path in folder.glob(f"{SPOOL_PREFIX}*"):
        pid = path.name[len(SPOOL_PREFIX):]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(path, ignore_errors=True)


def spool(items: Iterable, folder: Path, jobs: int = 1, problem=None, article=None) -> Spooled:
    """The first pass over (Document, Place) items and Problems, in corpus order, into a new
    spool folder; `problem` is told of each problem, `article` of each article."""
    folder.mkdir()
    spooled = Spooled(folder)
    documents = _documents(items, problem or _ignore)
    report = article or _ignore
    if jobs <= 1:
        writer = _Writer(folder, 0)
        try:
            for number, batch in enumerate(_batches(documents, BATCH)):
                frame, parts, articles = writer.batch(number * BATCH, batch)
                _keep(spooled, frame, parts, articles, report)
        finally:
            writer.close()
        _add(spooled.words, writer.words)
    else:
        _spool_in_workers(documents, spooled, jobs, report)
    return spooled


def _ignore(item) -> None:
    """Nobody asked: nothing is told (and no article is sent back by a worker)."""


def _documents(items: Iterable, report) -> Iterator:
    for item in items:
        if isinstance(item, Problem):
            report(item)
        else:
            yield item


def _keep(spooled: Spooled, frame, parts, articles, report) -> None:
    spooled.frames.append(frame)
    spooled.parts.extend(parts)
    for article in articles:
        report(article)


def _add(counts: dict[str, Counter], more: dict[str, Counter]) -> None:
    for name, counter in more.items():
        counts[name].update(counter)


def _spool_in_workers(documents, spooled: Spooled, jobs: int, report) -> None:
    """Batches handed out in turn (workers.run_workers); their results, which come back in
    any order, kept in corpus order (a batch is kept once every batch before it is)."""
    parent = os.getpid()
    waiting: dict[int, tuple] = {}
    following = 0  # the number of the next batch to keep

    def handle(message) -> bool:
        nonlocal following
        kind, *payload = message
        if kind == "batch":
            number, frame, parts, articles = payload
            waiting[number] = (frame, parts, articles)
            while following in waiting:
                _keep(spooled, *waiting.pop(following), report)
                following += 1
        elif kind == "done":
            _add(spooled.words, payload[0])
            return True
        else:
            raise WorkerFailed(f"a rebuild worker failed:\n{payload[0]}")
        return False

    run_workers(_work, lambda number: (spooled.folder, number, parent, report is not _ignore), jobs,
                enumerate(_batches(documents, BATCH)), handle)


def _work(tasks, results, folder: Path, number: int, parent: int, articles_wanted: bool) -> None:
    """A worker: numbered batches of documents in, their frames and column parts out; its
    word counts at the end."""
    _die_with(parent)
    try:
        writer = _Writer(folder, number)
        try:
            while True:
                try:
                    task = tasks.get(timeout=POLL)
                except queue.Empty:
                    if os.getppid() != parent:  # the parent was killed: nobody reads this
                        os._exit(1)
                    continue
                if task is None:
                    break
                batch_number, batch = task
                frame, parts, articles = writer.batch(batch_number * BATCH, batch)
                # The articles go back for the progress bar only, as the embedded build's do.
                results.put(("batch", batch_number, frame, parts,
                             articles if articles_wanted else []))
        finally:
            writer.close()
        results.put(("done", writer.words))
    except BaseException:  # noqa: BLE001 - every failure must reach the parent, which raises it
        results.put(("error", traceback.format_exc()))
    results.close()
    results.join_thread()


__all__ = ["SPOOL_PREFIX", "Spooled", "remove_abandoned", "spool"]
