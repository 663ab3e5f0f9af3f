"""Writing an archive into searchd shards: a full rebuild into the idle slot, then a switch;
updates and deletions of single articles on the shard that owns them."""

from __future__ import annotations

import datetime as dt
import os
import queue
import shutil
import threading
import time
from pathlib import Path

from ...archive import Article, Problem
from ...archive.defaults import absolute, corpus_root
from ..build import BuildSummary
from ..schema import article_fields
from . import dictionary, vocabulary
from ..errors import IndexNotFound
from .client import Connection, numbers, quote
from .cluster import LIVE, Cluster, write_json
from .chunks import merge_chunks
from .documents import finished_row, replace_values, row, row_values
from .ingest import corpus_articles, corpus_documents
from .shards import document_id, shard_of
from .spool import SPOOL_PREFIX, Spooled, remove_abandoned, spool

# One REPLACE statement's bytes, about.  searchd 2.2 inserts far slower in big statements:
# 5,000 synthesised articles (142 MB of statements) took 40 s into one shard in 12 MB
# statements, 17.6 s in 1 MB ones, 10.5 s in 256 KB ones and 9.9 s in 64 KB ones
# (2 cores; README "Rebuilding"): below a few hundred KB the round trips begin to count.
BATCH_BYTES = 256 << 10


# A batch of several MB may take a busy shard many seconds to insert (it timed out at the
# searches' 15 s on two loaded cores): writes wait longer, and a dead shard still fails
# at once (connection refused).
WRITE_SECONDS = 300.0


def _connections(cluster: Cluster) -> list[Connection]:
    return [Connection(s.host, s.port, read_timeout=WRITE_SECONDS) for s in cluster.shards]


class _Sender:
    """REPLACE rows on one shard in statements of about BATCH_BYTES, sent by a thread of its
    own: the shards insert side by side while the next rows are made (at most a few
    statements wait per shard, so memory stays bounded).  A failure is raised at the next
    add or close."""

    def __init__(self, connection: Connection, index: str):
        self.connection, self.index = connection, index
        self.batch: list[str] = []
        self.size = 0
        self._queue: queue.Queue[str | None] = queue.Queue(maxsize=8)
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._work, daemon=True)
        self._thread.start()

    def _work(self) -> None:
        while (statement := self._queue.get()) is not None:
            if self._failure is None:
                try:
                    self.connection.execute(statement)
                except BaseException as exc:  # handed to the writing thread, never lost
                    self._failure = exc

    def _check(self) -> None:
        if self._failure is not None:
            raise self._failure

    def add(self, r: dict) -> None:
        self._check()
        values = row_values(r)
        self.batch.append(values)
        self.size += len(values.encode("utf-8"))
        if self.size > BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self._queue.put(replace_values(self.index, self.batch))
        self.batch, self.size = [], 0

    def close(self) -> None:
        """Send what is left, wait for every statement, raise the first failure."""
        self.flush()
        self._queue.put(None)
        self._thread.join()
        self._check()


def _send(connection: Connection, index: str, rows: list[dict]) -> None:
    sender = _Sender(connection, index)
    try:
        for r in rows:
            sender.add(r)
    finally:
        sender.close()


def rebuild(corpus: Path, cluster: Cluster, progress=None, jobs: int = 1) -> BuildSummary:
    """Index the corpus into the idle slot of every shard, then make it live at once;
    `jobs` processes annotate and analyse the articles; `progress` is told of each article
    and problem, as build_index tells it."""
    started = time.perf_counter()
    items, digests = corpus_documents(corpus)
    problems: list[Problem] = []

    def problem(item: Problem) -> None:
        problems.append(item)
        if progress:
            progress(item)

    # Two passes: the facet values need every article (people are joined across them), and
    # the keys of every text at once would not fit in memory (4 GB at 35,000 articles): the
    # first analyses each article once and spools its row, keeping the little the columns
    # need; the second adds the facet ids to each spooled row and sends it.
    remove_abandoned(cluster.folder)
    folder = cluster.folder / f"{SPOOL_PREFIX}{os.getpid()}"
    try:
        spooled = spool(items, folder, jobs, problem, progress)
        count = len(spooled.parts)
        columns = _send_all(cluster, spooled)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    slot = cluster.idle_slot()
    # One chunk: one set of word statistics (chunks.py); merged once the spool is gone, as
    # the merge needs the room of a second copy of the shard.
    connections = _connections(cluster)
    try:
        merge_chunks(connections, slot)
    finally:
        for connection in connections:
            connection.close()
    dictionary.save(cluster.folder / f"dictionary-{slot}.json", columns)
    vocabulary.save(cluster.folder / f"vocabulary-{slot}.json", spooled.words)
    root = corpus_root(absolute(corpus))
    write_json(cluster.folder / LIVE, {
        "slot": slot, "articles": count, "next_seq": count,
        "years": _years(spooled.parts),
        "corpus": str(root), "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "shards": [s.address for s in cluster.shards], "files": digests})
    summary = BuildSummary(full=True, read=count, added=count, problems=problems,
                           location=str(cluster.folder))
    summary.seconds = time.perf_counter() - started
    return summary


def _send_all(cluster: Cluster, spooled: Spooled):
    """The second pass: every spooled row, its facet ids added, into the idle slot of its
    shard, then flushed there (not yet merged); the archive's columns."""
    columns = dictionary.archive_columns(spooled.parts)
    ids = dictionary.value_ids(columns)
    slot = cluster.idle_slot()
    connections = _connections(cluster)
    officials = columns.facets["official"]
    senders = []
    try:
        for connection in connections:
            connection.execute(f"TRUNCATE RTINDEX {slot}")
        senders = [_Sender(c, slot) for c in connections]
        for seq, prepared in enumerate(spooled.rows()):
            senders[shard_of(prepared["aid"], len(connections))].add(
                finished_row(prepared, {name: values[seq] for name, values in ids.items()},
                             dictionary.leading_keys(officials, ids["official"][seq])))
        for sender in senders:
            sender.close()
        senders = []
        for connection in connections:
            connection.execute(f"FLUSH RTINDEX {slot}")  # on disk before the switch
    finally:
        for sender in senders:  # a failure: stop the threads before the connections close
            sender._queue.put(None)
            sender._thread.join()
        for connection in connections:
            connection.close()
    return columns


def _years(fields: list[dict], known: list[int] = ()) -> list[int]:
    """The first and the last year the articles (and `known`) are dated in; [0, 0] if none:
    what bounds a date range typed in a query (dates.cover)."""
    found = [int(f["day"]) // 10000 for f in fields if int(f["day"])] + list(known)
    return [min(found), max(found)] if found else [0, 0]


def update(cluster: Cluster, articles: list[Article]) -> int:
    """Add or replace articles on their owning shards; returns how many were written.

    Facet values the archive has not met get new ids (appended, so the old ids hold).
    Officials are resolved against the other articles at rebuild only (README: searchd).
    """
    live = cluster.live()
    slot = live["slot"]
    path = cluster.folder / f"dictionary-{slot}.json"
    known = dictionary.load(path)
    fields = [article_fields(a) for a in articles]
    columns = dictionary.archive_columns(fields)
    connections = _connections(cluster)
    seq = int(live["next_seq"])
    try:
        local = dictionary.value_ids(columns)
        for i, f in enumerate(fields):
            ids = {name: sorted(dictionary.extend(known[name], columns.facets[name], local[name][i]))
                   for name in local}
            connection = connections[shard_of(f["id"], len(connections))]
            # An article moves no shard (its id fixes it), but a replaced one keeps no old row
            # elsewhere either: the same id is the same document id.
            _send(connection, slot, [row(f, seq, ids, dictionary.leading_keys(known["official"], ids["official"]))])
            seq += 1
        merge_chunks(connections, slot, wait=False)  # the new rows join the shard's statistics
    finally:
        for connection in connections:
            connection.close()
    dictionary.save_facets(path, known)
    words = cluster.folder / f"vocabulary-{slot}.json"
    vocabulary.save(words, vocabulary.count_words(fields, vocabulary.load_counts(words)))
    known_years = [y for y in live.get("years", []) if y]
    write_json(cluster.folder / LIVE, {**live, "next_seq": seq,
                                       "years": _years(fields, known_years)})
    return len(fields)


def update_corpus(corpus: Path, cluster: Cluster, progress=None, jobs: int = 1) -> BuildSummary:
    """Re-read the files of the corpus added or changed since the last build (by digest, as
    build_index does), replace their articles on their shards, remove those of changed and
    deleted files; a rebuild when the corpus is another or nothing was built yet."""
    started = time.perf_counter()
    try:
        live = cluster.live()
    except IndexNotFound:
        return rebuild(corpus, cluster, progress, jobs)
    if live.get("corpus") != str(corpus_root(absolute(corpus))) or "files" not in live:
        return rebuild(corpus, cluster, progress, jobs)
    _, _, digests = corpus_articles(corpus, only=set())
    known = live["files"]
    changed = {s for s, d in digests.items() if known.get(s) != d}
    gone = set(known) - set(digests)
    articles, problems, _ = corpus_articles(corpus, only=changed) if changed else ([], [], {})
    for item in (*problems, *articles) if progress else ():
        progress(item)
    before = set(_ids_of(cluster, changed | gone))
    new_ids = {a.id for a in articles}
    delete(cluster, sorted(before - new_ids))
    if articles:
        update(cluster, articles)
    write_json(cluster.folder / LIVE, {**cluster.live(), "files": digests,
                                       "articles": live["articles"] + len(new_ids - before) - len(before - new_ids)})
    summary = BuildSummary(full=False, read=len(articles), added=len(new_ids - before),
                           updated=len(new_ids & before), removed=len(before - new_ids),
                           unchanged=live["articles"] - len(before), problems=problems,
                           location=str(cluster.folder))
    summary.seconds = time.perf_counter() - started
    return summary


def _ids_of(cluster: Cluster, sources: set[str]) -> list[str]:
    """The ids of the articles the live index holds from these files, on every shard."""
    if not sources:
        return []
    slot = cluster.live()["slot"]
    found = []
    connections = _connections(cluster)
    try:
        for connection in connections:
            for source in sorted(sources):
                rows = connection.execute(f"SELECT aid FROM {slot} WHERE source = {quote(source)} "
                                          "LIMIT 100000 OPTION max_matches=100000")[0]
                found += [r[0] for r in rows]
    finally:
        for connection in connections:
            connection.close()
    return found


def delete(cluster: Cluster, article_ids: list[str]) -> None:
    """Remove articles from the shards that own them."""
    slot = cluster.live()["slot"]
    connections = _connections(cluster)
    try:
        for article_id in article_ids:
            connection = connections[shard_of(article_id, len(connections))]
            connection.execute(f"DELETE FROM {slot} WHERE id IN {numbers([document_id(article_id)])}")
    finally:
        for connection in connections:
            connection.close()
