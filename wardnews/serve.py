"""`wardnews serve`: build the index when there is none (saying what was built), then serve it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .archive import WardnewsError
from .index import build_index, has_index, index_location
from .render_search import describe_build

# The repository's demo corpus, beside the package in a checkout or an editable install.
REPOSITORY_CORPUS = Path(__file__).resolve().parents[1] / "corpus"


class ServeError(WardnewsError):
    """The archive cannot be served as asked; the message says what to do."""


def default_corpus() -> Path:
    """The corpus served when none is named: the repository's demo corpus, else ./corpus."""
    return REPOSITORY_CORPUS if REPOSITORY_CORPUS.is_dir() else Path("corpus")


def ensure_index(location: Path, corpus: Path | None, announce: Callable[[str], None] = print):
    """Build the index at `location` from `corpus` when there is none; the build summary or None.

    What was built is announced as `wardnews index` reports it: articles, rejected and
    skipped files with their reasons.
    """
    if has_index(location):
        return None
    corpus = Path(corpus) if corpus is not None else default_corpus()
    if not corpus.exists():
        raise ServeError(
            f"No index at {location} and no corpus to build it from: {corpus} does not exist. "
            "Give --corpus DIR (a folder of articles) or --index DIR (a built index)"
        )
    announce(f"No index at {location} yet: building it from {corpus} ...")
    summary = build_index(corpus, location)
    if not summary.added:
        reasons = "; ".join(map(str, summary.rejected[:3]))
        raise ServeError(f"No article could be read from {corpus}: nothing to serve"
                         + (f" ({reasons})" if reasons else ""))
    announce(describe_build(summary))
    return summary


def default_workers() -> int:
    """One worker process per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def serve(index: str | os.PathLike | None = None, corpus: str | os.PathLike | None = None,
          host: str = "127.0.0.1", port: int = 8080,
          announce: Callable[[str], None] = print, workers: int | None = None,
          backend: str | None = None) -> None:
    """Serve the archive at http://host:port/ until interrupted, building the index first if
    there is none; from `workers` processes (default: one per core) when the system can fork.
    `backend` is whoosh or searchd (index.backend); a searchd archive is never built here."""
    from .index import backend_name

    from .webui import prefork
    from .webui.server import ServerError, bound_port, check_address, make_server, url_of

    workers = workers or default_workers()
    if workers > 1 and not prefork.available():
        announce(f"{workers} worker processes need a system that can fork: serving from one")
        workers = 1

    location = index_location(index)
    if location.exists() and not location.is_dir():
        raise ServeError(f"{location} is a file, not an index folder: give --index a folder")
    if corpus is not None and not Path(corpus).exists():
        raise ServeError(f"The corpus {corpus} does not exist: give --corpus a folder of articles")
    try:
        check_address(host, port)
        backend = backend_name(location, backend)
        if backend == "whoosh":
            ensure_index(location, Path(corpus) if corpus is not None else None, announce)
        settings = {"WARDNEWS_BACKEND": backend}
        if workers > 1:
            server = prefork.make_prefork_server(location, host, port, workers, settings)
        else:
            server = make_server(location, host, port, settings=settings)
    except ServerError as exc:
        raise ServeError(f"{exc}. Choose another --port or --host") from None
    address = url_of(host, server.port if workers > 1 else bound_port(server))
    processes = f" with {workers} worker processes" if workers > 1 else ""
    announce(f"Serving the archive at {address}{processes} — Ctrl+C to stop")
    try:
        server.run()  # returns when interrupted: both servers handle Ctrl+C themselves
    except ServerError as exc:
        raise ServeError(str(exc)) from None
    finally:
        server.close()
    announce("Stopped.")
