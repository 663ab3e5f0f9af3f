"""Document to Article: assemble the text and attach date, wards, terms and officials."""

from __future__ import annotations

from .article import Article, Document, article_id
from .defaults import Place
from .extract.dates import article_date
from .extract.identity import with_identity
from .extract.officials import find_officials
from .extract.terms import find_terms
from .extract.wards import find_wards


def article_text(doc: Document) -> str:
    """The body as shown: the summary (sapo) first unless the body already opens with it."""
    body = "\n\n".join(doc.paragraphs)
    summary = (doc.summary or "").strip()
    if summary and not body.startswith(summary[:80]):
        return f"{summary}\n\n{body}" if body else summary
    return body


LEAD_CHARS = 500  # the lead: the first paragraph, at most this long


def _lead_length(text: str) -> int:
    first = text.split("\n\n", 1)[0]
    return min(len(first), LEAD_CHARS)


def prepare() -> None:
    """Load the extractors' tables now rather than on the first article."""
    annotate(Document(source="", key=None, title="", paragraphs=("phường Minh Khai, ông Nguyễn Văn An",), encoding="utf-8"))


def annotate(doc: Document, place: Place = Place()) -> Article:
    """Annotate one document; the folder's place breaks ties the text leaves open."""
    text = article_text(doc)
    # The title is searched for entities too: it often names the ward and the term.
    whole = f"{doc.title}\n\n{text}"
    dated = article_date(doc.published, whole, place.years, doc.published_from or "metadata")
    date, date_kind = dated.value, dated.kind
    # An event date may be a date the article looks back to; only a published one says
    # which units were in force when it was written.
    wards = find_wards(
        whole,
        province=place.province,
        district=place.district,
        on=date if date_kind == "published" else None,
        title_end=len(doc.title),
        lead_end=len(doc.title) + 2 + _lead_length(text),
    )
    return Article(
        id=article_id(doc.source, doc.key),
        source=doc.source,
        url=doc.url,
        title=doc.title,
        date=date,
        date_kind=date_kind,
        category=doc.category,
        wards=wards,
        terms=find_terms(whole),
        officials=with_identity(find_officials(whole), wards, place.province),
        encoding=doc.encoding,
        text=text,
        key=doc.key,
        date_partial=dated.iso,
        date_precision=dated.precision,
        date_source=dated.source,
        dates_mentioned=dated.mentioned,
    )
