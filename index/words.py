"""Which typed syllables form one word: the units the strict reading keeps side by side.

Vietnamese writes syllables apart; words and names are one to four of them ("nhiệm kỳ",
"Lương Khánh Thiện").  A query is cut into words, run by run:
  - syllables typed with capitals side by side are a name ("Đinh La Thăng", "Thụy Xuân");
  - a run typed with diacritics is cut by pyvi's segmenter (a CRF model that ships with the
    package, loaded once when first needed);
  - a run typed without any is cut by the archive's own counts: two syllables are one word
    when the archive writes them side by side far more often than chance (the pair's count
    against the product of the syllables' counts: its lift), and a run of 3 or 4 that no
    pair joins is one word when most articles with its rarest pair write it whole (a name
    typed in lower case: "dinh la thang").
Measured on 40 queries whose words we marked by hand (bench/words.py): typed with
diacritics, pyvi cuts 98% of the pairs right, the counts 75% (capitals first, then pyvi:
99%); typed without, pyvi 43%, the counts 82%.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..archive.normalise import canonical_tones, has_diacritics

from .keys import exact_key, folded_key, pair_key

MIN_LIFT = 3.0  # times more often side by side than chance
MIN_PAIRS = 5  # and seen side by side at least this often
# A run of 3 or 4 syllables is one word (a name typed in lower case, "dinh la thang") when
# this share of the articles with its rarest pair writes the whole run.
MIN_SHARE = 0.3


@dataclass(frozen=True)
class Statistics:
    """How often the archive writes a key: `frequency(field, key)` occurrences in the texts,
    out of `total` syllables; `documents(keys)` the articles writing folded keys in a row."""

    frequency: Callable[[str, str], float]
    total: float
    documents: Callable[[list[str]], int] | None = None


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


def word_lengths(syllables: list[str], statistics: Statistics | None) -> list[int]:
    """The syllables cut into words: the number of syllables of each, in order.

    >>> word_lengths(["Đinh", "La", "Thăng", "nói"], None)
    [3, 1]
    >>> word_lengths(["quy", "chế", "dân", "chủ", "cơ", "sở"], None)
    [2, 2, 2]
    """
    lengths: list[int] = []
    run: list[str] = []
    for i, syllable in enumerate(syllables):
        after_capital = i > 0 and _capitalised(syllables[i - 1]) and _capitalised(syllable)
        before_capital = (i + 1 < len(syllables) and _capitalised(syllable)
                          and _capitalised(syllables[i + 1]))
        if after_capital:
            lengths[-1] += 1
        elif before_capital:  # a name starts here: what ran before it is cut first
            lengths += _run_lengths(run, statistics)
            run = []
            lengths.append(1)
        else:
            run.append(syllable)
    return lengths + _run_lengths(run, statistics)


def _run_lengths(run: list[str], statistics: Statistics | None) -> list[int]:
    """A run of syllables with no name in it, cut into words."""
    if not run:
        return []
    if any(has_diacritics(s) for s in run):
        return pyvi_lengths(run)
    lengths: list[int] = []
    for i, syllable in enumerate(run):
        if i and statistics is not None and lift(run[i - 1], syllable, statistics) >= MIN_LIFT:
            lengths[-1] += 1
        else:
            lengths.append(1)
    if len(lengths) == len(run) and 3 <= len(run) <= 4 and _one_run(run, statistics):
        return [len(run)]
    return lengths


def _one_run(syllables: list[str], statistics: Statistics | None) -> bool:
    """Whether the archive writes the whole run far more often than its rarest pair alone."""
    if statistics is None or statistics.documents is None:
        return False
    keys = [folded_key(s) for s in syllables]
    whole = statistics.documents(keys)
    if whole < MIN_PAIRS:
        return False
    rarest = min(statistics.documents(list(pair)) for pair in zip(keys, keys[1:]))
    return whole >= MIN_SHARE * rarest


def pyvi_lengths(run: list[str]) -> list[int]:
    """pyvi's cut of syllables typed with diacritics: the syllables of each word.

    pyvi joins "hoà giải" but not "hòa giải": it is given the syllables with the tone placed by
    the 1989 rule, and its words are read back syllable by syllable.
    """
    tokens = _tokenizer()(" ".join(canonical_tones(s) for s in run)).split()
    lengths = [len(token.split("_")) for token in tokens]
    return lengths if sum(lengths) == len(run) else [1] * len(run)  # it split a syllable


def load_segmenter() -> None:
    """Import pyvi now (a second or more, scikit-learn with it), not on the first query typed
    with diacritics that needs it: for servers, before they take requests."""
    _tokenizer()


@lru_cache(maxsize=1)
def _tokenizer():
    from pyvi import ViTokenizer  # scikit-learn: over a second to import, so only when needed

    return ViTokenizer.tokenize
