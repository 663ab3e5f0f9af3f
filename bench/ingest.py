"""Ingestion speed: articles/s and MB/s over baomoi-2017 (about 35,000 articles).

Prints medians of several runs for one process and for both cores, beside a baseline taken
in the same run (decompressing and parsing the JSON lines, nothing else), since times alone
vary too much on shared machines.

    python bench/ingest.py                      # the whole file, 3 runs each
    python bench/ingest.py --limit 5000 --runs 5
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
from pathlib import Path

from common import DATA, baseline, sample, timed

from wardnews.archive.errors import Problem
from wardnews.archive.pipeline import read_articles


def ingest(path: Path, jobs: int) -> tuple[int, int]:
    articles = problems = 0
    for item in read_articles(path, jobs=jobs):
        if isinstance(item, Problem):
            problems += 1
        else:
            articles += 1
    return articles, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA["baomoi"])
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"No data at {args.data}: this benchmark reads ../shared/data/news/.")
    path = sample(args.data, args.limit) if args.limit else args.data
    megabytes = sum(len(line) for line in gzip.open(path, "rb")) / 1e6
    print(f"data: {path.name}, {megabytes:.1f} MB of JSON text, {os.cpu_count()} cores, "
          f"median of {args.runs} runs")
    base, count = timed(lambda: baseline(path), args.runs)
    print(f"{'baseline (gunzip + json.loads)':34} {base:7.2f} s {count / base:9.0f} articles/s "
          f"{megabytes / base:7.1f} MB/s")
    for jobs in (1, 2):
        seconds, (articles, problems) = timed(lambda: ingest(path, jobs), args.runs)
        print(f"{f'ingest, {jobs} process(es)':34} {seconds:7.2f} s {articles / seconds:9.0f} "
              f"articles/s {megabytes / seconds:7.1f} MB/s  ×{seconds / base:.1f} baseline  "
              f"({articles} articles, {problems} problems)")


if __name__ == "__main__":
    main()
