"""The search module: build a Whoosh index of archive articles and search it.

    from wardnews.index import Archive
    with Archive(".wardnews/index") as archive:
        result = archive.search("luong khanh thien", wards="Lương Khánh Thiện")

Everything a caller needs is named here (the web UI uses nothing else); importing the
package is cheap, and Whoosh and numpy load when an index is built or opened.
"""

from ..archive import lazy_exports

_EXPORTS = {
    "Archive": ".search",
    "BACKENDS": ".backend",
    "Backend": ".backend",
    "backend_name": ".backend",
    "build_archive": ".backend",
    "start_local_shards": ".searchd.local",
    "stop_local_shards": ".searchd.local",
    "write_cluster_configs": ".searchd.deploy",
    "parse_shards": ".searchd.shards",
    "open_backend": ".backend",
    "Position": ".search",
    "Career": ".career",
    "RoleSpan": ".career",
    "is_official": ".career",
    "BuildSummary": ".build",
    "build_index": ".build",
    "Highlighter": ".plan",
    "FacetValue": ".results",
    "Hit": ".results",
    "SearchResult": ".results",
    "Spread": ".results",
    "Stats": ".results",
    "Suggestion": ".results",
    "FACETS": ".request",
    "MAX_PAGE": ".request",
    "MAX_PAGE_SIZE": ".request",
    "MAX_QUERY_CHARS": ".request",
    "SORTS": ".request",
    "SearchRequest": ".request",
    "parse_day": ".request",
    "clicked": ".suggest",
    "without_fields": ".loosen",
    "Note": ".notes",
    "facet_key": ".keys",
    "typed_prefixes": ".keys",
    "ALPHABET": ".collation",
    "NUMBER_GROUP": ".collation",
    "OTHER_GROUP": ".collation",
    "VIETNAMESE_LETTERS": ".collation",
    "filing_letter": ".collation",
    "place_sort_key": ".collation",
    "sort_key": ".collation",
    "without_type": ".collation",
    "ward_value": ".keys",
    "load_segmenter": ".words",
    "DEFAULT_INDEX": ".store",
    "has_index": ".store",
    "index_location": ".store",
    "ArticleNotFound": ".errors",
    "BadRequest": ".errors",
    "IndexBusy": ".errors",
    "IndexNotFound": ".errors",
    "IndexOutdated": ".errors",
    "SearchError": ".errors",
    "WorkerFailed": ".errors",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
