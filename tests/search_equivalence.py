"""Generated searches and what they answer, to keep a change of evaluation honest.

A rewrite of how queries are evaluated (dense masks over the whole index, or arrays of the
matched documents) must not move any result a researcher sees.  `requests()` draws, with a
fixed seed, a few hundred searches from an index's own vocabulary: words with and without
diacritics, prefixes, pairs, phrases, operators, field queries, names and wards; combined
with facet filters, dates, orders, readings and pages.  `answer()` is everything a search
shows: the total, the listed ids and scores, every facet count, the histogram, the
suggestions, the notes, and the export's order.

`python tests/search_equivalence.py` rewrites tests/data/search-equivalence.json from the
current code; do it only when a change of results is intended, and read the diff.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOLDEN = HERE / "data" / "search-equivalence.json"
CORPORA = {"demo": REPO / "corpus", "search": HERE / "data" / "search" / "corpus"}
_SYLLABLE = re.compile(r"[^\W\d_]+")


def _vocabulary(archive) -> list[str]:
    reader = archive._searcher.reader()  # noqa: SLF001 - a test of the internals may look
    found = []
    for term, _ in reader.iter_field("text_exact"):
        word = term.decode("utf-8") if isinstance(term, bytes) else term
        if _SYLLABLE.fullmatch(word):
            found.append(word)
    return sorted(found)


def _titles(archive) -> list[str]:
    return [archive._record(n)["title"] for n in range(archive._columns.size)]  # noqa: SLF001


def _queries(archive, rng: random.Random, count: int) -> list[str]:
    from wardnews.archive.normalise import fold

    words = _vocabulary(archive)
    titles = _titles(archive)
    everything = archive.search(limit=1, facet_limit=50).facets
    wards = [v.value.split(",")[0] for v in everything.get("ward", ())]
    officials = [v.value for v in everything.get("official", ())]
    terms = [v.value for v in everything.get("term", ())]
    pairs, phrases = [], []
    for title in titles:
        syllables = _SYLLABLE.findall(title)
        for i in range(len(syllables) - 1):
            pairs.append(" ".join(syllables[i:i + 2]))
        for i in range(len(syllables) - 2):
            phrases.append('"' + " ".join(syllables[i:i + 3]) + '"')
    picked = rng.sample(words, min(len(words), count // 4))
    queries = [w if i % 3 else fold(w) for i, w in enumerate(picked)]
    queries += [p.lower() if i % 2 else fold(p) for i, p in enumerate(rng.sample(pairs, count // 6))]
    queries += rng.sample(phrases, count // 10)
    queries += [f"{w[:3]}*" for w in rng.sample(words, 8) if len(w) >= 3]
    queries += [f"{a} OR {b}" for a, b in zip(rng.sample(words, 8), rng.sample(words, 8))]
    queries += [f"{a} -{b}" for a, b in zip(rng.sample(words, 8), rng.sample(words, 8))]
    queries += [f"{a} NOT {b}" for a, b in zip(rng.sample(words, 4), rng.sample(words, 4))]
    queries += [f"({a} OR {b}) {c}" for a, b, c in
                zip(rng.sample(words, 4), rng.sample(words, 4), rng.sample(words, 4))]
    queries += [f"title:{w}" for w in rng.sample(words, 8)]
    queries += [f'ward:"{w}"' for w in wards[:6]] + [f'official:"{o}"' for o in officials[:6]]
    queries += [f'term:"{t}"' for t in terms[:3]]
    queries += ["date:2020", "date:2020-06", "date:--06-18", "date:2015..2021", "đại hội date:2021"]
    queries += ["UBND", "HĐND phường", "Ủy ban nhân dân", "uy ban nhan dan", "P. Lương Khánh Thiện",
                "đ/c", "", "*", "\"\"", "OR", "-", "đảng", "dang", "Đảng bộ", "Thiện", "thien",
                "hoà", "hòa", "quy", "qui", "lý", "lí", "LƯƠNG KHÁNH THIỆN", "luongkhanhthien"]
    queries += officials[6:12] + wards[6:12]
    queries += ["đại hội -đ*", "đại* OR phường", "(đại* OR phường) -hội*", "phường -(đại* OR x)",
                "NOT đ* phường", "-thi*"]  # prefixes excluded or in alternatives, by relevance
    return list(dict.fromkeys(queries))


def _options(archive, rng: random.Random) -> list[dict]:
    """Filters, orders, readings and pages, one set per query (most plain)."""
    everything = archive.search(limit=1, facet_limit=50).facets
    pick = {name: [v.value for v in everything.get(name, ())]
            for name in ("ward", "province", "district", "now", "term", "official", "year", "category")}
    field = {"ward": "wards", "province": "provinces", "district": "districts", "now": "nows",
             "term": "terms", "official": "officials", "year": "years", "category": "categories"}
    made = [{} for _ in range(6)]
    for name, values in pick.items():
        if values:
            made.append({field[name]: (rng.choice(values),)})
            if len(values) > 1:
                made.append({field[name]: tuple(rng.sample(values, 2))})
    made += [{"date_from": "2020"}, {"date_to": "2019-06"}, {"date_from": "2015-01-01", "date_to": "2021-12-31"},
             {"years": ("unknown",)}, {"sort": "newest"}, {"sort": "oldest"}, {"match": "loose"},
             {"page": 2, "limit": 3}, {"mentions": True}, {"limit": 100}, {"facet_limit": 3},
             {"sort": "oldest", "page": 2, "limit": 2, "match": "loose"}]
    if pick["ward"] and pick["year"]:
        made.append({"wards": (pick["ward"][0],), "years": (pick["year"][0],), "sort": "newest"})
    return made


def requests(archive, count: int = 220, seed: int = 7) -> list[dict]:
    """The searches asked of one index: a query with options, as SearchRequest's fields."""
    rng = random.Random(seed)
    queries = _queries(archive, rng, count)
    options = _options(archive, rng)
    made = []
    for i, query in enumerate(queries):
        made.append({"query": query, **options[i % len(options)]})
        if i % 5 == 0:
            made.append({"query": query, **rng.choice(options)})
    for extra in options:  # every filter also without a query
        made.append({"query": "", **extra})
    unique = {json.dumps(r, sort_keys=True, ensure_ascii=False): r for r in made}
    return list(unique.values())


def _score(value):
    return None if value is None else float(f"{value:.9g}")


def answer(archive, fields: dict) -> dict:
    """Everything one search shows, in plain JSON."""
    result = archive.search(**fields)
    exported = archive.iter_results(**fields)
    return {
        "total": result.total,
        "match": result.match,
        "more": result.more,
        "hits": [[h.id, _score(h.score)] for h in result.hits],
        "facets": {name: [[v.value, v.count, v.selected] for v in values]
                   for name, values in sorted(result.facets.items())},
        "histogram": [list(p) for p in result.histogram],
        "suggestions": [[s.text, s.count] for s in result.suggestions],
        "notes": list(result.notes),
        "export": [h.id for h in exported][:40],
        "export_total": exported.total,
    }


def answers(location_of) -> dict:
    """{corpus: [[request, answer], ...]} over every fixture corpus."""
    from wardnews.index import Archive

    found = {}
    for name in CORPORA:
        with Archive(location_of(name)) as archive:
            found[name] = [[fields, answer(archive, fields)] for fields in requests(archive)]
    return found


def main() -> None:
    import tempfile

    from wardnews.index import build_index

    with tempfile.TemporaryDirectory() as tmp:
        def location_of(name: str) -> Path:
            location = Path(tmp) / name
            if not location.exists():
                build_index(CORPORA[name], location)
            return location

        found = answers(location_of)
    GOLDEN.write_text(json.dumps(found, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                      encoding="utf-8")
    print(f"{GOLDEN}: {sum(len(v) for v in found.values())} searches")


if __name__ == "__main__":
    main()
