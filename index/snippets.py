"""Snippets: fragments of the original text with every matched word marked.

Words are matched by key, so a word found through folding ("luong" → "Lương") or through
tone placement ("hòa" → "hoà") is marked as the source wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from html import escape
from itertools import islice

from .keys import SYLLABLE, exact_key, folded_in_place, folded_key

MARK = ("<mark>", "</mark>")
# Bounds on the work of one snippet, whatever the article: the windows are chosen among the
# first matches only, and the slow path reads a bounded stretch of the text.
MAX_SNIPPET_MATCHES = 5_000
MAX_SNIPPET_CHARS = 1_000_000
MAX_SLOW_CHARS = 200_000


Finder = Callable[[str, "int | None"], list[tuple[int, int]]]  # (text, most) → spans


def _key_pattern(key: str, prefix: bool = False) -> str:
    """A folded key as a regex over text folded in place: i/y variants either way."""
    body = re.escape(key[:-1]) + "[iy]" if _I_OR_Y_FOLDED.match(key) else re.escape(key)
    return body + (r"[^\W_]*" if prefix else "")


_I_OR_Y_FOLDED = re.compile(r"^(?:h|k|l|m|qu|s|t)y$")


@lru_cache(maxsize=256)
def _pattern(keys: frozenset[str]) -> re.Pattern:
    alternatives = "|".join(_key_pattern(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def key_finder(exact: set[str], folded: set[str]) -> Finder:
    """Spans of every syllable with one of the keys, wherever it stands (the loose reading)."""

    def find(text: str, most: int | None = None) -> list[tuple[int, int]]:
        # An exact match is a folded match too, so folded keys find every word to mark; one
        # regex over the text folded in place does it in C.
        if not folded and not exact:
            return []
        plain = folded_in_place(text)
        if plain is not None:
            keys = frozenset(folded) | {folded_key(k) for k in exact}
            return [m.span() for m in islice(_pattern(keys).finditer(plain), most)]
        # Syllable by syllable (a Python loop) only where folding moves positions: rare
        # letters, and then over a bounded stretch of a long text.
        found = (
            match.span()
            for match in SYLLABLE.finditer(text, 0, min(len(text), MAX_SLOW_CHARS))
            if folded_key(match.group()) in folded or exact_key(match.group()) in exact
        )
        return list(islice(found, most))

    return find


# What may stand between two syllables of one word in a text: what the index pairs across.
_JOIN = {" ": r"(?:[ \t\u00a0]+|[ \t]*[-–‑.][ \t]*)", "/": r"[ \t]*/[ \t]*"}


@lru_cache(maxsize=256)
def _unit_pattern(spellings: tuple, prefix: bool) -> re.Pattern:
    """One regex for the spellings of a unit, over text folded in place."""
    alternatives = []
    for folded, gaps in spellings:
        parts = [_key_pattern(k, prefix and i == len(folded) - 1) for i, k in enumerate(folded)]
        body = parts[0] + "".join(_JOIN[g] + p for g, p in zip(gaps, parts[1:]))
        alternatives.append(f"(?:{body})")
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(alternatives)})(?![^\W_])")


def unit_finder(units) -> Finder:
    """Spans where a unit stands whole, in the diacritics it was typed with (the strict reading).

    >>> from wardnews.index.compile import Unit, Spelling
    >>> name = Unit((Spelling(("thuy", "xuan"), ("thuỵ", "xuân"), (" ",)),))
    >>> text = "Thủy Xuân, rồi Thụy Xuân; thụy và xuân."
    >>> [text[s:e] for s, e in unit_finder([name])(text)]
    ['Thụy Xuân']
    """
    checks = [(unit, _unit_pattern(tuple((sp.folded, sp.gaps) for sp in unit.spellings),
                                   unit.prefix)) for unit in units]

    def find(text: str, most: int | None = None) -> list[tuple[int, int]]:
        plain = folded_in_place(text)
        if plain is None:  # rare letters move positions: keys of the text syllable by syllable
            return _slow_units(text, units, most)
        spans = []
        for unit, pattern in checks:
            for match in pattern.finditer(plain):
                if _typed_as(text[match.start() : match.end()], unit):
                    spans.append(match.span())
                    if most is not None and len(spans) >= most:
                        break
        return _merged(spans)[:most] if most is not None else _merged(spans)

    return find


def _typed_as(found: str, unit) -> bool:
    """Whether the syllables found match some spelling of the unit in its typed diacritics."""
    written = SYLLABLE.findall(found)
    for spelling in unit.spellings:
        if len(spelling.folded) == len(written) and all(
            e is None or exact_key(w) == e or (unit.prefix and i == len(written) - 1
                                                and exact_key(w).startswith(e))
            for i, (w, e) in enumerate(zip(written, spelling.exact))
        ):
            return True
    return False


def _slow_units(text: str, units, most: int | None) -> list[tuple[int, int]]:
    found = list(SYLLABLE.finditer(text, 0, min(len(text), MAX_SLOW_CHARS)))
    keys = [folded_key(m.group()) for m in found]
    spans = []
    for unit in units:
        for spelling in unit.spellings:
            size = len(spelling.folded)
            for i in range(len(found) - size + 1):
                window = keys[i : i + size]
                last_ok = window[-1].startswith(spelling.folded[-1]) if unit.prefix else \
                    window[-1] == spelling.folded[-1]
                if tuple(window[:-1]) == spelling.folded[:-1] and last_ok:
                    span = (found[i].start(), found[i + size - 1].end())
                    if _typed_as(text[span[0] : span[1]], unit):
                        spans.append(span)
    merged = _merged(spans)
    return merged[:most] if most is not None else merged


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def mark(text: str, find: Finder) -> str:
    """The whole text, HTML-escaped, with what the finder found in <mark>.

    >>> mark("Phường Lương Khánh Thiện & <b>", key_finder(set(), {"luong"}))
    'Phường <mark>Lương</mark> Khánh Thiện &amp; &lt;b&gt;'
    """
    return _render(text, find(text, None), 0, len(text))


def _render(text: str, spans, start: int, end: int) -> str:
    out, at = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        out.append(escape(text[at:span_start]))
        out.append(MARK[0] + escape(text[span_start:span_end]) + MARK[1])
        at = span_end
    out.append(escape(text[at:end]))
    return "".join(out)


def snippet(text: str, find: Finder, width: int = 240, fragments: int = 2) -> str:
    """The best fragments of the text around its matches, HTML-escaped, matches marked.

    Fragments are windows of about `width` characters chosen for the most distinct matched
    words; without matches, the opening of the text.
    """
    # The windows come from the first matches of the opening stretch of the text, so a long
    # article costs a bounded amount of work (its opening is shown when nothing matches there).
    spans = find(text[:MAX_SNIPPET_CHARS], MAX_SNIPPET_MATCHES)
    if not spans:
        cut = text[:width].rsplit(" ", 1)[0] if len(text) > width else text
        return escape(cut) + (" …" if len(text) > width else "")
    chosen = _best_windows(text, spans, width, fragments)
    parts = []
    for start, end in chosen:
        body = _render(text, spans, start, end)
        parts.append(("… " if start > 0 else "") + body + (" …" if end < len(text) else ""))
    return " ".join(parts).replace("… …", "…")


def _best_windows(text, spans, width, fragments):
    """The `fragments` windows of about `width` characters with the most distinct matched
    words, in text order.

    One pass: windows start a little before each match, so their ends only move forward,
    and the distinct words inside are counted as the window slides (linear in the matches).
    """
    keys = [folded_key(text[s:e]) for s, e in spans]
    inside: dict[str, int] = {}
    scored = []
    ahead = 0  # the first span not yet inside the window
    for index, (first, _) in enumerate(spans):
        start = max(0, first - width // 4)
        end = min(len(text), start + width)
        while ahead < len(spans) and spans[ahead][1] <= end:
            inside[keys[ahead]] = inside.get(keys[ahead], 0) + 1
            ahead += 1
        scored.append((len(inside) if ahead > index else 0, -start, start, end))
        if ahead > index:  # the span leaves before the next window starts after it
            inside[keys[index]] -= 1
            if not inside[keys[index]]:
                del inside[keys[index]]
    scored.sort(reverse=True)
    chosen: list[tuple[int, int]] = []
    for _, _, start, end in scored:
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
        if len(chosen) == fragments:
            break
    return [_to_word_edges(text, s, e) for s, e in sorted(chosen)]


def _to_word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end
