"""Queries a process has never asked, generated from an archive's own vocabulary.

Warm figures time a query after it ran once; a researcher meets the first asking.  These
are drawn, with a fixed seed, from what the index holds: single words (rare, middling and
common, with and without diacritics), two words side by side in a title, officials' and
wards' names, quoted three-word phrases from titles; a third of them with a facet filter
or a date range.  Every query is distinct, so none is answered from a cache of another.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from wardnews.archive.normalise import fold
from wardnews.index.columns import entity_parts

__all__ = ["Query", "first_time_queries"]

_SYLLABLE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Query:
    kind: str  # "rare word", "word", "common word", "two words", "name", "phrase"
    text: str
    options: dict = field(default_factory=dict, hash=False, compare=False)


def _titles(archive, count: int, rng: random.Random) -> list[str]:
    size = archive._columns.size  # noqa: SLF001 - a benchmark may look inside
    picked = rng.sample(range(size), min(size, count))
    titles = []
    for docnum in picked:
        if archive._columns.live[docnum]:
            titles.append(archive._record(docnum)["title"])
    return titles


def _words_by_frequency(archive, rng: random.Random):
    """Exact-tier words of the index by document frequency bands."""
    reader = archive._searcher.reader()
    rare, middling, common = [], [], []
    for term, info in reader.iter_field("text_exact"):
        word = term.decode("utf-8") if isinstance(term, bytes) else term
        if not _SYLLABLE.fullmatch(word) or len(word) < 2:
            continue
        df = info.doc_frequency()
        (rare if df < 100 else middling if df < 2000 else common).append(word)
    for band in (rare, middling, common):
        rng.shuffle(band)
    return rare, middling, common


def first_time_queries(archive, count: int = 120, seed: int = 11) -> list[Query]:
    """`count` distinct queries over the archive (at least 100 for the issue's benchmark)."""
    rng = random.Random(seed)
    rare, middling, common = _words_by_frequency(archive, rng)
    titles = _titles(archive, count * 4, rng)
    facets = archive.search(limit=1, facet_limit=200).facets
    wards = [v.value for v in facets.get("ward", ())]
    officials = [entity_parts(v.value)[0] for v in facets.get("official", ())]
    years = [v.value for v in facets.get("year", ()) if v.value != "unknown"]
    pairs, phrases = [], []
    for title in titles:
        words = _SYLLABLE.findall(title)
        if len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            pairs.append(f"{words[i]} {words[i + 1]}".lower())
        if len(words) >= 3:
            i = rng.randrange(len(words) - 2)
            phrases.append('"' + " ".join(words[i:i + 3]) + '"')
    share = count // 6 or 1
    drawn = ([Query("rare word", w) for w in rare[:share]]
             + [Query("word", w) for w in middling[:share]]
             + [Query("common word", w if i % 2 else fold(w)) for i, w in enumerate(common[:share])]
             + [Query("two words", p if i % 2 else fold(p)) for i, p in enumerate(pairs[:share])]
             + [Query("name", n) for n in officials[:share]]
             + [Query("phrase", p) for p in phrases[:count - 5 * share]])
    queries, seen = [], set()
    for i, query in enumerate(drawn):
        if query.text in seen:
            continue
        seen.add(query.text)
        options = {}
        if i % 3 == 1 and wards:
            options = {"wards": rng.choice(wards), "mentions": True}
        elif i % 3 == 2 and years:
            year = rng.choice(years)
            options = {"date_from": year, "date_to": year}
        queries.append(Query(query.kind, query.text, options))
    return queries
