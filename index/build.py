"""Building an index from a corpus: a full rebuild beside the old one, or an update by file.

Files are recognised by the SHA-1 of their bytes: an update re-reads only files that were
added or changed, and removes the articles of deleted ones.  Every write happens under the
index's one writer lock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index

from archive import Article, Problem
from archive.pipeline import articles_of_files
from archive.read import iter_files

from .schema import article_fields, make_schema
from .store import (
    current_generation,
    new_generation,
    publish,
    read_build_info,
    remove_abandoned,
    write_build_info,
    write_lock,
)
from .errors import IndexNotFound

# Whoosh buffers this many MB of postings per writer process before flushing a run.
WRITER_MEMORY_MB = 256


@dataclass
class BuildSummary:
    """What a build did, for the summary a user reads at the end."""

    full: bool
    read: int = 0  # articles read from added or changed files
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0  # articles of files that did not change
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    files: int = 0
    location: str = ""

    @property
    def rejected(self) -> list[Problem]:
        return [p for p in self.problems if p.kind == "rejected"]

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.kind == "skipped"]


Progress = Callable[[Article | Problem], None]


def file_hash(path: Path) -> str:
    """SHA-1 of a file's bytes, read in blocks so large archives need little memory."""
    digest = hashlib.sha1()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path != root else path.name


def build_index(
    corpus: Path,
    location: Path,
    full: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> BuildSummary:
    """Build or update the index at `location` from the corpus; returns what was done."""
    started = time.perf_counter()
    location = Path(location)
    corpus = Path(corpus).resolve()
    root = corpus if corpus.is_dir() else corpus.parent
    with write_lock(location):
        remove_abandoned(location)
        try:
            generation = current_generation(location)
        except IndexNotFound:
            generation, full = None, True
        previous = read_build_info(generation) if generation else {}
        if previous.get("corpus") and previous["corpus"] != str(root):
            full = True  # another corpus: nothing of the old index can be kept
        files, problems = _scan(corpus, root)
        if full:
            summary = _rebuild(files, root, location, jobs, progress)
        else:
            summary = _update(files, root, generation, previous, progress)
        summary.problems = problems + summary.problems
    summary.seconds = time.perf_counter() - started
    summary.files = len(files)
    summary.location = str(location)
    return summary


def _scan(corpus: Path, root: Path) -> tuple[dict[str, tuple[Path, str]], list[Problem]]:
    files: dict[str, tuple[Path, str]] = {}
    problems: list[Problem] = []
    for item in iter_files(corpus):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            files[_relative(item, root)] = (item, file_hash(item))
    return files, problems


def _add_articles(writer, paths: list[Path], root: Path, jobs: int, progress,
                  summary: BuildSummary, per_file: dict[str, list]) -> set[str]:
    """Index the articles of the files; returns their ids.  Problems go to the summary."""
    ids: set[str] = set()
    for item in articles_of_files(paths, root, jobs=jobs):
        if progress:
            progress(item)
        if isinstance(item, Problem):
            summary.problems.append(item)
            per_file.setdefault(item.source, []).append(_problem_json(item))
            continue
        if item.id in ids:
            continue  # the same record twice in one file: keep the first
        ids.add(item.id)
        summary.read += 1
        writer.add_document(**article_fields(item))
    return ids


def _problem_json(problem: Problem) -> dict:
    return {"source": problem.source, "reason": problem.reason, "where": problem.where,
            "kind": problem.kind}


def _rebuild(files, root, location, jobs, progress) -> BuildSummary:
    summary = BuildSummary(full=True)
    building = new_generation(location)
    ix = whoosh_index.create_in(str(building), make_schema())
    # Two index writers build separate segments side by side; merging them would cost
    # as much as the build itself and searches are no faster for it.
    writer = ix.writer(procs=jobs, multisegment=jobs > 1, limitmb=WRITER_MEMORY_MB)
    problems: dict[str, list] = {}
    try:
        ids = _add_articles(writer, [p for p, _ in files.values()], root, jobs, progress,
                            summary, problems)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    summary.added = len(ids)
    write_build_info(building, _info(root, files, problems, len(ids)))
    publish(location, building)
    return summary


def _update(files, root, generation, previous, progress) -> BuildSummary:
    summary = BuildSummary(full=False)
    known: dict[str, dict] = previous.get("files", {})
    changed = [rel for rel, (_, digest) in files.items() if known.get(rel, {}).get("sha1") != digest]
    deleted = [rel for rel in known if rel not in files]
    problems: dict[str, list] = {rel: known[rel].get("problems", []) for rel in files
                                 if rel in known and rel not in changed}
    for rel, found in problems.items():  # files still rejected as they were: say so again
        summary.problems.extend(Problem(**p) for p in found)
    ix = whoosh_index.open_dir(str(generation))
    writer = ix.writer(limitmb=WRITER_MEMORY_MB)
    try:
        with ix.searcher() as searcher:
            old_ids = {rel: _ids_of(searcher, rel) for rel in changed + deleted}
            total_before = searcher.doc_count()
        for rel in changed + deleted:
            writer.delete_by_term("source", rel)
        new_ids = _add_articles(writer, [files[rel][0] for rel in changed], root, 1, progress,
                                summary, problems)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    before = set().union(*old_ids.values()) if old_ids else set()
    summary.added = len(new_ids - before)
    summary.updated = len(new_ids & before)
    summary.removed = len(before - new_ids)
    summary.unchanged = total_before - len(before)
    with ix.searcher() as searcher:
        count = searcher.doc_count()
    write_build_info(generation, _info(root, files, problems, count))
    return summary


def _ids_of(searcher, source: str) -> set[str]:
    return {fields["id"] for fields in searcher.documents(source=source)}


def _info(root: Path, files, problems: dict[str, list], articles: int) -> dict:
    return {
        "corpus": str(root),
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "articles": articles,
        "files": {
            rel: {"sha1": digest, "problems": problems.get(rel, [])}
            for rel, (_, digest) in files.items()
        },
    }
