"""Precision of totals: the default total of name and term queries against a brute-force count.

    python bench/precision.py                 # baomoi-2017, the 30 queries below
    python bench/precision.py --limit 5000    # the first 5,000 records only

For each query (an official, a commune, a fixed expression; with and without diacritics),
its words marked by hand, the brute-force count is the number of articles whose title or
text writes every word, each word's syllables side by side in their typed diacritics (any
accent where typed without), in any order: read straight from the stored text with a
regex, not through the index.  For the full form of an abbreviation, its short form as
written counts too (UBND for Ủy ban nhân dân).  The default total
(the strict reading) should be within 5% of it; the loose reading's total is printed beside,
as the old behaviour.  Uses (or builds) the index of bench/search.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from abbreviations import short_pattern
from search import build, sample

from wardnews import Archive
from wardnews.archive.normalise import fold
from wardnews.index.compile import ABBREVIATIONS, Unit, _typed
from wardnews.index.keys import syllables
from wardnews.index.snippets import unit_finder

# Each query with its words marked by hand ("_" joins the syllables of one word).
MARKED = [
    # officials of 2017
    "Đinh_La_Thăng", "dinh_la_thang", "Nguyễn_Xuân_Phúc", "nguyen_xuan_phuc",
    "Trịnh_Xuân_Thanh", "Nguyễn_Đức_Chung", "Tô_Lâm", "Nguyễn_Thị_Kim_Ngân",
    # communes, districts, places
    "Đồng_Tâm", "dong_tam", "Thủ_Thiêm", "thu_thiem", "Mỹ_Đức", "Sơn_La", "Hà_Nội", "ha_noi",
    # institutions (an abbreviation's full form is one unit: it also finds UBND, HĐND)
    "Ủy_ban_nhân_dân", "uy_ban_nhan_dan", "Hội_đồng_nhân_dân", "Quốc_hội", "quoc_hoi",
    # terms and fixed expressions
    "nhiệm_kỳ", "nhiem_ky", "hòa_giải", "giải_phóng mặt_bằng", "an_toàn giao_thông",
    "xây_dựng nông_thôn mới", "bảo_hiểm xã_hội", "tham_nhũng", "Đảng",
]
QUERIES = [m.replace("_", " ") for m in MARKED]
TARGET = 0.05


def brute_force(archive: Archive, marked: list[str]) -> dict[str, int]:
    """Articles writing every word of each query (its syllables side by side, in their typed
    diacritics), in any order, by regex over the stored text."""
    finders = {}
    for query in marked:
        words = []
        for word in query.split():
            text = word.replace("_", " ")
            whole = unit_finder([Unit((_typed(syllables(text), text),))])
            short = _short_form_of(text)
            words.append(whole if short is None else _either(whole, short))
        finders[query.replace("_", " ")] = words
    counts = dict.fromkeys(finders, 0)
    reader = archive._searcher.reader()
    live = archive._columns.live
    for docnum, stored in reader.iter_docs():
        if not live[docnum]:
            continue
        record = json.loads(stored["record"])
        text = f"{record['title']}\n{record['text']}"
        for query, words in finders.items():
            if all(find(text, 1) for find in words):
                counts[query] += 1
    return counts


def _short_form_of(query: str):
    """The written short form when the query is the full form of an abbreviation (the rule
    that a full form finds its abbreviation, and back, counts both)."""
    for short, long in ABBREVIATIONS.items():
        if fold(long).lower() == fold(query).lower():
            return short_pattern(short)
    return None


def _either(whole, short):
    return lambda text, most: whole(text, most) or short.search(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    built = build("baomoi", sample("baomoi", options.limit), options.limit, options.jobs, False)
    with Archive(built.location) as archive:
        started = time.perf_counter()
        truth = brute_force(archive, MARKED)
        brute_seconds = time.perf_counter() - started
        rows, within = [], 0
        for query in QUERIES:
            strict = archive.search(query, limit=1)
            loose = archive.search(query, limit=1, match="loose")
            expected = truth[query]
            error = abs(strict.total - expected) / expected if expected else float(strict.total > 0)
            within += error <= TARGET
            rows.append((query, expected, strict.total, error, loose.total))
    print(f"python bench/precision.py{f' --limit {options.limit}' if options.limit else ''}")
    print(f"{built.articles} articles; brute force read every stored text in {brute_seconds:.0f} s\n")
    print("| query | brute force | default total | off by | loose total (the old count) |")
    print("|---|---|---|---|---|")
    for query, expected, total, error, loose in rows:
        print(f"| {query} | {expected:,} | {total:,} | {error:.1%} | {loose:,} |")
    print(f"\n{within} of {len(QUERIES)} totals within {TARGET:.0%} of the brute-force count")
    return 0 if within == len(QUERIES) else 1


if __name__ == "__main__":
    sys.exit(main())
