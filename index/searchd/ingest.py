"""The articles of a corpus, read exactly as the embedded build reads them.

The same scan, the same pipeline, the first of each id, the same annotation: the searchd
backend must answer about the same articles, not a second reading of the corpus.
"""

from __future__ import annotations

from pathlib import Path

from ...archive import Article, Problem
from ...archive.annotate import annotate
from ...archive.defaults import absolute, corpus_root
from ...archive.pipeline import documents_of
from ..build import _scan
from ..workers import _first_of_each


def corpus_articles(corpus: Path) -> tuple[list[Article], list[Problem]]:
    """Every article of a corpus in corpus order (the embedded docnum order), and the problems."""
    corpus = absolute(corpus)
    root = corpus_root(corpus)
    files, problems, reported = _scan(corpus, root)
    found: list[Problem] = list(problems)
    articles = [annotate(doc, place) for doc, place in
                _first_of_each(documents_of([p for p, _ in files.values()], root, reported),
                               found.append)]
    return articles, found
