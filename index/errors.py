"""The search module's named errors; their messages say what to do next."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..archive.errors import WardnewsError


class SearchError(WardnewsError):
    """Base of the errors the search module raises on purpose."""


class IndexNotFound(SearchError):
    """There is no index at the location, or it is incomplete."""

    def __init__(self, root: Path, detail: str | None = None):
        self.root = root
        message = f"No index at {root}: run `wardnews index CORPUS --index {root}` first"
        super().__init__(f"{message} ({detail})" if detail else message)


class IndexOutdated(IndexNotFound):
    """The index was written by an older wardnews, in a form this one cannot open."""

    def __init__(self, root: Path, detail: str | None = None):
        self.root = root
        self.detail = detail
        SearchError.__init__(self, f"The index at {root} was built by an older wardnews: "
                             f"run `wardnews index --full --index {root}` to rebuild it")


class IndexBusy(SearchError):
    """Another process is writing the index."""

    def __init__(self, root: Path, holder: str = ""):
        self.root = root
        who = f" (process {holder})" if holder else ""
        super().__init__(
            f"Another `wardnews index` is writing {root}{who}; wait for it to finish and run again"
        )


class BadRequest(SearchError):
    """A search request with a value that cannot be read; the message names its argument.

    The message is a template with the argument names in braces, so that a front end can
    name its own parameter: `exc.renamed({"date_from": "from"})`.

    >>> str(BadRequest("{page} must be a whole number from 1 to 10000, not 0", ("page",)))
    'page must be a whole number from 1 to 10000, not 0'
    >>> str(BadRequest("{page} must be ...", ("page",)).renamed({"page": "--page"}))
    '--page must be ...'
    """

    def __init__(self, template: str, arguments: tuple[str, ...] = (),
                 names: Mapping[str, str] | None = None, code: str | None = None,
                 values: Mapping[str, object] | None = None):
        self.template = template
        self.arguments = tuple(arguments)
        # What a front end needs to say it in another language: the kind of problem, the
        # values the message quotes, and the arguments as the front end names them.
        self.code = code
        self.values = dict(values or {})
        names = names or {}
        self.shown = tuple(names.get(name, name) for name in self.arguments)
        shown = dict(zip(self.arguments, self.shown))
        super().__init__(template.format_map(shown) if self.arguments else template)

    def renamed(self, names: Mapping[str, str]) -> BadRequest:
        """The same error with its arguments named as a front end calls them."""
        return BadRequest(self.template, self.arguments, names, self.code, self.values)


class ArticleNotFound(SearchError):
    """No article with that id in the index."""

    def __init__(self, article_id: str):
        self.article_id = article_id
        super().__init__(f"No article with id {article_id!r} in this index")


class WorkerFailed(SearchError):
    """An indexing worker process raised or died; the index is left as it was before the run."""

    def __init__(self, detail: str):
        self.detail = detail
        super().__init__(f"{detail}\nThe index was left as it was before this run; "
                         "run `wardnews index` again, with --jobs 1 to read the files in one process")
