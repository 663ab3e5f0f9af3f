"""An official's career as the archive records it: each role with the first and last article
that gives it, where, and how often; and the other people who share the name.

Roles are grouped by their canonical form (archive/extract/role_forms.py), so "Chủ tịch UBND
xã X" and "Chủ tịch Ủy ban nhân dân xã X" are one line.  Dates are the articles' dates at
their precision; an article whose year is unknown counts for its role but dates neither end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .columns import entity_parts
from .schema import NATIONAL
from .keys import facet_key, ward_value

__all__ = ["RoleSpan", "Career", "career_of", "is_official"]

MAX_PLACES = 5  # wards listed per role


@dataclass
class RoleSpan:
    """One role an official is given: when first and last, in how many articles, where."""

    role: str  # canonical form
    first: str | None = None  # ISO date at its precision ("2020-05-04", "2020-05", "2020")
    last: str | None = None
    first_id: str | None = None
    last_id: str | None = None
    forms: set[str] = field(default_factory=set)  # the role as written, every spelling met
    ids: set[str] = field(default_factory=set)  # the articles that give it
    places: Counter = field(default_factory=Counter)  # the wards those articles are about

    @property
    def where(self) -> list[str]:
        """The wards of this role's articles, most frequent first (at most MAX_PLACES)."""
        return [place for place, _ in self.places.most_common(MAX_PLACES)]

    @property
    def articles(self) -> int:
        return len(self.ids)

    def add(self, written: str, date: str | None, article_id: str) -> None:
        self.ids.add(article_id)
        self.forms.add(written)
        self.add_date(date, article_id)

    def add_date(self, date: str | None, article_id: str) -> None:
        if date and not date.startswith("--"):
            if self.first is None or date < self.first:
                self.first, self.first_id = date, article_id
            if self.last is None or date >= self.last:
                self.last, self.last_id = date, article_id

    def to_json(self) -> dict:
        return {"role": self.role, "articles": self.articles, "first": self.first,
                "last": self.last, "first_id": self.first_id, "last_id": self.last_id,
                "as_written": sorted(self.forms), "places": self.where}


@dataclass
class Career:
    """The roles of one official (or of everyone with a name), oldest first."""

    official: str  # as asked: an entity "Name (place)" or a name
    articles: int
    roles: list[RoleSpan]
    namesakes: list[tuple[str, int]]  # other entities with the same name, with their articles

    def to_json(self) -> dict:
        return {"official": self.official, "articles": self.articles,
                "roles": [r.to_json() for r in self.roles],
                "namesakes": [{"official": e, "articles": n} for e, n in self.namesakes]}


def is_official(person, asked: str) -> bool:
    """Whether a person an article names is the official asked for: the entity, everyone of
    a name, or the name written where nothing placed it or with a national post only (which
    the archive joins to a placed person of that name, see columns.py).

    >>> from wardnews.archive.article import Official
    >>> hai = Official("Nguyễn Văn Hải", place="Hà Nội")
    >>> is_official(hai, "Nguyễn Văn Hải (Hà Nội)"), is_official(hai, "Nguyễn Văn Hải (Hà Giang)")
    (True, False)
    >>> is_official(Official("Nguyễn Văn Hải"), "Nguyễn Văn Hải (Hà Nội)")
    True
    """
    key = facet_key(asked)
    if key in (facet_key(person.entity), facet_key(person.name)):
        return True
    name, _ = entity_parts(asked)
    return person.place in (None, NATIONAL) and facet_key(person.name) == facet_key(name)


def career_of(official: str, hits, namesakes: list[tuple[str, int]]) -> Career:
    """The career of `official` over every hit that names them (all of a search's results)."""
    spans: dict[str, RoleSpan] = {}
    count = 0
    for hit in hits:
        count += 1
        date = hit.date_partial or (hit.date.isoformat() if hit.date else None)
        for person in hit.officials:
            if not is_official(person, official):
                continue
            canonical = person.canonical or person.roles
            places = [ward_value(w) for w in hit.wards if w.subject]
            for written, role in zip(person.roles, canonical):
                span = spans.setdefault(facet_key(role), RoleSpan(role))
                if hit.id not in span.ids:
                    span.places.update(places)
                span.add(written, date, hit.id)
    ordered = sorted(_merged(spans).values(), key=lambda s: (s.first or "9999", -s.articles, s.role))
    return Career(official, count, ordered, namesakes)


def _merged(spans: dict[str, RoleSpan]) -> dict[str, RoleSpan]:
    """A role written short ("Bí thư Đảng ủy thị trấn") joins the one longer role it begins
    ("Bí thư Đảng ủy thị trấn Đức An"), when there is only one such."""
    for key in sorted(spans, key=len):
        longer = [k for k in spans if k != key and k.startswith(key + " ")]
        if len(longer) == 1:
            short, into = spans.pop(key), spans[longer[0]]
            into.places.update({p: n for p, n in short.places.items()})
            into.ids |= short.ids
            into.forms |= short.forms
            for date, article_id in ((short.first, short.first_id), (short.last, short.last_id)):
                if date:
                    into.add_date(date, article_id)
    return spans
