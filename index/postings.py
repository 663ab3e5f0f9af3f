"""A term's posting list read from a Whoosh segment in one read, decoded into arrays.

Whoosh's matcher reads a posting block as a handful of small reads (length, a pickled info
tuple, the data) through its compound file, each a seek and a read of the file: about 22
reads per block, 8 µs each, so most of a query asked for the first time went into reads.
Here the term's whole byte range is read at once, its blocks are unpickled from memory, and
the document numbers (stored as deltas) are summed by numpy instead of a Python generator.

The layout read is Whoosh 2.7's `whoosh3` codec (whoosh/codec/whoosh3.py, W3LeafMatcher):

    b"\x00\x00\x00\x03"                      header tag
    then per block:  int32 length (negative for the last block)
                     pickle (count, max id, max weight, compressed?, min len, max len)
                     the block's data: pickle of (id deltas, weights, values), zlib'd if so

A short list Whoosh keeps inline with the term is taken from there; anything else (another
codec or layout) is read through Whoosh's matcher.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.matching import FilterMatcher
from whoosh.reading import TermNotFound

# What this module takes from Whoosh beyond its documented API (see segment.py's).
WHOOSH_INTERNALS = {
    "whoosh.reading.SegmentReader": ("_terms", "_text_to_bytes", "term_info"),
    "whoosh.codec.whoosh3.W3TermsReader": ("_postfile",),
    "whoosh.codec.whoosh3.W3TermInfo": ("is_inlined", "inlined_postings", "extent"),
    "whoosh.codec.whoosh3.WHOOSH3_HEADER_MAGIC": (),
    "whoosh.codec.whoosh3.W3LeafMatcher": ("_read_ids", "_read_weights", "_ids", "_weights",
                                           "_next_block"),
    "whoosh.matching.FilterMatcher": ("child",),
}

_LENGTH = struct.Struct("!i")
EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0))


def segment_postings(reader, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """(docnums in the segment, frequencies) of a term, deleted documents included (the
    caller masks them); empty when the segment lacks the term."""
    try:
        info = reader.term_info(fieldname, text)
    except TermNotFound:
        return EMPTY
    if info.is_inlined():  # a short list kept with the term
        ids, weights, _ = info.inlined_postings()
        return (np.asarray(ids, dtype=np.int64),
                np.asarray(weights, dtype=np.float64) if weights else np.ones(len(ids)))
    postfile = getattr(getattr(reader, "_terms", None), "_postfile", None)
    if postfile is None:
        return _through_matcher(reader, fieldname, text)
    offset, length = info.extent()
    if isinstance(length, tuple):  # Whoosh 2.7 keeps the length as a 1-tuple
        length = length[0]
    raw = postfile.get(offset, length)
    if raw[:4] != WHOOSH3_HEADER_MAGIC:
        return _through_matcher(reader, fieldname, text)
    try:
        return decode_blocks(raw)
    except (struct.error, pickle.UnpicklingError, EOFError, ValueError, TypeError, zlib.error):
        return _through_matcher(reader, fieldname, text)  # not the layout this reads


def decode_blocks(raw: bytes) -> tuple[np.ndarray, np.ndarray]:
    """The ids and weights of every block of one term's postings."""
    ids, weights = [], []
    stream = io.BytesIO(raw)
    position, last = 4, False
    while not last:
        (length,) = _LENGTH.unpack_from(raw, position)
        last = length < 0
        following = position + _LENGTH.size + abs(length)
        if following > len(raw):
            raise ValueError("a block runs past the term's postings")
        stream.seek(position + _LENGTH.size)
        count, _, _, compressed, _, _ = pickle.load(stream)
        data = raw[stream.tell():following]
        deltas, block_weights, _ = pickle.loads(zlib.decompress(data) if compressed else data)
        ids.append(np.cumsum(np.fromiter(deltas, dtype=np.int64, count=count)))
        if block_weights is None:
            weights.append(np.ones(count))
        elif isinstance(block_weights, float):
            weights.append(np.full(count, block_weights))
        else:
            weights.append(np.asarray(block_weights, dtype=np.float64))
        position = following
    return np.concatenate(ids), np.concatenate(weights)


def _through_matcher(reader, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    matcher = reader.postings(fieldname, text)
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child  # deleted documents are the caller's to mask
    ids, weights = [], []
    if hasattr(matcher, "_read_ids"):  # on-disk blocks, decoded by Whoosh
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.append(np.asarray(matcher._ids, dtype=np.int64))
            weights.append(np.asarray(matcher._weights, dtype=np.float64))
            matcher._next_block()
    else:  # a short list Whoosh keeps inline with the term
        found, found_weights = [], []
        while matcher.is_active():
            found.append(matcher.id())
            found_weights.append(matcher.weight())
            matcher.next()
        ids.append(np.asarray(found, dtype=np.int64))
        weights.append(np.asarray(found_weights, dtype=np.float64))
    if not ids:
        return EMPTY
    return np.concatenate(ids), np.concatenate(weights)
