"""Server time of the web UI's pages with the date chart (and the map, where drawn), for
queries asked for the first time, against the JSON search of other first-time queries in
the same run (the search alone, without a page to draw).

    python bench/pages.py --index bench/results/index-baomoi            # 120 queries
    python bench/pages.py --index bench/results/index-baomoi --queries 60

The app runs in this process (Flask's test client): the figures are the time inside the
server, not the network's.  The index is opened fresh by the first request.  The issue's
target: a search page under 150 ms at 35,440 articles with the chart and the map drawn.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).parent))

from queries import first_time_queries  # noqa: E402

from wardnews.index import Archive, load_segmenter  # noqa: E402
from wardnews.webui import create_app  # noqa: E402


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def url_of(path: str, query) -> str:
    params = [("q", query.text)]
    options = query.options
    if "wards" in options:
        params += [("ward", options["wards"]), ("mentions", "1")]
    if "date_from" in options:
        params += [("from", options["date_from"]), ("to", options["date_to"])]
    return f"{path}?{urlencode(params)}"


def timed_get(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", required=True)
    parser.add_argument("--queries", type=int, default=120)
    args = parser.parse_args()

    queries = first_time_queries(Archive(args.index), args.queries)
    load_segmenter()  # as `make_server` does before it listens
    client = create_app({"WARDNEWS_INDEX": args.index}).test_client()
    overview_first = timed_get(client, "/")  # opens the index: what the first visitor meets
    pages, searches = [], []
    for i, query in enumerate(queries):  # halves interleaved: neither is asked twice
        if i % 2:
            searches.append(timed_get(client, url_of("/api/search", query)))
        else:
            pages.append(timed_get(client, url_of("/search", query)))
    overview_warm = statistics.median(timed_get(client, "/") for _ in range(5))
    print(f"index: {args.index}, {Archive(args.index).stats().articles:,} articles")
    print(f"{'first asking, ms':34} {'n':>4} {'p50':>7} {'p95':>7}")
    for name, values in (("search page (chart, map, facets)", pages), ("JSON search (baseline)", searches)):
        print(f"{name:34} {len(values):>4} {percentile(values, .5):7.1f} {percentile(values, .95):7.1f}")
    print(f"page over baseline, p50: {percentile(pages, .5) - percentile(searches, .5):+.1f} ms")
    print(f"overview, first request (index opened): {overview_first:.1f} ms; warm median: {overview_warm:.1f} ms")


if __name__ == "__main__":
    main()
