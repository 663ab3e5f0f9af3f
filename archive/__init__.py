"""The archive: read files of Vietnamese ward news and turn them into annotated Articles."""

from .lazy import lazy_exports

_EXPORTS = {
    "Article": ".article",
    "Document": ".article",
    "Official": ".article",
    "Ward": ".article",
    "article_id": ".article",
    "ArchiveError": ".errors",
    "DecodeError": ".errors",
    "Problem": ".errors",
    "ReadError": ".errors",
    "WardnewsError": ".errors",
    "read_articles": ".pipeline",
    "merged_into": ".gazetteer",
    # where units lie, for the map (webui/placemap.py)
    "Point": ".places",
    "ward_point": ".places",
    "province_point": ".places",
    "country_points": ".places",
    "lazy_exports": ".lazy",  # for the packages above, to re-export names as this one does
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
