"""Find the article files under a folder and read each with the reader for its format."""

from __future__ import annotations

import errno
import os
import stat
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
    """Where a file is, as articles name their source: relative to the root, "/" separated.

    Bytes of a file name that are not UTF-8 are shown escaped ("caf\\xe9.txt"), so the
    source is text every page, export and JSON can hold.
    """
    path, root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    try:
        shown = path.relative_to(root).as_posix() if root != path else path.name
    except ValueError:
        shown = path.name
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


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

    Files of other types come out as "skipped" Problems, folders and links that cannot be
    read as "rejected" ones: never silently left out, and never the end of the walk.
    """
    root = Path(root)
    try:
        is_dir = root.is_dir()
    except OSError as exc:  # a link to itself, a name too long
        yield Problem(relative_source(root, root), _unreadable(exc))
        return
    if not is_dir:
        if root.is_file() and file_type(root) is None:
            yield _skipped(root, root)
        else:  # a missing path is read_file's to report, with the reason
            yield root
        return
    yield from _walk(root, root, {_identity(root)})


DANGLING = "a symbolic link to nothing (its target is gone): not read; remove or fix the link"


def _identity(folder: Path) -> tuple[int, int]:
    found = os.stat(folder)
    return found.st_dev, found.st_ino


def _unreadable(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link that points to itself (a loop): not read; remove or fix the link"
    return f"cannot be read: {exc.strerror or exc}; check its permissions"


def _walk(folder: Path, root: Path, seen: set) -> Iterator[Path | Problem]:
    """Files and subfolders in one sorted sequence, so a/x.txt comes before b.txt.

    Linked folders are followed once: a link back to a folder already read (`ln -s . loop`,
    a link to a parent) is skipped with the reason, so the walk always ends.
    """
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if not _is_ignored(e.name))
    except OSError as exc:
        yield Problem(relative_source(folder, root), f"folder {_unreadable(exc)}")
        return
    for name in names:
        path = folder / name
        try:
            found = os.stat(path)  # through links: a link to a folder is a folder
        except FileNotFoundError:
            yield Problem(relative_source(path, root), DANGLING if path.is_symlink()
                          else "gone while the folder was read: not read")
            continue
        except OSError as exc:
            yield Problem(relative_source(path, root), _unreadable(exc))
            continue
        is_dir, identity = stat.S_ISDIR(found.st_mode), (found.st_dev, found.st_ino)
        if is_dir:
            if identity in seen or _contains(path, root):
                yield Problem(relative_source(path, root), "a link back to a folder already read "
                              "(a loop): not followed", kind="skipped")
                continue
            seen.add(identity)
            yield from _walk(path, root, seen)
        else:
            yield path if file_type(path) else _skipped(path, root)


def _contains(folder: Path, root: Path) -> bool:
    """Whether a (linked) folder holds the root: following it would read the root again."""
    target, top = os.path.realpath(folder), os.path.realpath(root)
    return top == target or top.startswith(target.rstrip(os.sep) + os.sep)


def read_file(path: Path, root: Path) -> Iterator[Document | Problem]:
    """The articles of one file, with a Problem for each record (or the file) left out."""
    path, root = Path(path), Path(root)
    source = relative_source(path, root)
    suffix = file_type(path)
    if suffix is None:
        yield _skipped(path, root)
        return
    try:
        is_file = path.is_file()
    except OSError as exc:
        yield Problem(source, _unreadable(exc))
        return
    if not is_file:
        reason = DANGLING if path.is_symlink() else "no such file; check the path"
        yield Problem(source, reason)
        return
    yield from _guarded(READERS[suffix](path, source), source)


def _guarded(items: Iterator[Document | Problem], source: str) -> Iterator[Document | Problem]:
    """A reader's items; an error it did not foresee ends the file with a Problem naming it,
    and what it read before is kept."""
    count = 0
    try:
        for item in items:
            count += 1
            yield item
    except RecursionError:
        yield Problem(source, f"nested too deeply to read, after {count} records; "
                              "check the file's structure")
    except Exception as exc:  # a reader's mistake on one file must not end the run: said
        yield Problem(source, f"could not be read after {count} records ({type(exc).__name__}: "
                              f"{exc}); the records before were kept; please report this")
