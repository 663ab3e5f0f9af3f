"""Exports at scale: peak memory and time of the .xlsx writer against the CSV writer (the
baseline) in the same run, on synthetic results, each export in a fresh process.

    python bench/xlsx_memory.py                         # 150,000 and 15,000 rows, 3 runs each
    python bench/xlsx_memory.py --rows 150000 --small 0 --runs 1
    python bench/xlsx_memory.py --writers openpyxl --runs 1    # the library set aside

The rows are made up here (Vietnamese words of this file; no publisher's text) and go through
the functions the routes stream, `exports.csv_stream` and `xlsx_export.xlsx_stream`, their
bytes sent to /dev/null.  Prints per writer and size the medians of --runs: seconds, peak
resident memory (ru_maxrss), memory before the first row (the imports), and the file's size.
Memory that stays flat between --small and --rows rows is what constant-memory writing means.
`--writers openpyxl` writes the same cells with openpyxl's write-only mode (the test extra),
the alternative measured when XlsxWriter was chosen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

WORDS = ("phường xã thị trấn ủy ban nhân dân hội đồng đảng bộ chi bộ đại hội nhiệm kỳ bí thư "
         "chủ tịch phó tổ dân phố khu dân cư vệ sinh môi trường trật tự đô thị an ninh kinh tế "
         "xây dựng nông thôn mới cải tạo vỉa hè đường làng ngõ xóm học sinh trường tiểu học "
         "trạm y tế tiêm chủng hộ nghèo cận nghèo hỗ trợ giải phóng mặt bằng quy hoạch đất đai "
         "tuyên truyền pháp luật hòa giải cơ sở mặt trận tổ quốc đoàn thanh niên hội phụ nữ "
         "cựu chiến binh lễ hội văn hóa thể thao người cao tuổi").split()
NAMES = ("Minh Khai", "Lương Khánh Thiện", "Hoàn Kiếm", "Đồng Xuân", "Trần Hưng Đạo", "Vĩnh Tuy",
         "Tương Mai", "Cửa Nam", "Thụy Xuân", "Quang Trung")
PEOPLE = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung", "Đặng Đình Thoảng")
PRECISIONS = ("day", "day", "day", "month", "year", "month-day")
WRITERS = ("csv", "xlsx", "openpyxl")


def hits(count: int, seed: int = 12):
    """`count` made-up results, made one at a time as the index's iterator makes them."""
    from wardnews.archive import Official, Ward
    from wardnews.index import Hit

    pick = random.Random(seed)
    for number in range(count):
        day = dt.date(2015, 1, 1) + dt.timedelta(days=pick.randrange(4000))
        precision = pick.choice(PRECISIONS)
        place = pick.choice(NAMES)
        yield Hit(
            id=f"{number:016x}", source=f"tong-hop/{number // 1000}.jsonl",
            url=f"https://tin-phuong.example/bai/{number}", title=_text(pick, 8, 16).capitalize(),
            date=day if precision == "day" else None,  # as an article's: set only when known to the day
            date_kind=pick.choice(("published", "event")),
            category=pick.choice((None, "Tin tức - Sự kiện", "Xây dựng Đảng")),
            wards=(Ward("phường", place, "Quận Hai Bà Trưng", "Hà Nội", now=f"Phường {pick.choice(NAMES)}"),),
            terms=("2020-2025",), officials=(Official(pick.choice(PEOPLE), ("Bí thư Đảng ủy",)),),
            score=pick.random() * 90, snippet=f"… {_text(pick, 20, 40)} <mark>{place}</mark> {_text(pick, 10, 20)} …",
            date_partial=day.isoformat()[: {"day": 10, "month": 7, "year": 4}.get(precision, 10)],
            date_precision=precision)


def _text(pick: random.Random, low: int, high: int) -> str:
    return " ".join(pick.choice(WORDS) for _ in range(pick.randint(low, high)))


def child(writer: str, rows: int) -> dict:
    """Run one export in this process; what it cost."""
    from wardnews.index import SearchRequest
    from wardnews.webui import exports, xlsx_export

    meta = exports.metadata(SearchRequest(query="đại hội"), rows, "now", "bench", None)
    stream = {"csv": exports.csv_stream, "xlsx": xlsx_export.xlsx_stream, "openpyxl": _openpyxl}[writer]
    source = hits(rows)
    next(hits(1))  # the record types imported, so "before" holds every import
    before = _rss_mb()
    start, size = time.perf_counter(), 0
    with open(os.devnull, "wb") as sink:
        for chunk in stream(source, meta, permalink=lambda i: f"https://wardnews.example/article/{i}"):
            data = chunk.encode() if isinstance(chunk, str) else chunk
            size += len(data)
            sink.write(data)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return {"seconds": time.perf_counter() - start, "peak_mb": peak, "before_mb": before,
            "mb": size / 1e6}


def _openpyxl(hits, meta, permalink):
    """The same cells through openpyxl's write-only mode (its temporary files are its own)."""
    import tempfile

    from openpyxl import Workbook

    from wardnews.webui import exports

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Kết quả")
    sheet.append(exports.COLUMNS)
    for hit in hits:  # note: openpyxl would read a title starting "=" as a formula
        sheet.append(exports.cells(hit, permalink))
    with tempfile.TemporaryFile() as file:
        book.save(file)
        file.seek(0)
        while chunk := file.read(64 * 1024):
            yield chunk


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(writer: str, rows: int, runs: int) -> dict:
    """The medians of `runs` fresh processes exporting `rows` rows with `writer`."""
    results = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, "--child", writer, "--rows", str(rows)],
                              capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout))
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=150_000)
    parser.add_argument("--small", type=int, default=15_000, help="a smaller run to compare (0: none)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--writers", nargs="+", choices=WRITERS, default=["csv", "xlsx"])
    parser.add_argument("--child", choices=WRITERS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.rows)))
        return
    print(f"{'writer':<6} {'rows':>8} {'seconds':>8} {'rows/s':>8} {'peak MB':>8} "
          f"{'before MB':>9} {'file MB':>8}   (medians of {args.runs} fresh processes)")
    for rows in [n for n in (args.small, args.rows) if n]:
        for writer in args.writers:  # the CSV writer, the baseline, first at each size
            m = measure(writer, rows, args.runs)
            print(f"{writer:<6} {rows:>8,} {m['seconds']:>8.1f} {rows / m['seconds']:>8,.0f} "
                  f"{m['peak_mb']:>8.1f} {m['before_mb']:>9.1f} {m['mb']:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
