"""Index build speed: articles/s, seconds and index size for full builds of the news files.

Prints, per file, the median of several runs of `build_index(..., full=True)` with one
process and with both cores, beside a baseline taken in the same run (decompressing and
parsing the JSON lines, nothing else), since times alone vary too much on shared machines.

    python bench/build.py                          # both files, whole, 1 run each
    python bench/build.py --data baomoi --limit 5000 --runs 3
    python bench/build.py --jobs 2                 # both cores only
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from common import DATA, baseline, sample, timed

from wardnews.index import build_index
from wardnews.index.store import current_generation


def build(path: Path, jobs: int) -> tuple[int, int]:
    """A full build into a fresh folder; the articles indexed and the index's bytes."""
    location = Path(tempfile.mkdtemp(prefix="wardnews-bench-"))
    try:
        summary = build_index(path, location, full=True, jobs=jobs)
        generation = current_generation(location)
        size = sum(p.stat().st_size for p in generation.iterdir() if p.is_file())
        return summary.added, size
    finally:
        shutil.rmtree(location, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=("baomoi", "rss", "both"), default="both")
    parser.add_argument("--limit", type=int, default=0, help="first N records only")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    names = ("baomoi", "rss") if args.data == "both" else (args.data,)
    print(f"{os.cpu_count()} cores, median of {args.runs} run(s); "
          f"command: python bench/build.py {' '.join(sys.argv[1:])}")
    for name in names:
        path = DATA[name]
        if not path.exists():
            sys.exit(f"No data at {path}: this benchmark reads ../shared/data/news/.")
        if args.limit:
            path = sample(path, args.limit)
        base, count = timed(lambda path=path: baseline(path), args.runs)
        print(f"\n{path.name}: {count} records")
        print(f"  {'baseline (gunzip + json.loads)':32} {base:7.1f} s {count / base:8.0f} records/s")
        for jobs in args.jobs:
            seconds, (articles, size) = timed(lambda path=path, jobs=jobs: build(path, jobs), args.runs)
            print(f"  {f'build_index, jobs={jobs}':32} {seconds:7.1f} s {articles / seconds:8.0f} "
                  f"articles/s  {size / 1e6:6.0f} MB  x{seconds / base:.0f} baseline")


if __name__ == "__main__":
    main()
