"""The search module: build a Whoosh index of archive articles and search it.

    from index import Archive, SearchRequest
    with Archive(".wardnews/index") as archive:
        result = archive.search(SearchRequest(query="luong khanh thien", wards=("Lương Khánh Thiện",)))
"""

from .build import BuildSummary, build_index
from .errors import ArticleNotFound, BadRequest, IndexBusy, IndexNotFound, SearchError
from .results import FacetValue, Hit, SearchRequest, SearchResult, Stats, Suggestion
from .search import Archive
from .store import DEFAULT_INDEX, index_location

__all__ = [
    "Archive",
    "ArticleNotFound",
    "BadRequest",
    "BuildSummary",
    "DEFAULT_INDEX",
    "FacetValue",
    "Hit",
    "IndexBusy",
    "IndexNotFound",
    "SearchError",
    "SearchRequest",
    "SearchResult",
    "Stats",
    "Suggestion",
    "build_index",
    "index_location",
]
