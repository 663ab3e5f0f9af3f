"""Serve the web UI with waitress (a real WSGI server), building the index first if needed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

# The repository's demo corpus, beside the package in a checkout or an editable install.
REPOSITORY_CORPUS = Path(__file__).resolve().parents[1] / "corpus"


class ServeError(Exception):
    """The archive cannot be served as asked; the message says what to do."""


def default_corpus() -> Path:
    """The corpus served when none is named: the repository's demo corpus, else ./corpus."""
    return REPOSITORY_CORPUS if REPOSITORY_CORPUS.is_dir() else Path("corpus")


def has_index(location: Path) -> bool:
    """Whether `location` holds a complete index that searches can open."""
    from index.errors import IndexNotFound
    from index.store import current_generation

    try:
        current_generation(Path(location))
    except IndexNotFound:
        return False
    return True


def ensure_index(location: Path, corpus: Path | None, announce: Callable[[str], None] = print):
    """Build the index at `location` from `corpus` when there is none; the build summary or None."""
    if has_index(location):
        return None
    corpus = Path(corpus) if corpus is not None else default_corpus()
    if not corpus.exists():
        raise ServeError(
            f"No index at {location} and no corpus to build it from: {corpus} does not exist. "
            "Give --corpus DIR (a folder of articles) or --index DIR (a built index)"
        )
    from index import build_index

    announce(f"No index at {location} yet: building it from {corpus} ...")
    summary = build_index(corpus, location)
    if not summary.added:
        reasons = "; ".join(map(str, summary.rejected[:3]))
        raise ServeError(f"No article could be read from {corpus}: nothing to serve"
                         + (f" ({reasons})" if reasons else ""))
    return summary


def url_of(host: str, port: int) -> str:
    """The address a browser opens for a server on host:port.

    >>> url_of("127.0.0.1", 8080)
    'http://127.0.0.1:8080/'
    >>> url_of("::1", 8080)
    'http://[::1]:8080/'
    """
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def make_server(location: Path, corpus: Path | None, host: str = "127.0.0.1", port: int = 8080,
                threads: int = 4):
    """A waitress server of the app over the index at `location` (port 0 picks a free one)."""
    import waitress

    from . import create_app

    settings = {"WARDNEWS_INDEX": str(location)}
    if corpus is not None:
        settings["WARDNEWS_CORPUS"] = str(corpus)
    app = create_app(settings)
    with app.app_context():  # open the index now: no first visitor waits for it
        from .state import get_archive

        get_archive()
    try:
        # clear_untrusted_proxy_headers: no proxy is trusted, so its headers are dropped.
        return waitress.create_server(app, host=host, port=port, threads=threads,
                                      clear_untrusted_proxy_headers=True, ident="wardnews")
    except OSError as exc:
        raise ServeError(f"Cannot listen on {host}:{port}: {exc.strerror or exc}. "
                         "Choose another --port or --host") from None


def bound_port(server) -> int:
    """The port a waitress server listens on (the one chosen when port 0 was asked)."""
    return int(server.effective_port)


def serve(index: str | os.PathLike | None = None, corpus: str | os.PathLike | None = None,
          host: str = "127.0.0.1", port: int = 8080,
          announce: Callable[[str], None] = print) -> None:
    """Serve the archive at http://host:port/ until interrupted, building the index first if there is none."""
    from index import index_location

    location = index_location(index)
    if location.exists() and not location.is_dir():
        raise ServeError(f"{location} is a file, not an index folder: give --index a folder")
    if corpus is not None and not Path(corpus).exists():
        raise ServeError(f"The corpus {corpus} does not exist: give --corpus a folder of articles")
    corpus = Path(corpus) if corpus is not None else None
    ensure_index(location, corpus, announce)
    server = make_server(location, corpus or default_corpus(), host, port)
    announce(f"Serving the archive at {url_of(host, bound_port(server))} — Ctrl+C to stop")
    try:
        server.run()  # returns when interrupted: waitress handles Ctrl+C itself
    finally:
        server.close()
    announce("Stopped.")
