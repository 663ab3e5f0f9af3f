"""Which typed syllables form one word: the units the strict reading keeps side by side.

Vietnamese writes syllables apart; words and names are one to four of them ("nhiệm kỳ",
"Lương Khánh Thiện").  Two neighbouring syllables of a query are one word when:
  - both are typed with a capital (a name: "Đinh La Thăng", "Thụy Xuân"), or
  - the archive writes them side by side far more often than chance would put them there:
    the pair's count against the product of the syllables' counts (its lift), on the
    diacritic tier when both are typed with diacritics, else on the folded one.
pyvi's segmenter was measured against this on a judged list of queries (README, "Words are
words"): it splits names and reads nothing typed without diacritics, so it is not used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..archive.normalise import has_diacritics

from .keys import exact_key, folded_key, pair_key

MIN_LIFT = 3.0  # times more often side by side than chance
MIN_PAIRS = 5  # and seen side by side at least this often
# A run of 3 or 4 syllables is one word (a name typed in lower case, "dinh la thang") when
# this share of the articles with its rarest pair writes the whole run.
MIN_SHARE = 0.3


@dataclass(frozen=True)
class Statistics:
    """How often the archive writes a key: `frequency(field, key)` occurrences in the texts,
    out of `total` syllables."""

    frequency: Callable[[str, str], float]
    total: float
    documents: Callable[[list[str]], int] | None = None  # articles writing folded keys in a row


def _capitalised(syllable: str) -> bool:
    return syllable[:1].isupper()


def lift(first: str, second: str, statistics: Statistics) -> float:
    """How many times more often the archive writes the two side by side than chance would."""
    if has_diacritics(first) and has_diacritics(second):
        keys, fields = (exact_key(first), exact_key(second)), ("text_exact", "text_exact_pairs")
    else:
        keys, fields = (folded_key(first), folded_key(second)), ("text_folded", "text_pairs")
    together = statistics.frequency(fields[1], pair_key(*keys))
    if together < MIN_PAIRS:
        return 0.0
    apart = statistics.frequency(fields[0], keys[0]) * statistics.frequency(fields[0], keys[1])
    return together * statistics.total / apart if apart else 0.0


def joined(first: str, second: str, statistics: Statistics | None) -> bool:
    """Whether two neighbouring typed syllables belong to one word."""
    if _capitalised(first) and _capitalised(second):
        return True
    return statistics is not None and lift(first, second, statistics) >= MIN_LIFT


def word_lengths(syllables: list[str], statistics: Statistics | None) -> list[int]:
    """The syllables cut into words: the number of syllables of each, in order.

    >>> word_lengths(["Đinh", "La", "Thăng", "nói"], None)
    [3, 1]
    """
    lengths: list[int] = []
    for i, syllable in enumerate(syllables):
        if i and joined(syllables[i - 1], syllable, statistics):
            lengths[-1] += 1
        else:
            lengths.append(1)
    if len(lengths) > 1 and 3 <= len(syllables) <= 4 and _one_run(syllables, statistics):
        return [len(syllables)]
    return lengths


def _one_run(syllables: list[str], statistics: Statistics | None) -> bool:
    """Whether the archive writes the whole run far more often than its rarest pair alone."""
    if statistics is None or statistics.documents is None:
        return False
    keys = [folded_key(s) for s in syllables]
    whole = statistics.documents(keys)
    if whole < MIN_PAIRS:
        return False
    rarest = min(statistics.documents(pair) for pair in zip(keys, keys[1:]))
    return whole >= MIN_SHARE * rarest
