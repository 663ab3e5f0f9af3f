"""The archive: read files of Vietnamese ward news and turn them into annotated Articles."""

from .article import Article, Document, Official, Ward, article_id
from .errors import ArchiveError, DecodeError, Problem, ReadError
from .pipeline import iter_articles

__all__ = [
    "Article",
    "ArchiveError",
    "DecodeError",
    "Document",
    "Official",
    "Problem",
    "ReadError",
    "Ward",
    "article_id",
    "iter_articles",
]
