"""The Whoosh analyzers of the schema, over the keys of keys.py (one definition for both sides).

Whoosh pickles the schema, and with it these analyzer classes, into the index: they must stay
importable under these names, or older indexes stop opening.
"""

from __future__ import annotations

from whoosh.analysis import Composable, Token

from .keys import Syllable, exact_key, folded_key, pair_keys, syllables

__all__ = ["ExactAnalyzer", "ExactPairAnalyzer", "FoldedAnalyzer", "PairAnalyzer"]


class _KeyAnalyzer(Composable):
    """A Whoosh analyzer over this module's keys; subclasses say which key."""

    def keys(self, texts: list[str]) -> list[str]:
        raise NotImplementedError

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="",
                 **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        found = syllables(value) if tokenize else [Syllable(value, 0, len(value))]
        for position, (syllable, key) in enumerate(zip(found, self.keys([s.text for s in found]))):
            token.text = key
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = syllable.text
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + syllable.start
                token.endchar = start_char + syllable.end
            yield token

    def __eq__(self, other):
        return type(self) is type(other)

    def __hash__(self):
        return hash(type(self).__name__)


class ExactAnalyzer(_KeyAnalyzer):
    """Syllables keyed with their diacritics, tone placement made canonical."""

    def keys(self, texts):
        return [exact_key(t) for t in texts]


class FoldedAnalyzer(_KeyAnalyzer):
    """Syllables keyed without diacritics."""

    def keys(self, texts):
        return [folded_key(t) for t in texts]


class PairAnalyzer(_KeyAnalyzer):
    """Neighbouring syllables, folded, as one key each: "luong khanh", "khanh thien"."""

    def keys(self, texts):
        return pair_keys([folded_key(t) for t in texts])


class ExactPairAnalyzer(_KeyAnalyzer):
    """Neighbouring syllables in their diacritics, as one key each: "thụy xuân"."""

    def keys(self, texts):
        return pair_keys([exact_key(t) for t in texts])
