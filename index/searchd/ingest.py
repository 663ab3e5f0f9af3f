"""The articles of a corpus, read exactly as the embedded build reads them.

The same scan, the same pipeline, the first of each id, the same annotation: the searchd
backend must answer about the same articles, not a second reading of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ...archive import Article, Problem
from ...archive.annotate import annotate
from ...archive.defaults import absolute, corpus_root
from ...archive.pipeline import documents_of
from ..build import _scan
from ..workers import _first_of_each


def corpus_documents(corpus: Path) -> tuple[Iterator, dict[str, str]]:
    """The problems and the (Document, Place) items of a corpus's articles in corpus order
    (the first of each id), read as they are iterated: annotating is left to the caller, in
    workers; and each file's digest by source."""
    corpus = absolute(corpus)
    root = corpus_root(corpus)
    files, problems, reported = _scan(corpus, root)

    def items() -> Iterator:
        yield from problems
        pending: list[Problem] = []
        for item in _first_of_each(documents_of([p for p, _ in files.values()], root, reported),
                                   pending.append):
            yield from pending
            pending.clear()
            yield item
        yield from pending

    return items(), {source: digest for source, (_, digest) in files.items()}


def corpus_articles(corpus: Path, only: set[str] | None = None
                    ) -> tuple[list[Article], list[Problem], dict[str, str]]:
    """Every article of a corpus in corpus order (the embedded docnum order), the problems,
    and each file's digest by source; `only` reads just those sources (an update)."""
    corpus = absolute(corpus)
    root = corpus_root(corpus)
    files, problems, reported = _scan(corpus, root)
    found: list[Problem] = list(problems)
    paths = [p for source, (p, _) in files.items() if only is None or source in only]
    articles = [annotate(doc, place) for doc, place in
                _first_of_each(documents_of(paths, root, reported), found.append)]
    return articles, found, {source: digest for source, (_, digest) in files.items()}
