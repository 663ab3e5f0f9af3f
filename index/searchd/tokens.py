"""Analysis keys as searchd tokens: one key, one token, whatever letters it holds.

searchd's tokenizer would split a pair key ("luong khanh"), fold "đảng" by its own tables
and cut long words at 42 characters.  So every key is written in an ASCII alphabet that
its charset_table keeps whole (config.CHARSET): letters a-z and digits stand for
themselves, any other character as `_hex_`; keys never hold "_" (keys.SYLLABLE excludes
it), so the writing is one-to-one.  A key too long for searchd becomes `__` and its digest.

Each token begins with its field's letter: searchd counts a keyword over all fields, and
the query side's word statistics (words.py) ask how often one field holds a key.
"""

from __future__ import annotations

import hashlib
import re

MAX_TOKEN = 40  # searchd keeps 42 bytes of a word; a digest token is 35
GAP = "__gap"  # holds a position where punctuation parts two syllables (keys.pairs_in)
EVERY = "__every"  # the one token of the `every` field
# One letter per field: "f_dang" is "dang" in text_folded (schema.FIELDS names them all).
FIELD_LETTERS = {"title_exact": "a", "title_folded": "b", "title_pairs": "c",
                 "title_exact_pairs": "d", "text_exact": "e", "text_folded": "f",
                 "text_pairs": "g", "text_exact_pairs": "h", "ward": "w", "official": "o",
                 "term": "t", "category": "k", "dates": "q"}
_PLAIN = re.compile(r"[a-z0-9]")


def token(key: str, field: str) -> str:
    """The searchd token of an analysis key in a field.

    >>> token("dang", "text_folded"), token("luong khanh", "text_pairs"), token("đảng", "text_exact")
    ('f_dang', 'g_luong_20_khanh', 'e__111__1ea3_ng')
    >>> token("d/c", "title_pairs"), token("x" * 50, "text_folded")[:3], len(token("x" * 50, "ward"))
    ('c_d_2f_c', 'f__', 35)
    """
    written = FIELD_LETTERS[field] + "_" + "".join(
        c if _PLAIN.match(c) else f"_{ord(c):x}_" for c in key)
    if len(written) <= MAX_TOKEN:
        return written
    return FIELD_LETTERS[field] + "__" + hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()


def field_text(keys, field: str) -> str:
    """A field's text for searchd: its keys as tokens in order, a gap token for each None
    (so that no phrase runs across punctuation, as in the embedded pairs field)."""
    return " ".join(GAP if k is None else token(k, field) for k in keys)
