"""Writing a Whoosh segment from whole documents at once, without Whoosh's posting pool.

Whoosh's own writer pushes every posting through a tuple, a sort, a pickled run file and a
per-posting write call, and writes a compressed block even for a term found in one document:
about four fifths of a build went there.  Here postings gather in memory per field and term,
and each term's list is written in one go: terms found in few documents are inlined into the
term table (Whoosh reads inlined postings, its writer just never makes them), longer lists
are cut into Whoosh's usual blocks.  The files are Whoosh's own format (codec W3), so any
Whoosh reader, merge or later update handles them.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from itertools import repeat
from operator import and_, rshift
from pickle import dumps

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter, W3TermInfo
from whoosh.formats import Positions
from whoosh.system import pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte

# What this module takes from Whoosh beyond its documented API (name → attributes used);
# tests/test_layers.py checks each exists in the installed Whoosh, so that a release that
# renames one fails in CI rather than in a user's index.
WHOOSH_INTERNALS = {
    "whoosh.codec.whoosh3.W3Codec": ("_blocklimit", "new_segment", "per_document_writer"),
    "whoosh.codec.whoosh3.W3FieldWriter": ("_postfile", "_fieldid", "_tindex", "start_field",
                                           "finish_field", "close"),
    "whoosh.codec.whoosh3.W3PostingsWriter": (
        "_write_block", "_postfile", "_blocklimit", "_format", "_terminfo", "_blockcount",
        "_startoffset", "_ids", "_weights", "_values", "_minlength", "_maxlength", "_maxweight"),
    "whoosh.codec.whoosh3.W3TermInfo": ("_struct", "set_extent", "to_bytes"),
    "whoosh.system.pack_uint": (),
    "whoosh.system.pack_ushort": (),
    "whoosh.util.numeric.length_to_byte": (),
}

_TERMINFO = W3TermInfo._struct
_SHIFT = 32
_LOW = (1 << _SHIFT) - 1

# Terms with at most this many postings are kept in the term table; most terms of a news
# archive (syllable pairs above all) are that rare, and a block costs a pickle, a zlib call
# and a seek for each.
INLINE = 8
# zlib level for posting blocks: Whoosh's default 3 costs a fifth more time than 1 for an
# index 1% smaller.
COMPRESSION = 1


class _BulkPostings(W3PostingsWriter):
    """Whoosh's postings writer, given a term's whole list at once."""

    def write_term(self, fmt, docs, weights, values, lengths) -> bytes:
        """Write one term's postings; returns its entry for the term table."""
        size = len(docs)
        if size <= INLINE:
            weights = array("f", weights)
            return _TERMINFO.pack(
                1, sum(weights), size, length_to_byte(min(lengths)), length_to_byte(max(lengths)),
                max(weights), docs[0], docs[-1],
            ) + dumps((tuple(docs), tuple(weights), tuple(values)), 2)
        terminfo = W3TermInfo()
        self._format = fmt
        self._terminfo = terminfo
        self._blockcount = 0
        self._startoffset = self._postfile.tell()
        step = self._blocklimit
        for start in range(0, size, step):
            self._ids = array("I", docs[start:start + step])
            self._weights = array("f", weights[start:start + step])
            self._values = values[start:start + step]
            chosen = lengths[start:start + step]
            self._minlength = min(chosen)
            self._maxlength = max(chosen)
            self._maxweight = max(self._weights)
            self._write_block(last=start + step >= size)
        terminfo.set_extent(self._startoffset, self._postfile.tell() - self._startoffset)
        self._terminfo = None
        return terminfo.to_bytes()


class SegmentBuilder:
    """One new segment of an index: add documents, then `finish()` returns the segment.

    The segment is not part of the index until a TOC names it (see commit.py); until then
    its files are strays that the next commit's cleanup deletes.
    """

    def __init__(self, storage, indexname: str, schema):
        self.codec = W3Codec()
        self.storage = storage
        self.schema = schema
        self.segment = self.codec.new_segment(storage, indexname)
        self.perdoc = self.codec.per_document_writer(storage, self.segment)
        self.docnum = 0
        self.postings = 0
        # field -> term -> postings, in one of two shapes.  Packed (KeyedText fields without
        # positions, most of the postings): one int per posting, the document number shifted
        # left by 32 plus the count.  Flat (the others): docnum, weight, value, docnum, ...
        # Terms are str keys for KeyedText fields, Whoosh's term bytes for the others.
        self._terms: dict[str, defaultdict] = {}
        self._lengths: dict[str, array] = {}
        self._fields = [(name, schema[name], _packed(schema[name])) for name in sorted(schema.names())]

    def add(self, fields: dict) -> None:
        """Add one document, given as the keyword arguments of Whoosh's add_document."""
        docnum = self.docnum
        perdoc = self.perdoc
        perdoc.start_doc(docnum)
        for name, field, packed in self._fields:
            value = fields.get(name)
            if value is None:
                continue
            length = 0
            if field.indexed:
                terms = self._terms.get(name)
                if terms is None:
                    terms = self._terms[name] = defaultdict(list)
                if _keyed(field):
                    if isinstance(value, str):  # text, not keys: the analyzer makes the keys
                        value = [token.text for token in field.analyzer(value)]
                    length = self._add_keys(terms, docnum, value, field.format, packed)
                else:
                    length = self._add_tokens(terms, docnum, field.index(value))
                if field.scorable:
                    lengths = self._lengths.setdefault(name, array("I"))
                    lengths.extend(bytes(docnum + 1 - len(lengths)))
                    lengths[docnum] = length
                else:
                    length = 0
            stored = fields.get(f"_stored_{name}", value)
            perdoc.add_field(name, field, stored if field.stored else None, length)
            if field.column_type and stored is not None:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(stored))
        perdoc.finish_doc()
        self.docnum += 1

    def _add_tokens(self, terms, docnum, items) -> int:
        length = 0
        for tbytes, freq, weight, vbytes in items:
            terms[tbytes] += (docnum, weight, vbytes or b"")
            length += freq
            self.postings += 1
        return length

    def _add_keys(self, terms, docnum, keys: list[str], fmt, packed: bool) -> int:
        # The postings Whoosh would make from KeyedText.index, without its tuples.
        if packed:
            base = docnum << _SHIFT
            counts = Counter(keys)
            for key, count in counts.items():
                terms[key].append(base | count)
            self.postings += len(counts)
            return len(keys)
        where: dict[str, list[int]] = {}
        for position, key in enumerate(keys):
            if key is None:  # a gap where punctuation parts two syllables
                continue
            found = where.get(key)
            if found is None:
                where[key] = [position]
            else:
                found.append(position)
        boost = fmt.field_boost
        table = _POSITION_VALUES
        if len(keys) > len(table):
            _extend(table, len(keys), True)
        for key, positions in where.items():
            if len(positions) == 1:
                terms[key] += (docnum, boost, table[positions[0]])
            else:
                terms[key] += (docnum, len(positions) * boost, fmt.encode(positions))
        self.postings += len(where)
        return len(keys)

    def finish(self):
        """Write the postings and close the files; returns the Whoosh segment."""
        self.perdoc.close()
        writer = W3FieldWriter(self.codec, self.storage, self.segment)
        for name, field, packed in self._fields:
            if name not in self._terms:
                continue
            fmt = field.format
            writer.start_field(name, field)
            postings = _BulkPostings(writer._postfile, blocklimit=self.codec._blocklimit,
                                     compression=COMPRESSION)
            prefix = pack_ushort(writer._fieldid)
            lengths = self._lengths.get(name)
            terms = self._terms.pop(name)
            add = writer._tindex.add
            for term in sorted(terms):
                items = terms.pop(term)
                if packed:
                    docs, weights, values = _unpack(items, fmt.field_boost)
                else:
                    docs, weights, values = items[0::3], items[1::3], items[2::3]
                known = [lengths[d] for d in docs] if lengths is not None else [0] * len(docs)
                key = term.encode("utf-8") if isinstance(term, str) else term
                add(prefix + key, postings.write_term(fmt, docs, weights, values, known))
            writer.finish_field()
        writer.close()
        self.segment.set_doc_count(self.docnum)
        self.segment.create_compound_file(self.storage)
        self.segment.compound = True
        return self.segment


def _keyed(field) -> bool:
    # schema.KeyedText: indexed from keys computed once per article (not imported: the
    # schema imports this module for count_value).
    return getattr(field, "keyed", False)


def _packed(field) -> bool:
    return _keyed(field) and not isinstance(field.format, Positions)


def _unpack(items: list[int], boost: float) -> tuple[list, list, list]:
    """Packed postings as Whoosh writes them: document numbers, weights, values."""
    # map() over C functions: this runs for most postings of the index.
    size = len(items)
    docs = list(map(rshift, items, repeat(_SHIFT, size)))
    counts = list(map(and_, items, repeat(_LOW, size)))
    most = max(counts)
    if most >= len(_COUNT_VALUES):
        _extend(_COUNT_VALUES, most, False)
    values = list(map(_COUNT_VALUES.__getitem__, counts))
    return docs, counts if boost == 1 else [n * boost for n in counts], values


# Encoded values by count (frequency fields) or by the one position (positional fields).
_COUNT_VALUES: list[bytes] = []
_POSITION_VALUES: list[bytes] = []
_POSITIONS = Positions()


def count_value(count: int) -> bytes:
    """A term's count in a document, as Whoosh's Frequency format stores it."""
    if count >= len(_COUNT_VALUES):
        _extend(_COUNT_VALUES, count, False)
    return _COUNT_VALUES[count]


def _extend(table: list[bytes], upto: int, positional: bool) -> None:
    """Encode values up to `upto` into the table: Positions.encode([n]) or pack_uint(n)."""
    table.extend(_POSITIONS.encode([n]) if positional else pack_uint(n)
                 for n in range(len(table), upto + 1))
