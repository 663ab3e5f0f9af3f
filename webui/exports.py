"""Whole result sets as CSV and JSON, streamed a batch of rows at a time.

Both files say what they hold.  The CSV starts with a byte-order mark (so that Excel reads
its Vietnamese as UTF-8) and the header row, then one row per article; after the table, an
empty line and lines starting "#", one per fact (`# query,đại hội`, `# exported_at,...`,
`# version,...`, `# index_built_at,...`, `# total,...`, then the filters).  A spreadsheet
opens on the table; `pandas.read_csv(path, comment="#", skip_blank_lines=True)` reads only
the table.  The JSON is `{"meta": {...}, "hits": [...]}`, each hit in the shape of the
search JSON with its "permalink".  The spreadsheet (`xlsx_export`) holds the CSV's rows and
facts.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import logging
import re
from urllib.parse import urlsplit

from ..archive import WardnewsError
from ..index import ward_value

BATCH = 100  # rows written per chunk sent


def metadata(request, total: int, exported_at: str, version: str, built_at: str | None,
             match: str | None = None) -> dict:
    """What an export records about itself: the search, when, and from which archive."""
    return {
        "query": request.query,
        "filters": {
            "province": list(request.provinces),
            "district": list(request.districts),
            "ward": list(request.wards),
            "now_province": list(request.now_provinces),
            "now": list(request.nows),
            "term": list(request.terms),
            "official": list(request.officials),
            "year": list(request.years),
            "from": request.date_from.isoformat() if request.date_from else None,
            "to": request.date_to.isoformat() if request.date_to else None,
        },
        "sort": request.sort,
        "match": match or request.match,
        "mentions": request.mentions,
        "total": total,
        "exported_at": exported_at,
        "version": version,
        "index_built_at": built_at,
    }


# The one definition of an export's columns, in order: (name, the cell of a hit). The CSV,
# the spreadsheet and the README's list of columns all follow it; `link` gives an article's
# absolute address.
_CELLS = (
    ("id", lambda hit, link: hit.id),
    # An article's date is set only when known to the day (else date_partial has it at its
    # precision): the spreadsheet may make it a date cell and compute with it.
    ("date", lambda hit, link: hit.date or ""),
    ("date_kind", lambda hit, link: hit.date_kind or ""),  # "published" or "event"
    ("title", lambda hit, link: hit.title),
    ("wards", lambda hit, link: "; ".join(ward_value(w) for w in hit.wards)),
    ("subject_wards", lambda hit, link: "; ".join(ward_value(w) for w in hit.wards if w.subject)),
    ("terms", lambda hit, link: "; ".join(hit.terms)),
    ("officials", lambda hit, link: "; ".join(_official(o) for o in hit.officials)),
    ("category", lambda hit, link: hit.category or ""),
    ("source", lambda hit, link: hit.source),
    ("url", lambda hit, link: hit.url or ""),
    ("score", lambda hit, link: "" if hit.score is None else round(hit.score, 4)),
    ("date_partial", lambda hit, link: hit.date_partial or ""),
    ("date_precision", lambda hit, link: hit.date_precision or ""),  # day, month, year, month-day
    ("snippet", lambda hit, link: plain_snippet(hit.snippet)),
    ("permalink", lambda hit, link: link(hit.id)),
    ("wards_now", lambda hit, link: "; ".join(dict.fromkeys(w.now for w in hit.wards if w.now))),
    ("host", lambda hit, link: urlsplit(hit.url).hostname or "" if hit.url else ""),
)
COLUMNS = tuple(name for name, _ in _CELLS)


def cells(hit, permalink=lambda article_id: "") -> list:
    """A hit's cells in COLUMNS order, typed: the date a `datetime.date` (or "" when it is not
    known to the day), the score a number (or ""), the rest text; several values in a cell
    are joined by "; "."""
    return [cell(hit, permalink) for _, cell in _CELLS]


def row(hit, permalink=lambda article_id: "") -> list:
    """A hit as one CSV row: its cells() with the date as ISO text."""
    return [c.isoformat() if isinstance(c, dt.date) else c for c in cells(hit, permalink)]


def facts(meta: dict, stopped: str | None = None) -> list[tuple[str, object]]:
    """What an export says about itself, as (key, value) pairs in the order the files list
    them: the search, its total, when, which version and index, the filters, and why the
    export stopped early if it did."""
    pairs = [(key, "" if meta[key] is None else meta[key])
             for key in ("query", "sort", "match", "mentions", "total", "exported_at",
                         "version", "index_built_at")]
    for key, value in meta["filters"].items():
        pairs.append((key, "; ".join(value) if isinstance(value, list) else value or ""))
    if stopped:
        pairs.append(("error", f"the export stopped here: {stopped}"))
    return pairs


def plain_snippet(snippet: str) -> str:
    """A snippet as plain text: its marks dropped, its entities read.

    >>> plain_snippet("… phường <mark>Lương Khánh</mark> &amp; …")
    '… phường Lương Khánh & …'
    """
    return html.unescape(_MARKS.sub("", snippet))


_MARKS = re.compile(r"</?mark>")


def _official(official) -> str:
    roles = ", ".join(official.roles)
    return f"{official.name} ({roles})" if roles else official.name


# A cell a spreadsheet would read as a formula (OWASP's list): =, +, -, @, tab, CR first.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(cell):
    """A cell that no spreadsheet runs as a formula: such text gets a leading apostrophe.

    >>> neutral("=1+1"), neutral("-5 hộ"), neutral("Phường"), neutral(0.5)
    ("'=1+1", "'-5 hộ", 'Phường', 0.5)
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


class _NeutralWriter:
    """csv.writer whose every cell is neutral()."""

    def __init__(self, buffer):
        self._writer = csv.writer(buffer, lineterminator="\r\n")

    def writerow(self, cells) -> None:
        self._writer.writerow([neutral(c) for c in cells])

    def writerows(self, rows) -> None:
        for cells in rows:
            self.writerow(cells)


def csv_stream(hits, meta: dict, permalink=lambda article_id: ""):
    """The CSV text in chunks: a byte-order mark (so Excel reads UTF-8), the header, rows,
    then the facts.

    Every cell, the query and filter rows included, is neutral(): an exported title that
    starts with "=" is text in a spreadsheet, never a formula.
    """
    buffer = io.StringIO()
    writer = _NeutralWriter(buffer)
    buffer.write("\ufeff")
    writer.writerow(COLUMNS)
    yield _drain(buffer)
    stopped = Stopped()
    for batch in stopped.batches(hits):
        writer.writerows(row(hit, permalink) for hit in batch)
        yield _drain(buffer)
    writer.writerow([])
    for key, value in facts(meta, stopped.reason):  # a file cut short says so, on its last line
        writer.writerow([f"# {key}", value])
    yield _drain(buffer)


def json_stream(hits, meta: dict, permalink=lambda article_id: ""):
    """The JSON text in chunks: the facts, then the hits one batch at a time, each in the
    shape of the search JSON with its "permalink" added (the file leaves the site).

    An export that cannot finish still ends as valid JSON, with "error" saying why.
    """
    yield '{"meta": ' + json.dumps(meta, ensure_ascii=False) + ', "hits": ['
    first = True
    stopped = Stopped()
    for batch in stopped.batches(hits):
        text = ",\n".join(json.dumps({**hit.to_json(), "permalink": permalink(hit.id)},
                                      ensure_ascii=False) for hit in batch)
        yield ("\n" if first else ",\n") + text
        first = False
    error = f', "error": {json.dumps(stopped.reason, ensure_ascii=False)}' if stopped.reason else ""
    yield f"\n]{error}}}\n"


class Stopped:
    """Batches of hits; what stopped them early, if anything, is kept as `reason`."""

    def __init__(self):
        self.reason: str | None = None

    def batches(self, hits):
        batch: list = []
        try:
            for hit in hits:
                batch.append(hit)
                if len(batch) == BATCH:
                    yield batch
                    batch = []
        except WardnewsError as exc:  # the index changed under the export
            self.reason = str(exc)
        except Exception:  # a response already begun cannot become an error page
            logging.getLogger(__name__).exception("An export stopped")
            self.reason = "an internal error; it has been logged"
        if batch:  # what was read before the stop is written
            yield batch


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
