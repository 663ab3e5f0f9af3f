"""Whole result sets as an Excel workbook (.xlsx), written a row at a time in constant memory.

The first sheet holds the CSV's table: the same columns, rows and order (`exports.cells`),
the header bold, frozen and filterable; the second the CSV's facts, a key and a value a row
(`exports.facts`).  Every cell is written as what it is: text as text (a title starting "="
is text, never a formula, and keeps its "="), the score as a number, a date known to the day
as a date.  XlsxWriter's constant_memory mode sends each row to a file as soon as the next
begins, so memory stays flat however many rows there are; but an .xlsx is a zip whose
directory comes last, so the file is whole only at the end: it is written in a temporary
folder of its own, sent in chunks, and the folder removed when the stream ends or is closed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile

from . import exports

MAX_CELL = 32_767  # Excel's limit on the characters (UTF-16 code units) of one cell
CUT_MARK = " …[truncated]"  # ends a cell cut to that limit
MAX_ROWS = 1_048_576 - 1  # the rows of one sheet, less the header
CHUNK = 64 * 1024  # bytes sent at a time
WIDTHS = {"id": 18, "date": 11, "title": 50, "wards": 30, "officials": 30, "snippet": 60,
          "permalink": 40}  # in characters; the other columns keep Excel's default
OPTIONS = {
    "constant_memory": True,
    # Text stays text: no guessing formulas, numbers or links from strings (write_string is
    # used throughout; these guard any write() added later).
    "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
}


def xlsx_stream(hits, meta: dict, permalink=lambda article_id: "", sheets=("Kết quả", "Thông tin")):
    """The workbook's bytes in chunks; `sheets` names its two sheets (the table, the facts)."""
    folder = tempfile.mkdtemp(prefix="wardnews-xlsx-")
    try:  # a generator closed early (the client went away) runs this finally too
        path = os.path.join(folder, "export.xlsx")
        write(path, hits, meta, permalink, sheets, tmpdir=folder)
        with open(path, "rb") as file:
            while chunk := file.read(CHUNK):
                yield chunk
    finally:
        shutil.rmtree(folder)


def write(path: str, hits, meta: dict, permalink, sheets, tmpdir: str) -> None:
    """Write the workbook to `path`, XlsxWriter's own temporary files in `tmpdir`."""
    import xlsxwriter  # about 0.1 s to import: a server pays it at its first workbook only

    book = xlsxwriter.Workbook(path, {**OPTIONS, "tmpdir": tmpdir})
    formats = {"header": book.add_format({"bold": True}),
               "day": book.add_format({"num_format": "yyyy-mm-dd"})}
    table, about = book.add_worksheet(sheets[0]), book.add_worksheet(sheets[1])
    stopped = _table(table, hits, permalink, formats)
    _facts(about, exports.facts(meta, stopped), formats["header"])
    book.close()  # assembles the zip; XlsxWriter removes its own files as it goes


def _table(sheet, hits, permalink, formats) -> str | None:
    """The header and a row per hit; why the rows stopped early, if they did."""
    for column, name in enumerate(exports.COLUMNS):
        sheet.write_string(0, column, name, formats["header"])
        if name in WIDTHS:
            sheet.set_column(column, column, WIDTHS[name])
    sheet.freeze_panes(1, 0)
    rows, full = 0, None
    stopped = exports.Stopped()
    for batch in stopped.batches(hits):
        for hit in batch:
            if rows == MAX_ROWS:  # the sheet is full; the CSV has no such limit
                full = f"a sheet holds {MAX_ROWS:,} rows; the CSV export has them all"
                break
            rows += 1
            for column, value in enumerate(exports.cells(hit, permalink)):
                _cell(sheet, rows, column, value, formats["day"])
        if full:
            break
    sheet.autofilter(0, 0, rows, len(exports.COLUMNS) - 1)
    return full or stopped.reason


def _facts(sheet, facts, bold) -> None:
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 40)
    for number, (key, value) in enumerate(facts):
        sheet.write_string(number, 0, key, bold)
        _cell(sheet, number, 1, value, None)


def _cell(sheet, row: int, column: int, value, day_format) -> None:
    """One cell written as its type says: never through write(), which guesses."""
    if value == "":
        return  # left empty, not an empty string (constant_memory would write one): COUNTA skips it
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, column, value)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, column, value, day_format)
    else:
        sheet.write_string(row, column, fit(str(value)))


def fit(text: str) -> str:
    """Text within Excel's limit for a cell: longer text is cut, and ends with CUT_MARK.

    >>> cut = fit("phường " * 10_000)
    >>> _units(cut), cut.endswith(CUT_MARK), fit("Phường Lương Khánh Thiện")
    (32767, True, 'Phường Lương Khánh Thiện')
    """
    if len(text) <= MAX_CELL // 2 or _units(text) <= MAX_CELL:  # the first test is cheap
        return text
    keep = MAX_CELL - _units(CUT_MARK)
    cut = text[:keep]
    while (excess := _units(cut) - keep) > 0:  # characters beyond the BMP count twice
        cut = cut[:-excess]
    return cut + CUT_MARK


def _units(text: str) -> int:
    """The length of text in UTF-16 code units, as Excel counts it.

    >>> _units("Đảng"), _units("😀")
    (4, 2)
    """
    return len(text.encode("utf-16-le")) // 2
