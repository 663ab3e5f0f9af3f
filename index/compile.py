"""Query trees to Whoosh queries, in two readings: the strict one a search counts by default,
and the loose one it offers, counted apart.

The strict reading (VIETNAMESE.md §3, §4):
  - a word typed with diacritics matches that word only (modulo tone placement and the i/y
    variants, which its keys already make one); typed without, it matches every accent;
  - the syllables of one word stand side by side, never across punctuation: a quoted phrase,
    a token such as "2020-2025", an abbreviation and its full form, and the words the query
    is cut into (words.py: names typed with capitals, syllables the archive joins);
  - words stay in any order, all required, ranked by proximity.
The loose reading is the old one: every syllable on its folded key, anywhere.

Both readings rank by BM25 on the folded tier (title counted twice), lifted by tiers: in the
loose reading, articles with the typed diacritics first; in both, articles with the query's
words side by side.

Abbreviations of the genre (UBND, HĐND, đ/c, TP., P., ...) match their full form and back,
as forms: "đ/c" is written with its slash (not "Đ.C"), the full form in its diacritics when
typed with them (VIETNAMESE.md §6).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from whoosh import query as wq

from ..archive.normalise import clean_text, has_diacritics

from .keys import Syllable, exact_key, facet_key, folded_key, pair_key, pair_keys, syllables
from .query import And, DateRange, Not, Or, Words

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
class Spelling:
    """Syllables in one order: folded keys, exact keys where typed with diacritics (None: any
    accent), and what stands between them (" ", or "/" in đ/c and 12/5)."""

    folded: tuple[str, ...]
    exact: tuple[str | None, ...]
    gaps: tuple[str, ...]

    @property
    def pairs(self) -> list[str]:
        return pair_keys(list(self.folded), list(self.gaps))


@dataclass(frozen=True)
class Unit:
    """Syllables the strict reading keeps side by side, in any of its spellings."""

    spellings: tuple[Spelling, ...]
    where: tuple[str, ...] = ("text", "title")
    prefix: bool = False  # the last syllable is a prefix (typed "Thiệ*")


@dataclass(frozen=True)
class _Form:
    short: tuple[str, ...]  # folded keys of the short form
    short_exact: tuple[str, ...]
    joiner: str  # what stands between or after its letters: "/" for đ/c, "." for P.
    long: tuple[str, ...]  # folded keys of the full form
    long_exact: tuple[str, ...]  # its exact keys, to tell phường from phương


def _form(short: str, long: str) -> _Form:
    found, letters = syllables(long), syllables(short)
    return _Form(
        short=tuple(folded_key(s.text) for s in letters),
        short_exact=tuple(exact_key(s.text) for s in letters),
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


def abbreviations_in(found: list[Syllable], text: str) -> list[tuple[int, int, _Form, bool]]:
    """(start, size, form, typed short) for each short or full form in the syllables.

    >>> [(s, n, short) for s, n, _, short in abbreviations_in(syllables("UBND phường"), "UBND phường")]
    [(0, 1, True)]
    >>> [(s, n, short) for s, n, _, short in abbreviations_in(syllables("uy ban nhan dan"), "uy ban nhan dan")]
    [(0, 4, False)]
    """
    keys = [folded_key(s.text) for s in found]
    out = []
    i = 0
    while i < len(found):
        for form in FORMS:
            if _short_at(form, found, keys, text, i):
                out.append((i, len(form.short), form, True))
                i += len(form.short)
                break
            if _long_at(form, found, keys, i):
                out.append((i, len(form.long), form, False))
                i += len(form.long)
                break
        else:
            i += 1
    return out


def _typed(found: list[Syllable], text: str) -> Spelling:
    """Syllables as typed: their keys, and the characters between them."""
    gaps = tuple(text[a.end : b.start] for a, b in zip(found, found[1:]))
    return Spelling(tuple(folded_key(s.text) for s in found),
                    tuple(exact_key(s.text) if has_diacritics(s.text) else None for s in found),
                    tuple("/" if g.strip() == "/" else " " for g in gaps))


def _other_form(form: _Form, typed_short: bool, marked: bool) -> Spelling:
    """The form an abbreviation was not typed in.  A short form stands for its full form in
    its diacritics (P. is phường, never Phương); a full form typed with diacritics stands for
    the short form in its own (đ/c), typed without for any."""
    if typed_short:
        gaps = (" ",) * (len(form.long) - 1)
        return Spelling(form.long, form.long_exact, gaps)
    gaps = ("/",) if form.joiner == "/" else (" ",) * (len(form.short) - 1)
    return Spelling(form.short, form.short_exact if marked else (None,) * len(form.short), gaps)


def spellings(found: list[Syllable], text: str) -> list[Spelling]:
    """The spellings a run of syllables stands for: as typed, then abbreviated or expanded.

    >>> [s.folded for s in spellings(syllables("đ/c Hà"), "đ/c Hà")]
    [('d', 'c', 'ha'), ('dong', 'chi', 'ha')]
    >>> spellings(syllables("đồng chí"), "đồng chí")[1]
    Spelling(folded=('d', 'c'), exact=('đ', 'c'), gaps=('/',))
    """
    typed = _typed(found, text)
    pieces: list[list[Spelling]] = []
    at = 0

    def as_typed(start: int, end: int) -> Spelling:
        return Spelling(typed.folded[start:end], typed.exact[start:end], typed.gaps[start:end - 1])

    for start, size, form, short in abbreviations_in(found, text):
        pieces.extend([as_typed(i, i + 1)] for i in range(at, start))
        marked = any(typed.exact[start : start + size])
        other = _other_form(form, short, marked)
        # "P." with no name after it is a lone letter to the index (which keeps no dot): it
        # can only mean its full form.
        alone = short and form.joiner == "." and start + size == len(found)
        pieces.append([other] if alone else [as_typed(start, start + size), other])
        at = start + size
    pieces.extend([as_typed(i, i + 1)] for i in range(at, len(found)))
    # Between pieces stands what was typed there (a space, or the slash of "12/5").
    between = [typed.gaps[sum(len(p[0].folded) for p in pieces[: k + 1]) - 1]
               for k in range(len(pieces) - 1)]
    out = []
    for combo in itertools.islice(itertools.product(*pieces), MAX_VARIANTS):
        folded, exact, gaps = [], [], []
        for k, part in enumerate(combo):
            if k:
                gaps.append(between[k - 1])
            folded += part.folded
            exact += part.exact
            gaps += part.gaps
        out.append(Spelling(tuple(folded), tuple(exact), tuple(gaps)))
    return out


# --- what a compiled query holds -----------------------------------------------------------


@dataclass
class Compiled:
    """The Whoosh queries of both readings, and what a highlighter should mark in each.

    `query` is the loose reading; `strict` the default one (a subset of it unless the query
    excludes words).  `exact` matches the documents with every typed word in its typed
    diacritics (None when the query has none), `adjacent` those with the query's plain
    words side by side: the tiers of the ranking.
    """

    query: wq.Query
    strict: wq.Query | None = None
    units: list[Unit] = field(default_factory=list)  # what the strict reading marks
    exact_keys: set[str] = field(default_factory=set)  # what the loose reading marks
    folded_keys: set[str] = field(default_factory=set)
    exact: wq.Query | None = None
    adjacent: wq.Query | None = None  # the plain words side by side, in the typed order
    prefixes: list[tuple[str, str]] = field(default_factory=list)  # (field, prefix) of every tree

    @property
    def differs(self) -> bool:
        """Whether the two readings may find different articles."""
        return self.strict is not None and self.strict != self.query


Segmenter = Callable[[list[str]], list[int]]  # syllables → lengths of the words they form


def _no_statistics(texts: list[str]) -> list[int]:
    from .words import word_lengths

    return word_lengths(texts, None)


def compile_tree(tree, segment: Segmenter | None = None) -> Compiled:
    """Compile a parsed query in both readings; an empty tree matches every article.

    `segment` cuts a run of typed syllables into words (words.py with the archive's
    statistics); without it, only names typed with capitals are joined.
    """
    compiled = Compiled(wq.Every(), wq.Every())
    if tree is None:
        return compiled
    required, boosts, exact = _compile(tree, compiled)
    if isinstance(required, _Negative):  # only exclusions: everything but them
        required = wq.AndNot(wq.Every(), required.query)
        exact = None
    compiled.query = wq.AndMaybe(required, wq.Or(boosts)) if boosts else required
    compiled.exact = exact
    compiled.adjacent = _adjacent(tree)
    strict = _Strict(segment or _no_statistics, compiled).compile(tree)
    compiled.strict = wq.AndNot(wq.Every(), strict.query) if isinstance(strict, _Negative) else strict
    # Read from the finished trees, not noted while compiling: an excluded prefix ("-đ*") or
    # one in an alternative is compiled on paths that never saw `compiled`, and an
    # unexpanded prefix reaching the evaluator was a server error.
    compiled.prefixes = _prefixes_in(compiled.query, compiled.strict, compiled.exact, compiled.adjacent)
    return compiled


def _prefixes_in(*queries: wq.Query | None) -> list[tuple[str, str]]:
    """(field, prefix) of every Prefix leaf of these queries, once each, in order."""
    found = {}
    for query in queries:
        for leaf in query.leaves() if query is not None else ():
            if isinstance(leaf, wq.Prefix):
                found[(leaf.fieldname, leaf.text)] = None
    return list(found)


def _adjacent(tree) -> wq.Query | None:
    """Documents with the query's plain words side by side, or None for fewer than two."""
    parts = tree.parts if isinstance(tree, And) else (tree,)
    plain = [p for p in parts if isinstance(p, Words) and p.field in (None, "title")]
    text = clean_text(" ".join(p.text for p in plain))
    found = syllables(text, cleaned=True)
    if len(found) < 2:
        return None
    return wq.Or([_sequence(sp, ("text", "title")) for sp in spellings(found, text)])


# --- the loose reading ---------------------------------------------------------------------


@dataclass
class _Negative:
    query: wq.Query


@dataclass(frozen=True)
class _Either:
    """Unquoted words that spell a full form, or its abbreviation."""

    parts: tuple
    other: Spelling


def _compile(node, compiled: Compiled):
    """(required query, optional boosts, exact-tier query or None) for one node."""
    if isinstance(node, Words):
        return _words(node, compiled)
    if isinstance(node, DateRange):
        return _days(node), [], None
    if isinstance(node, Not):
        inner, _, _ = _compile(node.part, Compiled(wq.NullQuery))  # excluded words are not marked
        if isinstance(inner, _Negative):
            return inner.query, [], None  # NOT NOT x is x
        return _Negative(inner), [], None
    if isinstance(node, And):
        return _and(node, compiled)
    if isinstance(node, _Either):
        inner, boosts, exact = _and(And(node.parts), compiled, expand=False)
        compiled.folded_keys.update(node.other.folded)
        short = _sequence(node.other, ("text", "title"))
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


def _days(node: DateRange) -> wq.Query:
    if node.month_day is not None:
        return wq.NumericRange("md", node.month_day, node.month_day)
    start = int(node.start.strftime("%Y%m%d")) if node.start else 10000101
    end = int(node.end.strftime("%Y%m%d")) if node.end else 99991231
    return wq.NumericRange("day", start, end)


def _plain(part) -> bool:
    return isinstance(part, Words) and part.field in (None, "title") and not part.phrase \
        and not part.prefix


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
        for start, size, form, short in abbreviations_in(found, text):
            if short and len(form.long) > 1 and size == 1:
                continue  # an abbreviation typed alone: _words expands it
            out.extend(run[at:start])
            marked = any(has_diacritics(p.text) for p in run[start : start + size])
            out.append(_Either(tuple(run[start : start + size]), _other_form(form, short, marked)))
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
    pairs = sorted({p for sp in spellings(syllables(text), text) for p in sp.pairs})
    return [wq.Or([wq.Term("text_pairs", p, boost=PAIR_BOOST), wq.Term("title_pairs", p, boost=PAIR_BOOST)])
            for p in pairs]


_TERM = re.compile(r"(\d{4})\s*[-–—]\s*(\d{2,4})")


def _facet(node: Words) -> wq.Query | None:
    if node.field in ("ward", "official", "category"):
        return wq.Term(node.field, facet_key(node.text))
    if node.field == "term":
        return wq.Term("term", normal_term(node.text))
    return None


def _where(node: Words) -> tuple[str, ...]:
    return ("title",) if node.field == "title" else ("text", "title")


def _words(node: Words, compiled: Compiled):
    facet = _facet(node)
    if facet is not None:
        return facet, [], None
    text = clean_text(node.text)
    found = syllables(text, cleaned=True)
    if not found:
        return wq.NullQuery, [], None
    where = _where(node)
    if node.prefix:
        return _prefix_unit(found, text, where, strict=False), [], None
    variants = spellings(found, text)
    for sp in variants:
        compiled.folded_keys.update(sp.folded)
    marked = has_diacritics(text)
    exact = [exact_key(s.text) for s in found]
    if marked:
        compiled.exact_keys.update(exact)
    # Each spelling keeps its order (a quoted phrase, or one token of several syllables such
    # as "2020-2025" or "đ/c"); the spellings are alternatives.
    required = wq.Or([_sequence(sp, where) for sp in variants])
    boosts, tier = [], None
    if marked:
        boosts = [wq.Or([wq.Term(f"{w}_exact", e, boost=EXACT_BOOST) for w in where for e in exact])]
        typed = wq.Or([wq.And([wq.Term(f"{w}_exact", e) for e in exact]) for w in where])
        others = [_sequence(sp, where) for sp in variants[1:]]
        tier = wq.Or([typed, *others]) if others else typed
    return required, boosts, tier


def _prefix_unit(found: list[Syllable], text: str, where, strict: bool):
    """Words beginning as typed: the syllables before the last as they are, the last one a
    prefix, on the exact tier when typed with diacritics, else on the folded one."""
    last = found[-1].text
    marked = has_diacritics(last)
    tier, key = ("exact", exact_key(last)) if marked else ("folded", folded_key(last))
    prefix = wq.Or([wq.Prefix(f"{w}_{tier}", key) for w in where])
    if len(found) == 1:
        return prefix
    head = Unit((_typed(found[:-1], text),), where)
    return wq.And([_strict_unit(head) if strict else _sequence(head.spellings[0], where), prefix])


def _sequence(spelling: Spelling, where) -> wq.Query:
    """Syllables in this order on the folded tier: one term, or a chain of neighbouring pairs."""
    if len(spelling.folded) == 1:
        return wq.Or([wq.Term(f"{w}_folded", spelling.folded[0]) for w in where])
    return wq.Or([_pairs(f"{w}_pairs", spelling.pairs) for w in where])


def _pairs(fieldname: str, pairs: list[str]) -> wq.Query:
    if len(pairs) == 1:
        return wq.Term(fieldname, pairs[0])
    return wq.Phrase(fieldname, pairs)


# --- the strict reading --------------------------------------------------------------------


def _strict_spelling(spelling: Spelling, field: str) -> wq.Query:
    """One spelling in one field: side by side on the folded pairs, and in its diacritics
    where typed with them (exact pairs where both neighbours are, else the syllable)."""
    folded, gaps = spelling.folded, spelling.gaps
    # A key without diacritics says nothing its folded key does not (and the index keeps no
    # exact pair for it).
    exact = tuple(e if e is not None and e != f else None for e, f in zip(spelling.exact, folded))
    if len(folded) == 1:
        return wq.Term(f"{field}_exact", exact[0]) if exact[0] else wq.Term(f"{field}_folded", folded[0])
    parts: list[wq.Query] = [_pairs(f"{field}_pairs", spelling.pairs)]
    for i, key in enumerate(exact):
        if key is None:
            continue
        if i + 1 < len(exact) and exact[i + 1] is not None:
            parts.append(wq.Term(f"{field}_exact_pairs", pair_key(key, exact[i + 1], gaps[i])))
        elif not (i and exact[i - 1] is not None):  # no marked neighbour holds it in a pair
            parts.append(wq.Term(f"{field}_exact", key))
    return wq.And(parts)


def _strict_unit(unit: Unit) -> wq.Query:
    return wq.Or([_strict_spelling(sp, w) for sp in unit.spellings for w in unit.where])


class _Strict:
    """The strict reading of a tree: the same structure, words as units."""

    def __init__(self, segment: Segmenter, compiled: Compiled):
        self.segment = segment
        self.compiled = compiled

    def compile(self, node, marked: bool = True):
        if isinstance(node, Words):
            return self._words(node, marked)
        if isinstance(node, DateRange):
            return _days(node)
        if isinstance(node, Not):
            inner = self.compile(node.part, marked=False)
            return inner.query if isinstance(inner, _Negative) else _Negative(inner)
        if isinstance(node, Or):
            parts = [self.compile(p, marked) for p in node.parts]
            return wq.Or([wq.AndNot(wq.Every(), p.query) if isinstance(p, _Negative) else p
                          for p in parts])
        if isinstance(node, And):
            return self._and(node, marked)
        raise TypeError(f"unknown query node {node!r}")

    def _and(self, node: And, marked: bool):
        positives, negatives = [], []
        for part in self._units(node.parts, marked):
            query = part if isinstance(part, (wq.Query, _Negative)) else self.compile(part, marked)
            (negatives if isinstance(query, _Negative) else positives).append(query)
        if not positives:
            return _Negative(wq.Or([n.query for n in negatives]))
        required = wq.And(positives) if len(positives) > 1 else positives[0]
        if negatives:
            required = wq.AndNot(required, wq.Or([n.query for n in negatives]))
        return required

    def _units(self, parts: tuple, marked: bool) -> list:
        """The parts, with each run of plain typed words cut into word units."""
        out, i = [], 0
        while i < len(parts):
            if not _plain(parts[i]):
                out.append(parts[i])
                i += 1
                continue
            run = [parts[i]]
            i += 1
            while i < len(parts) and _plain(parts[i]) and parts[i].field == run[0].field:
                run.append(parts[i])
                i += 1
            out.extend(self._run_units(run, marked))
        return out

    def _run_units(self, run: list[Words], marked: bool) -> list[wq.Query]:
        where = _where(run[0])
        text = clean_text(" ".join(p.text for p in run))
        found = syllables(text, cleaned=True)
        units: list[Unit] = []
        at = 0
        for start, size, form, short in abbreviations_in(found, text):
            units += self._words_of(found[at:start], text, where)
            typed = _typed(found[start : start + size], text)
            other = _other_form(form, short, any(typed.exact))
            alone = short and form.joiner == "." and start + size == len(found)
            units.append(Unit((other,) if alone else (typed, other), where))
            at = start + size
        units += self._words_of(found[at:], text, where)
        if marked:
            self.compiled.units.extend(units)
        return [_strict_unit(u) for u in units]

    def _words_of(self, found: list[Syllable], text: str, where) -> list[Unit]:
        out, at = [], 0
        for size in self.segment([s.text for s in found]) if found else []:
            out.append(Unit((_typed(found[at : at + size], text),), where))
            at += size
        return out

    def _words(self, node: Words, marked: bool):
        facet = _facet(node)
        if facet is not None:
            return facet
        text = clean_text(node.text)
        found = syllables(text, cleaned=True)
        if not found:
            return wq.NullQuery
        where = _where(node)
        if node.prefix:
            query = _prefix_unit(found, text, where, strict=True)
            if marked:
                self.compiled.units.append(Unit((_typed(found, text),), where, prefix=True))
            return query
        unit = Unit(tuple(spellings(found, text)), where)
        if marked:
            self.compiled.units.append(unit)
        return _strict_unit(unit)


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
