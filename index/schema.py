"""The one index schema, and how an Article becomes the values of its fields."""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from whoosh import columns, fields

from ..archive import Article
from ..archive.extract.identity import NATIONAL, holds_national_post  # noqa: F401 (columns.py imports it from here)

from .analysis import ExactAnalyzer, ExactPairAnalyzer, FoldedAnalyzer, PairAnalyzer
from .keys import (
    exact_key,
    facet_key,
    folded_key,
    pairs_in,
    syllables_and_gaps,
    ward_keys,
    ward_value,
)
from .segment import count_value

# What the keys and fields of an index mean; recorded with each build, and an index with
# another is rebuilt by `wardnews index` and refused by searches (IndexOutdated).
# 2: exact pairs, i/y spelling variants as one key, "/" kept in pair keys.
# 3: wards stored with their role and their district, province and unit now.
# 4: dates at their precision (day, md, kind columns).
# 5: officials as entities (name and place) with their canonical roles.
INDEX_FORMAT = 5

# Facet values are stored per document in columns, joined by this separator; a ward's
# entry holds its parts (WARD_PARTS) joined by the second one.
SEPARATOR = "\x1f"
NOW = "\x1e"
WARD_PARTS = ("value", "now", "role", "district", "province", "now_province")


def day_number(article) -> int:
    """An article's date as one sortable number at its precision: yyyymmdd, yyyymm00 for a
    month, yyyy0000 for a year, 0 when the year is unknown.

    >>> from types import SimpleNamespace as S
    >>> [day_number(S(date_partial=p)) for p in ("2020-05-04", "2020-05", "2020", "--05-04", None)]
    [20200504, 20200500, 20200000, 0, 0]
    """
    partial = article.date_partial or ""
    if not partial or partial.startswith("--"):
        return 0
    parts = [int(p) for p in partial.split("-")] + [0, 0]
    return parts[0] * 10000 + parts[1] * 100 + parts[2]


def month_day(article) -> int:
    """mmdd of an article's date when its day is known, with or without its year."""
    partial = article.date_partial or ""
    digits = partial.lstrip("-").split("-")
    if partial.startswith("--"):
        return int(digits[0]) * 100 + int(digits[1])
    return int(digits[1]) * 100 + int(digits[2]) if len(digits) == 3 else 0


def official_entry(official) -> str:
    """An official as its column stores it: the entity, its most specific role (the
    longest, which names an organ and place rather than a rank), canonical, and "national"
    when the article gives it a national post too (columns.py links such people).

    >>> from wardnews.archive.article import Official
    >>> official_entry(Official("Tô Lâm", ("Tổng Bí thư",), ("Tổng Bí thư",), "Trung ương")).split(NOW)
    ['Tô Lâm (Trung ương)', 'Tổng Bí thư', 'national']
    """
    specific = max(official.canonical, key=lambda r: len(r.split()), default="")
    national = "national" if holds_national_post(official.roles, official.canonical) else ""
    return NOW.join((official.entity, specific, national))


def ward_entry(ward) -> str:
    """A ward as its column stores it: value, unit now, role, district, province, province now.

    >>> from wardnews.archive import Ward
    >>> ward_entry(Ward("phường", "A", "Quận B", "Hà Nội", "Phường C, Thành phố Hà Nội")).split(NOW)
    ['phường A, Quận B, Hà Nội', 'Phường C, Thành phố Hà Nội', 'subject', 'Quận B, Hà Nội', 'Hà Nội', 'Thành phố Hà Nội']
    """
    district = f"{ward.district}, {ward.province}" if ward.district and ward.province else ""
    now_province = ward.now.split(", ", 1)[1] if ward.now and ", " in ward.now else ""
    parts = (ward_value(ward), ward.now or "", ward.role, district, ward.province or "", now_province)
    return NOW.join(parts)


class KeyedText(fields.TEXT):
    """A text field indexed from keys computed once per article, not by a token stream.

    Whoosh's analyzer chain costs microseconds per token per field; counting precomputed
    keys costs a fraction of that, and the analyzer is still the one queries use.
    """

    keyed = True  # segment.py writes such fields from their keys

    def index(self, value, **kwargs):
        if isinstance(value, str):
            yield from super().index(value, **kwargs)
            return
        boost = self.format.field_boost
        if isinstance(self.format, fields.formats.Positions):
            positions = defaultdict(list)
            for position, key in enumerate(value):
                if key is not None:  # a gap: no pair across punctuation (see pairs_in)
                    positions[key].append(position)
            for key, where in positions.items():
                yield key.encode("utf-8"), len(where), len(where) * boost, self.format.encode(where)
        else:
            for key, count in Counter(value).items():
                yield key.encode("utf-8"), count, count * boost, count_value(count)


def _text(analyzer, phrase: bool, boost: float = 1.0) -> KeyedText:
    return KeyedText(analyzer=analyzer, phrase=phrase, field_boost=boost)


def make_schema() -> fields.Schema:
    """The schema: stored display data, two key tiers and pairs for title and text, facets."""
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        source=fields.ID(stored=True),  # the file, for updates by file
        record=fields.STORED(),  # the whole article as JSON, for display and exports
        title_exact=_text(ExactAnalyzer(), phrase=False, boost=2.0),
        title_folded=_text(FoldedAnalyzer(), phrase=False, boost=2.0),
        title_pairs=_text(PairAnalyzer(), phrase=True, boost=2.0),
        text_exact=_text(ExactAnalyzer(), phrase=False),
        text_folded=_text(FoldedAnalyzer(), phrase=False),
        text_pairs=_text(PairAnalyzer(), phrase=True),
        # Neighbouring syllables in their diacritics, for words typed with them ("Thụy
        # Xuân" side by side, not "thủy ... Xuân"): present or not, no positions needed.
        title_exact_pairs=_text(ExactPairAnalyzer(), phrase=False, boost=2.0),
        text_exact_pairs=_text(ExactPairAnalyzer(), phrase=False),
        # Facets: searchable by folded key, counted from their columns.
        ward=fields.KEYWORD(commas=True, lowercase=False, sortable=columns.VarBytesColumn()),
        official=fields.KEYWORD(commas=True, lowercase=False, sortable=columns.VarBytesColumn()),
        term=fields.KEYWORD(commas=True, lowercase=False, sortable=columns.VarBytesColumn()),
        category=fields.KEYWORD(commas=True, lowercase=False, sortable=columns.VarBytesColumn()),
        # yyyymmdd; yyyymm00 known to the month, yyyy0000 to the year, 0 without a year
        day=fields.NUMERIC(int, bits=32, sortable=True, signed=False),
        md=fields.NUMERIC(int, bits=16, sortable=True, signed=False),  # mmdd, 0 unknown
        kind=fields.NUMERIC(int, bits=8, sortable=True, signed=False),  # 1 published, 2 event
    )


def _keys_for(text: str) -> tuple[list[str], list[str], list[str | None], list[str]]:
    found, gaps = syllables_and_gaps(text)
    folded = [folded_key(w) for w in found]
    exact = [exact_key(w) for w in found]
    # Exact pairs serve words typed with diacritics on both syllables: a pair with a plain
    # syllable ("an ninh") is its folded pair already, and is left out (a third of the size).
    exact_pairs = [p for p, a, b, c, d in zip(pairs_in(found, gaps, exact), exact, exact[1:],
                                               folded, folded[1:])
                   if p is not None and a != c and b != d]
    return exact, folded, pairs_in(found, gaps, folded), exact_pairs


def article_fields(article: Article) -> dict:
    """The field values of one article, keys computed once for all tiers."""
    title_exact, title_folded, title_pairs, title_exact_pairs = _keys_for(article.title)
    text_exact, text_folded, text_pairs, text_exact_pairs = _keys_for(article.text)
    officials = article.officials
    return {
        "id": article.id,
        "source": article.source,
        "record": json.dumps(article.to_json(), ensure_ascii=False),
        "title_exact": title_exact,
        "title_folded": title_folded,
        "title_pairs": title_pairs,
        "text_exact": text_exact,
        "text_folded": text_folded,
        "text_pairs": text_pairs,
        "title_exact_pairs": title_exact_pairs,
        "text_exact_pairs": text_exact_pairs,
        "ward": ",".join(sorted({k for w in article.wards for k in ward_keys(w)})),
        "_stored_ward": SEPARATOR.join(ward_entry(w) for w in article.wards),
        # An official is found by the entity ("Nguyễn Văn Hải (Hà Nội)") and by the name
        # alone, which selects every person of that name.
        "official": ",".join(sorted({k for o in officials for k in (facet_key(o.entity),
                                                                     facet_key(o.name))})),
        "_stored_official": SEPARATOR.join(official_entry(o) for o in officials),
        "term": ",".join(article.terms),
        "_stored_term": SEPARATOR.join(article.terms),
        "category": facet_key(article.category or ""),
        "_stored_category": article.category or "",
        "day": day_number(article),
        "md": month_day(article),
        "kind": {"published": 1, "event": 2}.get(article.date_kind or "", 0),
    }
