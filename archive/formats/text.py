"""Text saved from a portal page: one article, boilerplate and all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..article import Document
from ..clean import clean_lines
from ..errors import Problem
from . import decoded, load_single

NO_TEXT = (
    "no article text left once menus, links and image names are removed; "
    "check that the file holds an article"
)


def read_text(path: Path, source: str) -> Iterator[Document | Problem]:
    """The one article of a .txt file, or the Problem that keeps it out."""
    found = decoded(load_single(path, source), source)
    if isinstance(found, Problem):
        yield found
        return
    yield text_document(found.text, source, found.encoding)


def text_document(text: str, source: str, encoding: str) -> Document | Problem:
    """A Document from a page's decoded text."""
    cleaned = clean_lines(text.split("\n"))
    if not cleaned.paragraphs:
        return Problem(source, NO_TEXT)
    return Document(
        source=source,
        key=None,
        title=cleaned.title or "",
        paragraphs=cleaned.paragraphs,
        encoding=encoding,
        category=cleaned.category,
        published=cleaned.published,
        published_from="byline" if cleaned.published else None,
    )
