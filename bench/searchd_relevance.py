"""Ranking quality of the searchd backend beside the embedded index, on the judged queries.

    python bench/searchd_relevance.py      # nDCG@10 of both, over bench/judgments/baomoi.json
    python bench/searchd_relevance.py --cluster DIR   # judge a running searchd archive of the set

The same judged queries as bench/relevance.py, in the default (strict) reading.  Two local
shards and a head are started on free loopback ports for the run and stopped after it.
The issue asks the two to stay within 0.03 of each other in mean nDCG@10.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from relevance import JUDGMENTS, QUERIES, ndcg, top
from search import build, sample

from wardnews import Archive
from wardnews.index.searchd.archive import SearchdArchive
from wardnews.index.searchd.local import init_local
from wardnews.index.searchd.writer import rebuild


def _table(embedded, searchd, judged) -> dict[str, list[float]]:
    print("| query | embedded nDCG@10 | searchd nDCG@10 |\n|---|---|---|")
    scores = {"embedded": [], "searchd": []}
    for query in QUERIES:
        grades = judged.get(query, {})
        if not any(grades.values()):
            continue
        row = {name: ndcg(top(archive, query, "strict"), grades)
               for name, archive in (("embedded", embedded), ("searchd", searchd))}
        for name, value in row.items():
            scores[name].append(value)
        print(f"| {query} | {row['embedded']:.2f} | {row['searchd']:.2f} |")
    return scores


def _report(embedded_location: Path, folder: Path, judged: dict) -> None:
    with Archive(embedded_location) as embedded, SearchdArchive(folder) as searchd:
        scores = _table(embedded, searchd, judged)
    mean = {name: sum(v) / len(v) for name, v in scores.items()}
    print(f"\nmean nDCG@10 over {len(scores['embedded'])} queries: embedded "
          f"{mean['embedded']:.3f}, searchd {mean['searchd']:.3f} "
          f"(difference {mean['searchd'] - mean['embedded']:+.3f})", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cluster", type=Path, help="a running searchd archive of the baomoi set "
                        "(its folder) to judge instead of building one on new local shards")
    options = parser.parse_args()
    data = sample("baomoi", 0)
    built = build("baomoi", data, 0, 2, False)
    judged = json.loads(JUDGMENTS.read_text(encoding="utf-8"))
    if options.cluster:
        _report(built.location, options.cluster, judged)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        local = init_local(Path(folder), 2)
        try:
            started = time.perf_counter()
            summary = rebuild(data, local.cluster)
            print(f"searchd build: {summary.added} articles on 2 shards in "
                  f"{time.perf_counter() - started:.0f} s\n")
            _report(built.location, local.cluster.folder, judged)
        finally:
            local.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
