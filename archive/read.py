"""Find the article files under a folder and read each with the reader for its format."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from .article import Document
from .errors import Problem
from .formats.html import read_html
from .formats.records import read_json, read_jsonl
from .formats.text import read_text
from .formats.warc import read_warc

__all__ = ["READERS", "iter_files", "read_file", "file_type", "relative_source"]

Reader = Callable[[Path, str], Iterator[Document | Problem]]

# Longest suffix first, so that "x.jsonl.gz" is JSONL and not an unknown ".gz".
READERS: dict[str, Reader] = {
    ".warc.gz": read_warc,
    ".jsonl.gz": read_jsonl,
    ".json.gz": read_json,
    ".warc": read_warc,
    ".jsonl": read_jsonl,
    ".json": read_json,
    ".html": read_html,
    ".htm": read_html,
    ".txt": read_text,
}
SUPPORTED = ".txt .html .htm .json .jsonl .warc .warc.gz (also .json.gz, .jsonl.gz)"

# Files that sit beside articles without being articles: folder defaults and notes for people.
_NOT_ARTICLES = frozenset({"corpus.toml", "readme.md", "readme", "readme.txt"})


def file_type(path: Path) -> str | None:
    """The readable type of a file by its name, case-insensitive; None if unknown.

    >>> file_type(Path("a/B.WARC.GZ")), file_type(Path("x.pdf"))
    ('.warc.gz', None)
    """
    name = path.name.lower()
    return next((suffix for suffix in READERS if name.endswith(suffix)), None)


def relative_source(path: Path, root: Path) -> str:
    """Where a file is, as articles name their source: relative to the root, "/" separated."""
    path, root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    try:
        return path.relative_to(root).as_posix() if root != path else path.name
    except ValueError:
        return path.name


def _skipped(path: Path, root: Path) -> Problem:
    suffix = "".join(path.suffixes[-1:]).lower() or "(no extension)"
    return Problem(
        relative_source(path, root),
        f"unknown file type {suffix}: not read; supported are {SUPPORTED}",
        kind="skipped",
    )


def _is_ignored(name: str) -> bool:
    # Hidden files and folders (.git, .DS_Store, editor swap files) and the folder's own
    # corpus.toml and README are never articles: leave them out without a word.
    return name.startswith(".") or name.lower() in _NOT_ARTICLES


def iter_files(root: Path) -> Iterator[Path | Problem]:
    """Every readable file under a folder (or the one file given), in sorted order.

    Files of other types come out as "skipped" Problems, never silently left out.
    """
    root = Path(root)
    if not root.is_dir():
        if root.is_file() and file_type(root) is None:
            yield _skipped(root, root)
        else:  # a missing path is read_file's to report, with the reason
            yield root
        return
    yield from _walk(root, root)


def _walk(folder: Path, root: Path) -> Iterator[Path | Problem]:
    """Files and subfolders in one sorted sequence, so a/x.txt comes before b.txt."""
    with os.scandir(folder) as entries:
        found = sorted((e.name, e.is_dir()) for e in entries if not _is_ignored(e.name))
    for name, is_dir in found:
        path = folder / name
        if is_dir:
            yield from _walk(path, root)
        else:
            yield path if file_type(path) else _skipped(path, root)


def read_file(path: Path, root: Path) -> Iterator[Document | Problem]:
    """The articles of one file, with a Problem for each record (or the file) left out."""
    path, root = Path(path), Path(root)
    source = relative_source(path, root)
    suffix = file_type(path)
    if suffix is None:
        yield _skipped(path, root)
        return
    if not path.is_file():
        yield Problem(source, "no such file; check the path")
        return
    yield from READERS[suffix](path, source)
