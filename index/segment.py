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
from collections import Counter
from functools import lru_cache
from pickle import dumps

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter, W3TermInfo
from whoosh.formats import Positions
from whoosh.system import pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte

_TERMINFO = W3TermInfo._struct

# Terms with at most this many postings are kept in the term table; most terms of a news
# archive (syllable pairs above all) are that rare, and a block costs a pickle, a zlib call
# and a seek for each.
INLINE = 4


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

    The segment is not part of the index until a TOC names it (see build.py); until then
    its files are strays that a rebuild's cleanup or Whoosh's next commit deletes.
    """

    def __init__(self, storage, indexname: str, schema):
        self.codec = W3Codec()
        self.storage = storage
        self.schema = schema
        self.segment = self.codec.new_segment(storage, indexname)
        self.perdoc = self.codec.per_document_writer(storage, self.segment)
        self.docnum = 0
        self.postings = 0
        # field -> term -> [doc, weight, value, doc, weight, value, ...]; terms are the
        # keys (str) for KeyedText fields, Whoosh's term bytes for the others.
        self._terms: dict[str, dict[str, list]] = {}
        self._lengths: dict[str, array] = {}
        self._fields = [(name, schema[name]) for name in sorted(schema.names())]

    def add(self, fields: dict) -> None:
        """Add one document, given as the keyword arguments of Whoosh's add_document."""
        docnum = self.docnum
        perdoc = self.perdoc
        perdoc.start_doc(docnum)
        for name, field in self._fields:
            value = fields.get(name)
            if value is None:
                continue
            length = 0
            if field.indexed:
                terms = self._terms.setdefault(name, {})
                if isinstance(value, list):  # KeyedText's precomputed keys
                    length = self._add_keys(terms, docnum, value, field.format)
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
            entry = terms.get(tbytes)
            if entry is None:
                terms[tbytes] = [docnum, weight, vbytes or b""]
            else:
                entry += (docnum, weight, vbytes or b"")
            length += freq
            self.postings += 1
        return length

    def _add_keys(self, terms, docnum, keys: list[str], fmt) -> int:
        # The same postings Whoosh would make from KeyedText.index, without its tuples.
        boost = fmt.field_boost
        if isinstance(fmt, Positions):
            where: dict[str, list[int]] = {}
            for position, key in enumerate(keys):
                found = where.get(key)
                if found is None:
                    where[key] = [position]
                else:
                    found.append(position)
            for key, positions in where.items():
                count = len(positions)
                value = _one_position(positions[0]) if count == 1 else fmt.encode(positions)
                entry = terms.get(key)
                if entry is None:
                    terms[key] = [docnum, count * boost, value]
                else:
                    entry += (docnum, count * boost, value)
            self.postings += len(where)
        else:
            counts = Counter(keys)
            for key, count in counts.items():
                entry = terms.get(key)
                if entry is None:
                    terms[key] = [docnum, count * boost, _count(count)]
                else:
                    entry += (docnum, count * boost, _count(count))
            self.postings += len(counts)
        return len(keys)

    def finish(self):
        """Write the postings and close the files; returns the Whoosh segment."""
        self.perdoc.close()
        writer = W3FieldWriter(self.codec, self.storage, self.segment)
        for name in sorted(self._terms):
            field = self.schema[name]
            fmt = field.format
            writer.start_field(name, field)
            postings = _BulkPostings(writer._postfile, blocklimit=self.codec._blocklimit,
                                     compression=self.codec._compression)
            prefix = pack_ushort(writer._fieldid)
            lengths = self._lengths.get(name)
            terms = self._terms.pop(name)
            add = writer._tindex.add
            for term in sorted(terms):
                entry = terms[term]
                docs = entry[0::3]
                known = [lengths[d] for d in docs] if lengths is not None else [0] * len(docs)
                add(prefix + (term.encode("utf-8") if isinstance(term, str) else term),
                    postings.write_term(fmt, docs, entry[1::3], entry[2::3], known))
            writer.finish_field()
        writer.close()
        self.segment.set_doc_count(self.docnum)
        self.segment.create_compound_file(self.storage)
        self.segment.compound = True
        return self.segment


@lru_cache(maxsize=4096)
def _one_position(position: int) -> bytes:
    """Positions.encode([position]), remembered: most pairs occur once in an article."""
    return Positions().encode([position])


@lru_cache(maxsize=4096)
def _count(count: int) -> bytes:
    return pack_uint(count)
