"""The backend seam: what the web UI, the CLI and embedding programs may ask of an archive,
whichever engine holds it.

Two backends answer the same SearchRequest with the same SearchResult, Hit, facets, notes
and suggestions: the embedded Whoosh index (`whoosh`, the default; `Archive`) and a sharded
searchd cluster (`searchd`; searchd/archive.py).  Which one an archive folder is: the
caller's choice, else WARDNEWS_BACKEND, else what the folder holds (a searchd archive's
folder holds its configuration file, cluster.json).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..archive import Article
from .errors import SearchError
from .plan import Highlighter
from .request import SearchRequest
from .results import Hit, SearchResult, Stats

BACKENDS = ("whoosh", "searchd")
ENVIRONMENT = "WARDNEWS_BACKEND"
SEARCHD_CONFIG = "cluster.json"


@runtime_checkable
class Backend(Protocol):
    """An opened archive: searching, reading and counting, the same on every backend."""

    location: Path

    def search(self, request: SearchRequest | str | None = None, /, **options) -> SearchResult: ...

    def iter_results(self, request: SearchRequest | str | None = None, /, **options): ...

    def position(self, request, article_id: str, /, **options): ...

    def article(self, article_id: str) -> Article: ...

    def more_like_this(self, article_id: str, limit: int = 5) -> tuple[Hit, ...]: ...

    def career(self, official: str): ...

    def stats(self) -> Stats: ...

    def highlighter(self, query: str, reading: str = "strict") -> Highlighter: ...

    def refresh(self) -> None: ...

    def close(self) -> None: ...


def backend_name(location: str | Path | None = None, chosen: str | None = None) -> str:
    """The backend to use: the one chosen, WARDNEWS_BACKEND, or what the folder holds.

    >>> backend_name(None, "searchd"), backend_name("/nonexistent")
    ('searchd', 'whoosh')
    """
    name = chosen or os.environ.get(ENVIRONMENT)
    if not name:
        from .store import index_location

        held = (index_location(location) / SEARCHD_CONFIG).exists()
        name = "searchd" if held else "whoosh"
    if name not in BACKENDS:
        raise SearchError(f"{name!r} is not a backend; the backends are {', '.join(BACKENDS)} "
                          f"(--backend or {ENVIRONMENT})")
    return name


def open_backend(location: str | Path | None = None, backend: str | None = None) -> Backend:
    """Open an archive on its backend (see backend_name); the embedded one by default."""
    if backend_name(location, backend) == "searchd":
        from .searchd.archive import SearchdArchive
        from .store import index_location

        return SearchdArchive(index_location(location))
    from .search import Archive

    return Archive(location)


def build_archive(corpus: Path, location: str | Path | None = None, backend: str | None = None, *,
                  full: bool = False, jobs: int = 1, progress=None, shards: str | None = None,
                  head: str | None = None):
    """Build or update an archive on its backend; a BuildSummary.

    searchd: `shards` ("host:port,...") and `head` ("host:port"), when given, are saved as
    the folder's cluster.json first; a full build (or new shards) fills the idle indexes
    and switches them live when complete, an update replaces the articles of changed files
    on their shards.
    """
    from .store import index_location

    location = index_location(location)
    if backend_name(location, "searchd" if shards else backend) == "whoosh":
        from .build import build_index

        return build_index(corpus, location, full=full, jobs=jobs, progress=progress)
    from .searchd.cluster import Cluster
    from .searchd.shards import parse_shards
    from .searchd.writer import rebuild, update_corpus

    if shards:
        Cluster(location, parse_shards(shards), parse_shards(head)[0] if head else None).save()
        full = True  # another shard map: every article may live elsewhere now
    build = rebuild if full else update_corpus
    return build(corpus, Cluster.load(location), progress, jobs=jobs)
