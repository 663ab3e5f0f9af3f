"""Building an index from a corpus: a full rebuild beside the old one, or an update by file.

Files are recognised by the SHA-1 of their bytes (never by their times): an update re-reads
only files that were added or changed, and removes the articles of changed and deleted ones.
Every write happens under the index's one writer lock.  A rebuild becomes visible when
CURRENT is switched to it (store.publish), an update when its TOC is renamed into place
(commit.commit): a kill at any moment leaves the index as it was before, or as it is after.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from ..archive import Article, Problem
from ..archive.defaults import absolute, corpus_root, declaration_files, place_for
from ..archive.pipeline import documents_of
from ..archive.read import iter_files, relative_source

from .commit import INDEXNAME, clean, commit, compact, delete_by_source, open_generation, read_toc
from .errors import IndexNotFound
from .schema import INDEX_FORMAT, make_schema
from .store import (
    current_generation,
    new_generation,
    publish,
    read_build_info,
    remove_abandoned,
    write_lock,
)
from .workers import index_documents


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

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.kind == "warning"]


Progress = Callable[[Article | Problem], None]


def file_hash(path: Path) -> str:
    """SHA-1 of a file's bytes, read in blocks so large archives need little memory."""
    digest = hashlib.sha1()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def source_digest(path: Path, root: Path) -> str:
    """SHA-1 of what a file's articles are made from: its bytes, and the corpus.toml files
    that declare its place (a changed declaration re-reads the files beneath it)."""
    own = file_hash(path)
    declared = declaration_files(path, root)
    if not declared:
        return own
    return hashlib.sha1(" ".join([own, *map(file_hash, declared)]).encode()).hexdigest()


def build_index(
    corpus: Path,
    location: Path,
    full: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> BuildSummary:
    """Build or update the index at `location` from the corpus; returns what was done.

    `jobs` processes annotate and index articles (each writes its own segments); IndexBusy
    when another process is writing this index.
    """
    started = time.perf_counter()
    location = Path(location)
    corpus = absolute(corpus)
    root = corpus_root(corpus)
    with write_lock(location) as lock:
        remove_abandoned(location)
        try:
            generation = current_generation(location)
            if not full:
                open_generation(location, generation)  # one an older wardnews wrote: rebuilt
        except IndexNotFound:  # IndexOutdated too
            generation, full = None, True
        previous = read_build_info(generation) if generation else {}
        if previous.get("corpus") and previous["corpus"] != str(root):
            full = True  # another corpus: nothing of the old index can be kept
        files, problems, reported = _scan(corpus, root)
        work = {"jobs": jobs, "progress": progress, "inherited": (lock,), "reported": reported}
        if full:
            summary = _rebuild(files, root, location, **work)
        else:
            summary = _update(files, root, generation, previous, **work)
        summary.problems = problems + summary.problems
    summary.seconds = time.perf_counter() - started
    summary.files = len(files)
    summary.location = str(location)
    return summary


def _scan(corpus: Path, root: Path):
    """The corpus's files with their digests, and the problems of files and corpus.toml
    files (said every run, changed or not), with the keys of those said."""
    files: dict[str, tuple[Path, str]] = {}
    problems: list[Problem] = []
    reported: set = set()
    for item in iter_files(corpus):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        for problem in place_for(item, root)[1]:
            if (problem.source, problem.reason) not in reported:
                reported.add((problem.source, problem.reason))
                problems.append(problem)
        source = relative_source(item, root)
        try:
            files[source] = (item, source_digest(item, root))
        except OSError as exc:  # unreadable, or gone since the folder was listed
            problems.append(Problem(source, f"cannot be read: {exc.strerror or exc}; "
                                            "check its permissions"))
    return files, problems, reported


def _index(folder: Path, schema, paths: list[Path], root: Path, summary: BuildSummary,
           reported: set, **work):
    """Index the files' articles into new segments of the folder; problems by file."""
    done = index_documents(FileStorage(str(folder)), INDEXNAME, schema,
                           documents_of(paths, root, reported), **work)
    summary.read = len(done.articles)
    summary.problems.extend(done.problems)
    problems: dict[str, list] = {}
    for problem in done.problems:
        problems.setdefault(problem.source, []).append(_problem_json(problem))
    return done, problems


def _problem_json(problem: Problem) -> dict:
    return {"source": problem.source, "reason": problem.reason, "where": problem.where,
            "kind": problem.kind}


def _rebuild(files, root, location, **work) -> BuildSummary:
    summary = BuildSummary(full=True)
    building = new_generation(location)
    schema = make_schema()
    try:
        whoosh_index.create_in(str(building), schema)
        done, problems = _index(building, schema, [p for p, _ in files.values()], root, summary,
                                **work)
        summary.added = len(done.articles)
        commit(building, schema, done.segments, _info(root, files, problems, len(done.articles)))
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)  # a kill leaves it to the next build
        raise
    publish(location, building)
    return summary


def _update(files, root, generation, previous, **work) -> BuildSummary:
    summary = BuildSummary(full=False)
    toc = read_toc(generation)
    known: dict[str, dict] = previous.get("files", {})
    # Without a record of the newest commit (an index written by other means) nothing of it
    # is trusted but the files its articles came from: every file is read again.
    indexed = set(known) if previous else _sources(generation)
    changed = [rel for rel, (_, digest) in files.items() if known.get(rel, {}).get("sha1") != digest]
    deleted = sorted(indexed - set(files))
    problems: dict[str, list] = {rel: known[rel].get("problems", []) for rel in files
                                 if rel in known and rel not in changed}
    for found in problems.values():  # files still rejected as they were: say so again
        summary.problems.extend(Problem(**p) for p in found)
    if not changed and not deleted:
        clean(generation, toc.generation)  # what a killed build may have left behind
        summary.unchanged = sum(s.doc_count() for s in toc.segments)
        return summary
    total_before = sum(s.doc_count() for s in toc.segments)
    done, new_problems = _index(generation, toc.schema, [files[rel][0] for rel in changed], root,
                                summary, **work)
    problems.update(new_problems)
    old = delete_by_source(generation, toc.schema, toc.segments, set(changed) | set(deleted))
    before = set().union(*old.values())
    new_ids = set(done.articles)
    summary.added = len(new_ids - before)
    summary.updated = len(new_ids & before)
    summary.removed = len(before - new_ids)
    summary.unchanged = total_before - len(before)
    count = total_before - len(before) + len(new_ids)
    segments = compact(generation, toc.schema, toc.segments + done.segments)
    commit(generation, toc.schema, segments, _info(root, files, problems, count))
    return summary


def _sources(generation: Path) -> set[str]:
    """The files the index's live articles came from."""
    with open_generation(generation.parent, generation).reader() as reader:
        return {s.decode("utf-8") if isinstance(s, bytes) else s for s in reader.lexicon("source")}


def _info(root: Path, files, problems: dict[str, list], articles: int) -> dict:
    return {
        "format": INDEX_FORMAT,
        "corpus": str(root),
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "articles": articles,
        "files": {
            rel: {"sha1": digest, "problems": problems.get(rel, [])}
            for rel, (_, digest) in files.items()
        },
    }
