"""One article as a searchd row: its key fields as tokens, its facet ids and order attributes."""

from __future__ import annotations

import numpy as np

from ..columns import periods
from .client import numbers, quote
from .dates import date_keys
from .schema import (DATES_FIELD, EVERY_FIELD, FACET_ATTRIBUTES, FACET_FIELDS, FIELDS, KEY_FIELDS,
                     STRING_ATTRIBUTES, UINT_ATTRIBUTES, mva)
from .shards import document_id
from .tokens import EVERY, field_text, token

VALUE_OFFSET = 1
# The `oldest` order puts articles without a year last: a day after any yyyymmdd, within
# the signed 32 bits searchd's expressions compare in (2**32 - 1 read as -1 there).
UNDATED_LAST = 99_999_999
COLUMNS = ("id", *FIELDS, *UINT_ATTRIBUTES, *(mva(a) for a in FACET_ATTRIBUTES), *STRING_ATTRIBUTES)


def _facet_text(fields: dict, name: str) -> str:
    """The folded keys a facet is searched by (`ward:"..."`), one token each."""
    keys = fields[name].split(",") if name != "category" else [fields[name]]
    return " ".join(token(k, name) for k in keys if k)


def row(fields: dict, seq: int, ids: dict[str, list[int]], officials: list[str]) -> dict:
    """The values of a row, by column: `fields` are schema.article_fields of the article,
    `seq` its place in corpus order, `ids` its facet value ids, `officials` the keys its
    resolved officials are selected by (dictionary.leading_keys)."""
    return finished_row(prepared_row(fields, seq), ids, officials)


def prepared_row(fields: dict, seq: int) -> dict:
    """The values of a row that need no other article: all but the facet value ids and the
    resolved officials' keys, which need the whole archive (a rebuild keeps these between
    its two passes, spool.py)."""
    day = int(fields["day"])
    first, last = (int(v[0]) for v in periods(np.array([day])))
    year = day // 10000
    values = {"id": document_id(fields["id"])}
    values.update({f: field_text(fields[f], f) for f in KEY_FIELDS})
    values.update({f: _facet_text(fields, f) for f in FACET_FIELDS if f != "official"})
    values[EVERY_FIELD] = EVERY
    values[DATES_FIELD] = " ".join(token(k, DATES_FIELD) for k in date_keys(day, int(fields["md"])))
    values.update(seq=seq, day=day, oldest=day or UNDATED_LAST,
                  first_day=first if day else 0, last_day=last if day else 0, year=year,
                  md=int(fields["md"]), kind=int(fields["kind"]),
                  year_kind=year * 4 + int(fields["kind"]),
                  month_kind=(day // 100) * 4 + int(fields["kind"]),
                  # syllables of the text: the word statistics' total (words.py)
                  text_length=len(fields["text_folded"]))
    values.update(aid=fields["id"], source=fields["source"], record=fields["record"])
    return values


def finished_row(values: dict, ids: dict[str, list[int]], officials: list[str]) -> dict:
    """A prepared row with its facet value ids and its officials' keys added (in place)."""
    values["official"] = " ".join(token(k, "official") for k in officials)
    # searchd keeps no 0 in a multi-valued attribute: ids are stored one up (VALUE_OFFSET).
    values.update({mva(a): [i + VALUE_OFFSET for i in ids.get(a, [])] for a in FACET_ATTRIBUTES})
    return values


def _literal(value) -> str:
    if isinstance(value, list):
        return numbers(value)
    if isinstance(value, int):
        return str(value)
    return quote(value)


def row_values(r: dict) -> str:
    """One row's parenthesised values, in COLUMNS order, as a REPLACE statement lists them."""
    return "(" + ", ".join(_literal(r[c]) for c in COLUMNS) + ")"


def replace_values(index: str, values: list[str]) -> str:
    """REPLACE INTO of several rows, each written by row_values, in one statement."""
    return f"REPLACE INTO {index} ({', '.join(COLUMNS)}) VALUES {', '.join(values)}"


__all__ = ["COLUMNS", "finished_row", "prepared_row", "replace_values", "row",
           "row_values"]
