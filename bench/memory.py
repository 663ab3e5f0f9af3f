"""Opening and memory: how long an index takes to open, how much resident memory it holds
after opening and after many searches, and first-time query latency, read without memory
maps (wardnews's default) beside Whoosh's memory-mapped reading (the baseline) in the same
run.  Each reading runs in a fresh process, so nothing is shared or warm between them.

    python bench/memory.py --index bench/results/index-baomoi      # any built index
    python bench/memory.py --index DIR --searches 1000 --runs 3

Prints, per reading: open seconds (median of --runs fresh processes), resident memory after
open and after --searches varied searches (bench/queries.py, distinct, generated from the
index), each as a share of the index's size on disk, and the p50/p95 of the first asking of
the first 120 of those queries.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def rss_bytes() -> int:
    """This process's resident memory now (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def child(index: str, mmap: bool, searches: int) -> dict:
    """One fresh process's figures (run with --child)."""
    sys.path.insert(0, str(HERE))
    from queries import first_time_queries

    from wardnews import Archive

    start = time.perf_counter()
    archive = Archive(index, mmap=mmap)
    opened = time.perf_counter() - start
    after_open = rss_bytes()
    queries = first_time_queries(archive, count=max(120, min(searches, 600)))
    first = []
    for i in range(searches):
        query = queries[i % len(queries)]
        options = dict(query.options)
        if i >= len(queries):  # a later round: another page, so it is still a new search
            options["page"] = 2 + i // len(queries)
        began = time.perf_counter()
        archive.search(query.text, limit=10, **options)
        if i < 120:
            first.append((time.perf_counter() - began) * 1000)
    return {"open_s": opened, "rss_open": after_open, "rss_after": rss_bytes(),
            "p50_ms": percentile(first, 0.5), "p95_ms": percentile(first, 0.95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--searches", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per reading")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--mmap", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(str(args.index), args.mmap, args.searches)))
        return
    disk = folder_bytes(args.index)
    print(f"index {args.index}: {disk / 1e6:.0f} MB on disk; {args.searches} searches; "
          f"medians of {args.runs} fresh processes")
    print(f"{'reading':34} {'open s':>7} {'RSS open':>14} {'RSS after':>14} {'first p50/p95 ms':>18}")
    for mmap, label in ((True, "memory-mapped (Whoosh's default)"), (False, "files (wardnews)")):
        runs = []
        for _ in range(args.runs):
            command = [sys.executable, __file__, "--child", "--index", str(args.index),
                       "--searches", str(args.searches)] + (["--mmap"] if mmap else [])
            runs.append(json.loads(subprocess.run(command, capture_output=True, text=True,
                                                  check=True).stdout.splitlines()[-1]))
        m = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"{label:34} {m['open_s']:7.2f} {m['rss_open'] / 1e6:7.0f} MB {m['rss_open'] / disk:4.2f}× "
              f"{m['rss_after'] / 1e6:7.0f} MB {m['rss_after'] / disk:4.2f}× "
              f"{m['p50_ms']:8.1f} / {m['p95_ms']:.1f}")


if __name__ == "__main__":
    main()
