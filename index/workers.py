"""Documents to index segments, in this process or in worker processes that each write their own.

With `jobs` workers, this process reads the files (cheap: a quarter of a millisecond an
article) and hands out batches; each worker annotates its batches, turns each article into
field values and adds them to its own segment (see segment.py).  Nothing but documents
going out and finished articles coming back (for the progress bar) crosses between
processes, no segment is ever merged, and the parent only names the segments in the TOC.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from ..archive import Article, Problem
from ..archive.annotate import annotate, prepare
from ..archive.article import article_id

from .errors import WorkerFailed
from .schema import article_fields
from .segment import SegmentBuilder

# Documents go to workers in batches: one pickle per batch, and work shared evenly.
BATCH = 64
# A worker starts a new segment after this many postings (about 60 bytes each in memory,
# all told): 35,000 full articles make about 32 million, two segments with two workers.
SEGMENT_POSTINGS = 24_000_000
# How often (seconds) a waiting process looks whether the other side is still alive.
POLL = 0.5
_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


@dataclass
class Indexed:
    """What indexing some documents produced: segments not yet in any TOC, and the articles."""

    segments: list = field(default_factory=list)
    articles: dict[str, str] = field(default_factory=dict)  # id -> source
    problems: list[Problem] = field(default_factory=list)


Progress = Callable[[Article | Problem], None]


def index_documents(storage, indexname: str, schema, items: Iterable, jobs: int = 1,
                    progress: Progress | None = None, inherited: Iterable[int] = ()) -> Indexed:
    """Annotate and index (Document, Place) items into new segments of the storage.

    Problems among the items are collected; a record whose id was already seen is left out
    (the same record twice in one file: the first one counts).  `inherited` are file
    descriptors a worker must close at once (the index's writer lock, so that a worker
    outliving a killed parent never keeps the index locked).
    """
    done = Indexed()

    def report(item) -> None:
        if isinstance(item, Problem):
            done.problems.append(item)
        else:
            done.articles[item.id] = item.source
        if progress:
            progress(item)

    documents = _first_of_each(items, report)
    if jobs <= 1:
        done.segments = _build(storage, indexname, schema, documents, report)
    else:
        done.segments = _build_in_workers(storage, indexname, schema, documents, jobs, report,
                                          tuple(inherited))
    return done


def _first_of_each(items: Iterable, report) -> Iterator:
    """Documents with an id not seen before; problems go straight to `report`."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Problem):
            report(item)
            continue
        ident = article_id(item[0].source, item[0].key)
        if ident not in seen:
            seen.add(ident)
            yield item


def _build(storage, indexname, schema, documents, report) -> list:
    """Index in this process; returns the segments written."""
    segments, builder = [], None
    for doc, place in documents:
        article = annotate(doc, place)
        if builder is None:
            builder = SegmentBuilder(storage, indexname, schema)
        builder.add(article_fields(article))
        report(article)
        if builder.postings >= SEGMENT_POSTINGS:
            segments.append(builder.finish())
            builder = None
    if builder is not None:
        segments.append(builder.finish())
    return segments


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _build_in_workers(storage, indexname, schema, documents, jobs, report, inherited) -> list:
    parent = os.getpid()
    segments: list = []

    def handle(message) -> bool:
        kind, payload = message
        if kind == "articles":
            for article in payload:
                report(article)
        elif kind == "done":
            segments.extend(payload)
            return True
        else:
            raise WorkerFailed(f"an indexing worker failed:\n{payload}")
        return False

    run_workers(_work, lambda number: (storage, indexname, schema, parent, inherited), jobs,
                _batches(documents, BATCH), handle)
    return segments


def run_workers(target, arguments, jobs: int, tasks_of: Iterable, handle) -> None:
    """`jobs` forked processes each running target(tasks, results, *arguments(number)): every
    item of `tasks_of` handed out in turn (at most two per worker waiting), then one None each
    (the end); every message they send handed to `handle`, which says whether it was a
    worker's last.  A worker that dies is WorkerFailed; none outlives the call."""
    prepare()  # load the gazetteers once, before the fork shares them with the workers
    context = multiprocessing.get_context("fork")
    tasks = context.Queue(maxsize=2 * jobs)
    results = context.Queue()
    workers = [context.Process(target=target, daemon=True, args=(tasks, results, *arguments(number)))
               for number in range(jobs)]
    for worker in workers:
        worker.start()
    finished = 0

    def drain(wait: float) -> None:
        nonlocal finished
        try:
            message = results.get(timeout=wait) if wait else results.get_nowait()
            while True:
                finished += bool(handle(message))
                message = results.get_nowait()
        except queue.Empty:
            _check_alive(workers)

    def send(task) -> None:
        while True:
            try:
                tasks.put(task, timeout=POLL)
                return
            except queue.Full:
                drain(0)  # meanwhile: progress, and whether a worker died

    try:
        for task in tasks_of:
            send(task)
            drain(0)
        for _ in workers:
            send(None)  # the end: each worker finishes its part
        while finished < len(workers):
            drain(POLL)
        for worker in workers:
            worker.join()
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.kill()
                worker.join()


def _check_alive(workers) -> None:
    dead = [w for w in workers if w.exitcode not in (None, 0)]
    if dead:
        raise WorkerFailed(f"an indexing worker died (exit code {dead[0].exitcode})")


def _die_with(parent: int) -> None:
    """Have the kernel kill this worker when its parent dies, as a `kill -9` of a build does.

    Without it an orphan would go on writing into a folder the next build may be reusing;
    where prctl is missing, the worker's polling for its parent is the fallback.
    """
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _work(tasks, results, storage, indexname, schema, parent: int, inherited) -> None:
    """A worker: batches of documents in, finished articles out, one segment per budget."""
    for descriptor in inherited:
        os.close(descriptor)
    _die_with(parent)
    try:
        segments, builder = [], None
        while True:
            try:
                batch = tasks.get(timeout=POLL)
            except queue.Empty:
                if os.getppid() != parent:  # the parent was killed: nobody will commit this
                    os._exit(1)
                continue
            if batch is None:
                break
            articles = []
            for doc, place in batch:
                article = annotate(doc, place)
                if builder is None:
                    builder = SegmentBuilder(storage, indexname, schema)
                builder.add(article_fields(article))
                articles.append(article)
                if builder.postings >= SEGMENT_POSTINGS:
                    segments.append(builder.finish())
                    builder = None
            results.put(("articles", articles))
        if builder is not None:
            segments.append(builder.finish())
        results.put(("done", segments))
    except BaseException:  # noqa: BLE001 - every failure must reach the parent, which raises it
        results.put(("error", traceback.format_exc()))
    results.close()
    results.join_thread()
