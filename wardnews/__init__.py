"""wardnews: a searchable full-text archive of Vietnamese ward news.

The embedding API, re-exported from its layers (`wardnews.archive` reads and annotates
files, `wardnews.index` builds and searches the index); importing it is cheap, the heavy
parts load when first used:

    from wardnews import Archive, build_index
    build_index("corpus", ".wardnews/index")
    with Archive(".wardnews/index") as archive:
        print(archive.search("luong khanh thien").total)
"""

from .archive import lazy_exports

_EXPORTS = {
    # reading files
    "Article": ".archive",
    "Official": ".archive",
    "Problem": ".archive",
    "Ward": ".archive",
    "read_articles": ".archive",
    # the index
    "Archive": ".index",
    "BuildSummary": ".index",
    "FacetValue": ".index",
    "Highlighter": ".index",
    "Hit": ".index",
    "SearchRequest": ".index",
    "SearchResult": ".index",
    "Stats": ".index",
    "Suggestion": ".index",
    "build_index": ".index",
    # errors: every one is a WardnewsError
    "WardnewsError": ".archive",
    "ArchiveError": ".archive",
    "DecodeError": ".archive",
    "ReadError": ".archive",
    "SearchError": ".index",
    "ArticleNotFound": ".index",
    "BadRequest": ".index",
    "IndexBusy": ".index",
    "IndexNotFound": ".index",
    "IndexOutdated": ".index",
    "WorkerFailed": ".index",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
