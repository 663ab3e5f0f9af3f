"""Snippets: fragments of the original text with every matched word marked.

Words are matched by key, so a word found through folding ("luong" → "Lương") or through
tone placement ("hòa" → "hoà") is marked as the source wrote it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from html import escape

from .keys import SYLLABLE, exact_key, folded_in_place, folded_key

MARK = ("<mark>", "</mark>")
# Bounds on the work of one snippet, whatever the article: the windows are chosen among the
# first matches only, and the slow path reads a bounded stretch of the text.
MAX_SNIPPET_MATCHES = 5_000
MAX_SNIPPET_CHARS = 1_000_000
MAX_SLOW_CHARS = 200_000


@lru_cache(maxsize=256)
def _pattern(keys: frozenset[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _matches(text: str, exact: set[str], folded: set[str],
             most: int | None = None) -> list[tuple[int, int]]:
    # An exact match is a folded match too, so folded keys find every word to mark; one
    # regex over the text folded in place does it in C.
    if not folded and not exact:
        return []
    plain = folded_in_place(text)
    if plain is not None:
        keys = frozenset(folded) | {folded_key(k) for k in exact}
        return [m.span() for m in islice(_pattern(keys).finditer(plain), most)]
    # Syllable by syllable (a Python loop) only where folding moves positions: rare letters,
    # and then over a bounded stretch of a long text.
    found = (
        match.span()
        for match in SYLLABLE.finditer(text, 0, min(len(text), MAX_SLOW_CHARS))
        if folded_key(match.group()) in folded or exact_key(match.group()) in exact
    )
    return list(islice(found, most))


def mark(text: str, exact: set[str], folded: set[str]) -> str:
    """The whole text, HTML-escaped, with matched words in <mark>.

    >>> mark("Phường Lương Khánh Thiện & <b>", set(), {"luong"})
    'Phường <mark>Lương</mark> Khánh Thiện &amp; &lt;b&gt;'
    """
    return _render(text, _matches(text, exact, folded), 0, len(text))


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


def snippet(text: str, exact: set[str], folded: set[str], width: int = 240, fragments: int = 2) -> str:
    """The best fragments of the text around its matches, HTML-escaped, matches marked.

    Fragments are windows of about `width` characters chosen for the most distinct matched
    words; without matches, the opening of the text.
    """
    # The windows come from the first matches of the opening stretch of the text, so a long
    # article costs a bounded amount of work (its opening is shown when nothing matches there).
    spans = _matches(text[:MAX_SNIPPET_CHARS], exact, folded, MAX_SNIPPET_MATCHES)
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
