"""An article's citation: plain text to copy, and RIS and CSL-JSON files that Zotero reads."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

ARCHIVE_NAME = "wardnews"


# The words of a plain citation in each language of the interface.
WORDS = {
    "vi": {"undated": "không rõ ngày", "accessed": "Truy cập ngày {day}", "archive": "Lưu trữ wardnews"},
    "en": {"undated": "n.d.", "accessed": "Accessed {day}", "archive": "wardnews archive"},
}


def container(article, lang: str = "en") -> str:
    """Where the article was published: the portal's host name; without an address, the
    archive (the file it came from is the archive's location, not a publication).

    >>> from types import SimpleNamespace as A
    >>> container(A(url="https://luongkhanhthien.gov.vn/tin/1", source="x.html"))
    'luongkhanhthien.gov.vn'
    >>> container(A(url=None, source="ha-noi/x.html"), "vi")
    'Lưu trữ wardnews'
    """
    host = urlsplit(article.url).hostname if article.url else None
    return host or WORDS.get(lang, WORDS["en"])["archive"]


def plain(article, accessed: dt.date | None = None, lang: str = "en") -> str:
    """A citation to paste: title, portal, date (dd/mm/yyyy, or mm/yyyy or yyyy when only
    those are known), URL and the day it was read, in the interface's language."""
    words = WORDS.get(lang, WORDS["en"])
    parts = [f"{_one_line(article.title).rstrip('.')}.", f"{container(article, lang)},"]
    parts.append(f"{_shown_date(article) or words['undated'].rstrip('.')}.")
    if article.url:
        parts.append(article.url + ".")
    if accessed:
        parts.append(words["accessed"].format(day=f"{accessed:%d/%m/%Y}") + ".")
    return " ".join(parts).replace(",.", ".")


def _shown_date(article) -> str | None:
    if article.date:
        return f"{article.date:%d/%m/%Y}"
    partial = getattr(article, "date_partial", None)
    if partial and not partial.startswith("--"):
        year, _, month = partial.partition("-")
        return f"{month}/{year}" if month else year
    return None


def ris(article) -> str:
    """The article as an RIS record (TY NEWS), lines ending in CR LF as the format asks."""
    lines = [("TY", "NEWS"), ("TI", article.title), ("T2", container(article))]
    if article.date:
        lines += [("PY", str(article.date.year)), ("DA", f"{article.date:%Y/%m/%d}")]
    if article.url:
        lines.append(("UR", article.url))
    lines += [("KW", term) for term in article.terms]
    lines += [("KW", _ward_name(w)) for w in article.wards]
    if article.category:
        lines.append(("N1", f"Category: {article.category}"))
    lines += [("N1", f"Archive source: {article.source}"), ("ID", article.id), ("LA", "vi")]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


def csl_json(article) -> list[dict]:
    """The article as CSL-JSON: a list of one item of type article-newspaper."""
    item = {
        "id": article.id,
        "type": "article-newspaper",
        "title": article.title,
        "container-title": container(article),
        "language": "vi",
        "archive": ARCHIVE_NAME,
        "archive_location": article.source,
    }
    if article.date:
        item["issued"] = {"date-parts": [[article.date.year, article.date.month, article.date.day]]}
    if article.url:
        item["URL"] = article.url
    if article.terms or article.wards:
        item["keyword"] = ", ".join([*article.terms, *(_ward_name(w) for w in article.wards)])
    if article.category:
        item["section"] = article.category
    return [item]


def _ward_name(ward) -> str:
    return f"{ward.type} {ward.name}"


def _one_line(text: str) -> str:
    # An RIS value ends at the line's end: a newline inside a title would start a bogus tag.
    return " ".join(str(text).split())
