"""The searchd backend's named errors (subclasses of the search module's, so front ends that
turn SearchError and BadRequest into messages need nothing new)."""

from __future__ import annotations

from ..errors import BadRequest, SearchError


class ShardUnavailable(SearchError):
    """A shard or the head did not answer within its timeout."""

    def __init__(self, where: str, detail: str):
        self.where = where
        self.detail = detail
        super().__init__(f"The searchd at {where} did not answer ({detail}); start it again "
                         "(`wardnews shards init` starts local shards) or search with partial "
                         "results allowed")


class NotTranslated(BadRequest):
    """A query class the searchd backend does not search yet: said, never answered wrongly."""

    def __init__(self, what: str):
        self.what = what
        super().__init__(f"the searchd backend cannot search {what} yet; "
                         "use the embedded backend (--backend whoosh) for this query")


class SearchdFailed(SearchError):
    """searchd refused a statement: a bug of this backend, with searchd's own words."""
