"""The search module's named errors; their messages say what to do next."""

from __future__ import annotations

from pathlib import Path


class SearchError(Exception):
    """Base of the errors the search module raises on purpose."""


class IndexNotFound(SearchError):
    """There is no index at the location, or it is incomplete."""

    def __init__(self, root: Path, detail: str | None = None):
        self.root = root
        message = f"No index at {root}: run `wardnews index CORPUS --index {root}` first"
        super().__init__(f"{message} ({detail})" if detail else message)


class IndexBusy(SearchError):
    """Another process is writing the index."""

    def __init__(self, root: Path, holder: str = ""):
        self.root = root
        who = f" (process {holder})" if holder else ""
        super().__init__(
            f"Another `wardnews index` is writing {root}{who}; wait for it to finish and run again"
        )


class BadRequest(SearchError):
    """A search request with a parameter out of range; the message names it."""


class ArticleNotFound(SearchError):
    """No article with that id in the index."""

    def __init__(self, article_id: str):
        self.article_id = article_id
        super().__init__(f"No article with id {article_id!r} in this index")
