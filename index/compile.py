"""Query trees to Whoosh queries: folded keys decide what matches, the rest decides the order.

Every word must match on its folded key (so "luong khanh thien" finds "Lương Khánh Thiện"),
in the title or the text.  On top of that, optional clauses lift:
  - documents with the query's own diacritics (when it has any), via the exact tier;
  - documents where neighbouring query words stand side by side, via the pairs tier;
  - title matches, via the title fields' boost.
Two tiers order the results before the score: documents with the query's plain words side
by side (scattered syllables are the commonest false hits, VIETNAMESE.md §4), and, for a
query with diacritics, an exact tier (documents with every typed word in its
typed diacritics), which the searcher ranks first: "Đảng" puts every article with "Đảng"
above articles that only have "đang", however often they say it.

Abbreviations of the genre (UBND, HĐND, đ/c, TP., P., ...) are expanded both ways at query
time: a word that is an abbreviation also matches its full phrase, and a full phrase also
matches its abbreviation, since searchers type either form (VIETNAMESE.md §6).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from whoosh import query as wq

from ..archive.normalise import clean_text, has_diacritics

from .keys import Syllable, exact_key, folded_key, pair_keys, syllables
from .query import And, DateRange, Not, Or, Words
from .keys import facet_key

EXACT_BOOST = 1.5  # the same diacritics as typed
PAIR_BOOST = 2.0  # words side by side, as typed
MAX_VARIANTS = 8  # spellings of one phrase tried when it holds several abbreviations

# Short form → full form, as the genre writes them.  A short form ending in "." matches
# only when the dot follows (a lone "P" is a letter, "P." is phường).
ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "UVBTV": "Ủy viên Ban Thường vụ",
    "TDP": "tổ dân phố",
    "đ/c": "đồng chí",
    "TP": "thành phố",
    "P.": "phường",
}


@dataclass(frozen=True)
class _Form:
    short: tuple[str, ...]  # folded keys of the short form
    joiner: str  # what stands between or after its letters: "/" for đ/c, "." for P.
    long: tuple[str, ...]  # folded keys of the full form
    long_exact: tuple[str, ...]  # its exact keys, to tell phường from phương


def _form(short: str, long: str) -> _Form:
    found = syllables(long)
    return _Form(
        short=tuple(folded_key(s.text) for s in syllables(short)),
        joiner="/" if "/" in short else ("." if short.endswith(".") else ""),
        long=tuple(folded_key(s.text) for s in found),
        long_exact=tuple(exact_key(s.text) for s in found),
    )


FORMS = tuple(_form(short, long) for short, long in ABBREVIATIONS.items())


def _short_at(form: _Form, found: list[Syllable], keys: list[str], text: str, i: int) -> bool:
    size = len(form.short)
    if tuple(keys[i : i + size]) != form.short:
        return False
    if form.joiner == "/":
        return size == 2 and i + 1 < len(found) and text[found[i].end : found[i + 1].start] == "/"
    if form.joiner == ".":
        return text[found[i + size - 1].end : found[i + size - 1].end + 1] == "."
    return True


def _long_at(form: _Form, found: list[Syllable], keys: list[str], i: int) -> bool:
    size = len(form.long)
    if tuple(keys[i : i + size]) != form.long:
        return False
    if size == 1 and i + 1 >= len(found):
        return False  # "phường" alone is too common to stand for "P."; "phường X" is not
    # Typed with diacritics, a syllable must be the full form's own ("phương án" is no P.).
    return all(
        not has_diacritics(s.text) or exact_key(s.text) == e
        for s, e in zip(found[i : i + size], form.long_exact)
    )


def abbreviations_in(found: list[Syllable], text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, size, other spelling's folded keys) for each short or full form in the syllables.

    >>> abbreviations_in(syllables("UBND phường"), "UBND phường")
    [(0, 1, ('uy', 'ban', 'nhan', 'dan'))]
    >>> abbreviations_in(syllables("uy ban nhan dan"), "uy ban nhan dan")
    [(0, 4, ('ubnd',))]
    """
    keys = [folded_key(s.text) for s in found]
    out = []
    i = 0
    while i < len(found):
        for form in FORMS:
            if _short_at(form, found, keys, text, i):
                out.append((i, len(form.short), form.long))
                i += len(form.short)
                break
            if _long_at(form, found, keys, i):
                out.append((i, len(form.long), form.short))
                i += len(form.long)
                break
        else:
            i += 1
    return out


def spellings(found: list[Syllable], text: str) -> list[list[str]]:
    """The folded key sequences a run of syllables stands for: as typed, then abbreviated or expanded.

    >>> spellings(syllables("đ/c Hà"), "đ/c Hà")
    [['d', 'c', 'ha'], ['dong', 'chi', 'ha']]
    """
    keys = [folded_key(s.text) for s in found]
    pieces, at = [], 0
    for start, size, other in abbreviations_in(found, text):
        pieces.extend([[k] for k in keys[at:start]])
        pieces.append([keys[start : start + size], list(other)])
        at = start + size
    pieces.extend([[k] for k in keys[at:]])
    choices = [p if isinstance(p[0], list) else [p] for p in pieces]
    return [
        [k for part in combo for k in part]
        for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS)
    ]


@dataclass
class Compiled:
    """A Whoosh query that decides matching, and the keys a highlighter should mark.

    `exact` matches the documents that have every typed word in its typed diacritics
    (None when the query has none): the searcher ranks them first.
    """

    query: wq.Query
    exact_keys: set[str] = field(default_factory=set)
    folded_keys: set[str] = field(default_factory=set)
    phrases: list[list[str]] = field(default_factory=list)  # folded keys, for suggestions
    exact: wq.Query | None = None
    adjacent: wq.Query | None = None  # the plain words side by side, in the typed order


def compile_tree(tree) -> Compiled:
    """Compile a parsed query; an empty tree matches every article."""
    compiled = Compiled(wq.Every())
    if tree is None:
        return compiled
    required, boosts, exact = _compile(tree, compiled)
    if isinstance(required, _Negative):  # only exclusions: everything but them
        required = wq.AndNot(wq.Every(), required.query)
        exact = None
    compiled.query = wq.AndMaybe(required, wq.Or(boosts)) if boosts else required
    compiled.exact = exact
    compiled.adjacent = _adjacent(tree)
    return compiled


def _adjacent(tree) -> wq.Query | None:
    """Documents with the query's plain words side by side, or None for fewer than two."""
    parts = tree.parts if isinstance(tree, And) else (tree,)
    plain = [p for p in parts if isinstance(p, Words) and p.field in (None, "title")]
    text = clean_text(" ".join(p.text for p in plain))
    found = syllables(text, cleaned=True)
    if len(found) < 2:
        return None
    return wq.Or([_sequence(keys, ("text", "title")) for keys in spellings(found, text)])


@dataclass
class _Negative:
    query: wq.Query


@dataclass(frozen=True)
class _Either:
    """Unquoted words that spell a full form, or its abbreviation."""

    parts: tuple
    short: tuple[str, ...]


def _compile(node, compiled: Compiled):
    """(required query, optional boosts, exact-tier query or None) for one node."""
    if isinstance(node, Words):
        return _words(node, compiled)
    if isinstance(node, DateRange):
        start = int(node.start.strftime("%Y%m%d")) if node.start else 10000101
        end = int(node.end.strftime("%Y%m%d")) if node.end else 99991231
        return wq.NumericRange("day", start, end), [], None
    if isinstance(node, Not):
        inner, _, _ = _compile(node.part, Compiled(wq.NullQuery))  # excluded words are not marked
        if isinstance(inner, _Negative):
            return inner.query, [], None  # NOT NOT x is x
        return _Negative(inner), [], None
    if isinstance(node, And):
        return _and(node, compiled)
    if isinstance(node, _Either):
        inner, boosts, exact = _and(And(node.parts), compiled, expand=False)
        compiled.folded_keys.update(node.short)
        short = _sequence(list(node.short), ("text", "title"))
        return wq.Or([inner, short]), boosts, (wq.Or([exact, short]) if exact else None)
    if isinstance(node, Or):
        parts = [_compile(p, compiled) for p in node.parts]
        positives = [q if not isinstance(q, _Negative) else wq.AndNot(wq.Every(), q.query)
                     for q, _, _ in parts]
        exact = None
        if any(e is not None for _, _, e in parts):
            exact = wq.Or([e if e is not None else q for (_, _, e), q in zip(parts, positives)])
        return wq.Or(positives), [b for _, boosts, _ in parts for b in boosts], exact
    raise TypeError(f"unknown query node {node!r}")


def _plain(part) -> bool:
    return isinstance(part, Words) and part.field in (None, "title") and not part.phrase


def _with_full_forms(parts: tuple) -> tuple:
    """Runs of unquoted one-syllable words that spell a full form become an _Either."""
    out, i = [], 0
    while i < len(parts):
        run = []
        while i + len(run) < len(parts) and _plain(parts[i + len(run)]):
            run.append(parts[i + len(run)])
        single = [p for p in run if len(syllables(p.text)) == 1]
        if len(run) < 1 or len(single) != len(run):
            out.extend(run or [parts[i]])
            i += max(len(run), 1)
            continue
        text = " ".join(p.text for p in run)
        found = syllables(text)
        at = 0
        for start, size, other in abbreviations_in(found, text):
            if size == 1 and len(other) > 1:
                continue  # an abbreviation typed alone: _words expands it
            out.extend(run[at:start])
            out.append(_Either(tuple(run[start : start + size]), tuple(other)))
            at = start + size
        out.extend(run[at:])
        i += len(run)
    return tuple(out)


def _and(node: And, compiled: Compiled, expand: bool = True):
    positives, negatives, boosts, exacts = [], [], [], []
    for part in _with_full_forms(node.parts) if expand else node.parts:
        query, part_boosts, exact = _compile(part, compiled)
        (negatives if isinstance(query, _Negative) else positives).append(query)
        boosts.extend(part_boosts)
        if exact is not None:
            exacts.append(exact)
    if expand:  # an _Either's words are already in the enclosing run's proximity
        boosts.extend(_proximity(node))
    exact = (wq.And(exacts) if len(exacts) > 1 else exacts[0]) if exacts else None
    if not positives:
        return _Negative(wq.Or([n.query for n in negatives])), boosts, None
    required = wq.And(positives) if len(positives) > 1 else positives[0]
    if negatives:
        required = wq.AndNot(required, wq.Or([n.query for n in negatives]))
    return required, boosts, exact


def _proximity(node: And) -> list[wq.Query]:
    """Neighbouring plain words of the query found side by side in the article."""
    plain = [p for p in node.parts if isinstance(p, Words) and p.field in (None, "title")]
    text = " ".join(p.text for p in plain)
    pairs = sorted({p for keys in spellings(syllables(text), text) for p in pair_keys(keys)})
    return [wq.Or([wq.Term("text_pairs", p, boost=PAIR_BOOST), wq.Term("title_pairs", p, boost=PAIR_BOOST)])
            for p in pairs]


_TERM = re.compile(r"(\d{4})\s*[-–—]\s*(\d{2,4})")


def _words(node: Words, compiled: Compiled):
    if node.field == "ward":
        return wq.Term("ward", facet_key(node.text)), [], None
    if node.field == "official":
        return wq.Term("official", facet_key(node.text)), [], None
    if node.field == "category":
        return wq.Term("category", facet_key(node.text)), [], None
    if node.field == "term":
        return wq.Term("term", normal_term(node.text)), [], None
    text = clean_text(node.text)
    found = syllables(text, cleaned=True)
    if not found:
        return wq.NullQuery, [], None
    folded = [folded_key(s.text) for s in found]
    exact = [exact_key(s.text) for s in found]
    variants = spellings(found, text)
    for keys in variants:
        compiled.folded_keys.update(keys)
    marked = has_diacritics(text)
    if marked:
        compiled.exact_keys.update(exact)
    compiled.phrases.append(folded)
    where = ("title",) if node.field == "title" else ("text", "title")
    # Each spelling keeps its order (a quoted phrase, or one token of several syllables such
    # as "2020-2025" or "đ/c"); the spellings are alternatives.
    required = wq.Or([_sequence(keys, where) for keys in variants])
    boosts, tier = [], None
    if marked:
        boosts = [wq.Or([wq.Term(f"{w}_exact", e, boost=EXACT_BOOST) for w in where for e in exact])]
        typed = wq.Or([wq.And([wq.Term(f"{w}_exact", e) for e in exact]) for w in where])
        others = [_sequence(keys, where) for keys in variants[1:]]
        tier = wq.Or([typed, *others]) if others else typed
    return required, boosts, tier


def _sequence(keys: list[str], where) -> wq.Query:
    """Syllables in this order: one folded term, or a chain of neighbouring pairs."""
    if len(keys) == 1:
        return wq.Or([wq.Term(f"{w}_folded", keys[0]) for w in where])
    return wq.Or([_pairs(f"{w}_pairs", pair_keys(keys)) for w in where])


def _pairs(fieldname: str, pairs: list[str]) -> wq.Query:
    if len(pairs) == 1:
        return wq.Term(fieldname, pairs[0])
    return wq.Phrase(fieldname, pairs)


def normal_term(text: str) -> str:
    """A term as the index keeps it: '2020 – 2025' and '2020-25' become '2020-2025'.

    >>> normal_term("2020 – 25")
    '2020-2025'
    """
    match = _TERM.search(text)
    if not match:
        return text.strip()
    start, end = match.groups()
    if len(end) == 2:
        end = start[:2] + end
    return f"{start}-{end}"
