"""The first search after an update or a rebuild, in a running archive, beside a normal one.

A server keeps one `Archive` open; when an indexing run commits, its next search reopens the
index (new segments, new columns) and asks Whoosh for posting lists it has never read.  This
times, in one process holding one open Archive, as a server does:

- normal: a query never asked before, with no update in between (the baseline);
- after update: the first query after `build_index` added a file of 20 articles;
- after rebuild: the first query after a full rebuild (a new generation).

    python bench/update.py                       # baomoi-2017, 7 update rounds
    python bench/update.py --rounds 11 --rebuilds 2

The corpus is a folder in bench/results/ holding a link to the baomoi file, so that updates
add files beside it; its index is built once and reused (`--rebuild` builds it again).
Prints medians and p95 in ms, and the difference after update ÷ normal.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import sys
import time
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import DATA, REPO  # noqa: E402
from queries import first_time_queries  # noqa: E402

from wardnews.index import Archive, build_index  # noqa: E402

RESULTS = REPO / "bench" / "results"
ADDED = 20  # articles per update


def corpus_folder(data: Path) -> Path:
    folder = RESULTS / "update-corpus"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / data.name
    if not target.exists():
        try:
            os.link(data, target)  # the same bytes, no copy
        except OSError:
            shutil.copyfile(data, target)
    for extra in folder.glob("added-*.jsonl"):
        extra.unlink()  # left by an earlier run: the next update removes its articles
    return folder


def write_added(folder: Path, data: Path, round_number: int) -> None:
    """Twenty of the file's articles under new ids, as a new file of the corpus."""
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in islice(lines, round_number * ADDED, (round_number + 1) * ADDED)]
    with open(folder / f"added-{round_number:03d}.jsonl", "w", encoding="utf-8") as out:
        for n, record in enumerate(records):
            record["id"] = f"update-{round_number}-{n}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def timed_search(archive: Archive, query) -> float:
    start = time.perf_counter()
    archive.search(query.text, **query.options)
    return (time.perf_counter() - start) * 1000


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="updates timed")
    parser.add_argument("--rebuilds", type=int, default=1, help="full rebuilds timed")
    parser.add_argument("--rebuild", action="store_true", help="build the corpus's index again first")
    args = parser.parse_args()
    data = DATA["baomoi"]
    if not data.is_file():
        sys.exit(f"{data} not found: this benchmark reads ../shared/data/news")
    folder = corpus_folder(data)
    location = RESULTS / "index-update"
    start = time.perf_counter()
    summary = build_index(folder, location, full=args.rebuild or not location.exists(), jobs=2)
    print(f"index of {folder.name}: {summary.added + summary.unchanged} articles, "
          f"ready in {time.perf_counter() - start:.1f} s")
    archive = Archive(location)
    queries = first_time_queries(archive, count=max(120, 4 * (args.rounds + args.rebuilds)))
    queries = iter(queries)
    normal, after_update, update_seconds, after_rebuild = [], [], [], []
    for round_number in range(args.rounds):
        normal.append(timed_search(archive, next(queries)))
        write_added(folder, data, round_number)
        start = time.perf_counter()
        build_index(folder, location, jobs=2)
        update_seconds.append(time.perf_counter() - start)
        after_update.append(timed_search(archive, next(queries)))
    for _ in range(args.rebuilds):
        normal.append(timed_search(archive, next(queries)))
        build_index(folder, location, full=True, jobs=2)
        after_rebuild.append(timed_search(archive, next(queries)))
    archive.close()
    print(f"updates of {ADDED} articles: {statistics.median(update_seconds):.1f} s each (median)")
    print(f"{'first search':<28}{'p50 ms':>8}{'p95 ms':>8}  n")
    for label, values in (("normal (no update before)", normal), ("after an update", after_update),
                          ("after a rebuild", after_rebuild)):
        if values:
            print(f"{label:<28}{statistics.median(values):>8.0f}{p95(values):>8.0f}  {len(values)}")
    difference = statistics.median(after_update) - statistics.median(normal)
    print(f"after an update, p50 minus normal p50: {difference:+.0f} ms (target < +100 ms: "
          f"{'ok' if difference < 100 else 'MISSED'})")
    print(f"\n`python bench/update.py {' '.join(sys.argv[1:])}`".rstrip())


if __name__ == "__main__":
    main()
