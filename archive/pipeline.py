"""Folders and files to Articles, with every file or record left out reported as a Problem."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from .annotate import annotate, prepare
from .article import Article, Document
from .defaults import Place, corpus_root, place_for
from .errors import Problem
from .read import iter_files, read_file

# Documents travel to worker processes in batches: one pickle per batch, not per article.
BATCH = 64
# The text of one article, of any format: about 2,500 printed pages, far past any news
# article.  Annotating and indexing take about 30 bytes of memory per character, so this
# bounds what one article costs the process that indexes it (about 250 MB, measured).
MAX_TEXT_CHARS = 5_000_000


def text_too_large_reason(size: int) -> str:
    """The reason an article whose text has `size` characters is refused."""
    return (f"article text too large: {size / 1e6:.1f} million characters, over the "
            f"{MAX_TEXT_CHARS / 1e6:.0f} million limit for one article; split it")


def _where(doc: Document) -> str | None:
    if doc.key is None:
        return None
    return doc.key if doc.key.startswith(("line ", "record ")) else f"record {doc.key}"


def documents_of(files: Iterable[Path | Problem], root: Path,
                 reported: set | None = None) -> Iterator[tuple[Document, Place] | Problem]:
    """The documents of the given files, each with the place its folders declare, in order.

    A corpus.toml's problems come once, before the first file they concern; `reported`
    holds those already said (the caller may have checked them before).
    """
    reported = set() if reported is None else reported
    for item in files:
        if isinstance(item, Problem):
            yield item
            continue
        place, problems = place_for(item, root)
        for problem in problems:
            if (problem.source, problem.reason) not in reported:
                reported.add((problem.source, problem.reason))
                yield problem
        for doc in read_file(item, root):
            if isinstance(doc, Problem):
                yield doc
            elif (size := sum(map(len, doc.paragraphs)) + len(doc.title)) > MAX_TEXT_CHARS:
                yield Problem(doc.source, text_too_large_reason(size), _where(doc))
            else:
                yield doc, place


def iter_documents(path: Path) -> Iterator[tuple[Document, Place] | Problem]:
    """Every document under a folder (or in one file) with its place, in order; sources are
    relative to the corpus root (see defaults.corpus_root)."""
    path = Path(path)
    return documents_of(iter_files(path), corpus_root(path))


def _annotate_batch(batch: list[tuple[Document, Place] | Problem]) -> list[Article | Problem]:
    return [item if isinstance(item, Problem) else annotate(*item) for item in batch]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def annotate_all(documents: Iterable, jobs: int = 1) -> Iterator[Article | Problem]:
    """Annotate documents, in that many processes when jobs > 1; the order is kept."""
    if jobs <= 1:
        for batch in _batches(documents, BATCH):
            yield from _annotate_batch(batch)
        return
    prepare()  # load the gazetteers once, before the fork shares them with the workers
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        for annotated in pool.imap(_annotate_batch, _batches(documents, BATCH), chunksize=1):
            yield from annotated


def read_articles(roots: Iterable[Path] | Path, jobs: int = 1) -> Iterator[Article | Problem]:
    """Read, clean, normalise and annotate every article under the given folders or files."""
    roots = [roots] if isinstance(roots, (str, Path)) else list(roots)
    return annotate_all((item for root in roots for item in iter_documents(Path(root))), jobs)
