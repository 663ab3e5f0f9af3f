"""The records that flow through the archive: a read document, and the annotated Article."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ward:
    """A phường, xã or thị trấn as the article names it, placed where the text allows."""

    type: str  # "phường", "xã" or "thị trấn"
    name: str
    district: str | None = None
    province: str | None = None
    now: str | None = None  # the unit it belongs to since 1 July 2025, "Phường X, Tỉnh Y"
    # What the article is about ("subject": in the title, the lead, or named most) or names
    # in passing ("mentioned"), with the evidence.
    # Not part of which ward it is: two records of one place compare equal whatever the role.
    role: str = field(default="subject", compare=False)
    mentions: int = field(default=1, compare=False)
    in_title: bool = field(default=False, compare=False)
    in_lead: bool = field(default=False, compare=False)

    def to_json(self) -> dict:
        return {
            "type": self.type,
            "name": self.name,
            "district": self.district,
            "province": self.province,
            "now": self.now,
            "role": self.role,
            "mentions": self.mentions,
            "in_title": self.in_title,
            "in_lead": self.in_lead,
        }

    @property
    def subject(self) -> bool:
        return self.role == "subject"


@dataclass(frozen=True)
class Official:
    """A named official with the roles the article gives them, as written."""

    name: str
    roles: tuple[str, ...] = ()
    # The roles in one canonical form (abbreviations expanded, tones and case unified), and
    # the place that tells this person from others of the name (extract/identity.py).
    canonical: tuple[str, ...] = field(default=(), compare=False, repr=False)
    place: str | None = field(default=None, compare=False, repr=False)

    @property
    def entity(self) -> str:
        """The person as the archive counts them: "Nguyễn Văn Hải (Hà Nội)", or the name
        alone when nothing places them."""
        return f"{self.name} ({self.place})" if self.place else self.name

    def to_json(self) -> dict:
        return {"name": self.name, "roles": list(self.roles), "entity": self.entity,
                "place": self.place, "roles_canonical": list(self.canonical)}

    @classmethod
    def from_json(cls, data: dict) -> Official:
        return cls(data["name"], tuple(data["roles"]), tuple(data.get("roles_canonical", ())),
                   data.get("place"))


@dataclass(frozen=True)
class Document:
    """One article candidate as read from a file: decoded and cleaned, not yet annotated."""

    source: str  # path relative to the corpus root, "/" separated
    key: str | None  # the record's key inside a JSONL or WARC file; None for one-article files
    title: str
    paragraphs: tuple[str, ...]
    encoding: str
    url: str | None = None
    category: str | None = None
    published: dt.date | None = None  # from metadata, byline, URL or capture date
    published_from: str | None = None  # which of them: "metadata", "byline", "URL", "capture date"
    summary: str | None = None  # sapo/description, kept apart from the body


@dataclass(frozen=True)
class Article:
    """An archived news article with its annotations; the unit that is indexed and shown."""

    id: str
    source: str
    url: str | None
    title: str
    date: dt.date | None
    date_kind: str | None  # "published", "event" or None
    category: str | None
    wards: tuple[Ward, ...]
    terms: tuple[str, ...]
    officials: tuple[Official, ...]
    encoding: str
    text: str
    key: str | None = field(default=None, compare=False)
    # The date at the precision the sources give ("2020-05-04", "2020-05", "2020", or
    # "--05-04" when nothing tells the year); `date` holds it only when known to the day.
    date_partial: str | None = None
    date_precision: str | None = None  # "day", "month", "year", "month-day"
    date_source: str | None = None  # what gave the date, or the year of a yearless one
    dates_mentioned: tuple[str, ...] = ()  # historical dates the article names, not its date

    @classmethod
    def from_json(cls, data: dict) -> Article:
        """An Article back from its JSON shape (to_json's inverse; the record key is not kept)."""
        return cls(
            id=data["id"],
            source=data["source"],
            url=data["url"],
            title=data["title"],
            date=dt.date.fromisoformat(data["date"]) if data["date"] else None,
            date_kind=data["date_kind"],
            category=data["category"],
            wards=tuple(Ward(**w) for w in data["wards"]),
            terms=tuple(data["terms"]),
            officials=tuple(Official.from_json(o) for o in data["officials"]),
            encoding=data["encoding"],
            text=data["text"],
            date_partial=data.get("date_partial", data["date"]),
            date_precision=data.get("date_precision", "day" if data["date"] else None),
            date_source=data.get("date_source"),
            dates_mentioned=tuple(data.get("dates_mentioned", ())),
        )

    def to_json(self) -> dict:
        """The article in the JSON shape of DESIGN.md."""
        return {
            **identity_json(self),
            "date_kind": self.date_kind,
            "date_partial": self.date_partial,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "dates_mentioned": list(self.dates_mentioned),
            "category": self.category,
            **annotations_json(self),
            "encoding": self.encoding,
            "text": self.text,
        }


# An article and a search hit share these parts of their JSON contracts (DESIGN.md): one
# definition each, used by both.

def identity_json(record) -> dict:
    """Which article a record is, in JSON: id, source, url, title, date."""
    return {
        "id": record.id,
        "source": record.source,
        "url": record.url,
        "title": record.title,
        "date": record.date.isoformat() if record.date else None,
    }


def annotations_json(record) -> dict:
    """What a record is about, in JSON: wards, terms, officials."""
    return {
        "wards": [w.to_json() for w in record.wards],
        "terms": list(record.terms),
        "officials": [o.to_json() for o in record.officials],
    }


def article_id(source: str, key: str | None = None) -> str:
    """A stable id from where the article came from, never from a counter.

    >>> article_id("hanam/phu-ly.txt")
    'a28e4f4093f18082'
    """
    ident = source if key is None else f"{source}#{key}"
    return hashlib.sha1(ident.encode("utf-8")).hexdigest()[:16]
