"""When to move to shards: the searchd backend (2 local shards and a head) beside the
embedded index, at several archive sizes, in one run.

    python bench/shards.py                                    # 35,440 and 212,640 articles
    python bench/shards.py --articles 35440 212640 1000000 --embedded-max 212640

For each size, on the articles of bench/synthesise.py (baomoi-2017 copied, ids and 8% of the
words altered in every copy but the first):

1. searchd: two shards and a head started on free loopback ports (init_local) in a folder
   under bench/results/, the archive rebuilt into them with --jobs processes and timed; a
   fresh SearchdArchive then asks --queries distinct queries never asked before (generated
   by bench/queries.py from the embedded index of the smallest size, so every size and both
   backends get the same ones), each once, top 10 with every facet counted: p50 / p95; then
   the resident memory (VmRSS) of each shard's searchd and of the head.  They are stopped.
2. embedded, up to --embedded-max articles: the index built (or reused) by bench/search.py's
   build() with --jobs processes, then in a fresh process: RSS after opening, the same
   queries first-asked (p50 / p95), RSS after them.

Each timing is the median of --runs (fresh archive or process each).  Ends with a Markdown
table and the command.  Shards and head are stopped however the run ends.

With --keep, each size's cluster is kept (stopped) in bench/results/shards-<data>/ and a
later --keep run starts its searchds again instead of rebuilding (the build time shown is
the recorded one): the queries then meet freshly started shards.  --same-queries asks the
queries the run before wrote, so a size can be measured again alone:

    python bench/shards.py --articles 35440 1000000 --embedded-max 250000 --keep
    python bench/shards.py --articles 1000000 --keep --same-queries
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from search import RESULTS, build, folder_size, percentile  # noqa: I001 (bench/ is on the path)

HERE = Path(__file__).resolve().parent
FACET_LIMIT = 20
SHARDS = 2


def rss_of(pid: int) -> int:
    """A process's resident memory now, bytes (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def group_rss(leader: int) -> int:
    """The resident memory of a searchd and any process of its group (a watchdog, say)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == leader:  # the process group id
                total += rss_of(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return total


def ask(archive, queries: list[dict], failures: list[str] | None = None) -> list[float]:
    """Seconds of each query, asked once, top 10 and every facet.  A query that fails (a
    shard past its timeout, say) is timed until it failed and named in `failures`, so a
    long build is never lost to one answer."""
    from wardnews.index import SearchError

    times = []
    for query in queries:
        started = time.perf_counter()
        try:
            archive.search(query["text"], limit=10, facet_limit=FACET_LIMIT, **query["options"])
        except SearchError as exc:
            if failures is None:
                raise
            failures.append(f"{query['text']!r} {query['options']}: {exc}")
            print(f"  failed after {time.perf_counter() - started:.1f} s: {failures[-1]}", flush=True)
        times.append(time.perf_counter() - started)
    return times


def latency(times: list[float]) -> dict:
    return {"p50_ms": statistics.median(times) * 1000, "p95_ms": percentile(times, 0.95) * 1000}


def by_kind(queries: list[dict], times: list[float]) -> dict[str, str]:
    """p50 / p95 ms per class of query (bench/queries.py's kinds), with or without a filter."""
    classes: dict[str, list[float]] = {}
    for query, seconds in zip(queries, times):
        classes.setdefault(query["kind"], []).append(seconds)
        classes.setdefault("filtered" if query["options"] else "unfiltered", []).append(seconds)
    return {kind: "{p50_ms:.0f} / {p95_ms:.0f}".format(**latency(t)) for kind, t in classes.items()}


def make_queries(location: Path, count: int) -> list[dict]:
    """Distinct first-time queries from an embedded index (bench/queries.py)."""
    from queries import first_time_queries

    from wardnews.index import Archive

    with Archive(location) as archive:
        return [{"kind": q.kind, "text": q.text, "options": q.options}
                for q in first_time_queries(archive, count=count)]


def kept_folder(data: Path) -> Path:
    """Where --keep keeps the cluster built from a data file."""
    return RESULTS / f"shards-{data.name.split('.')[0]}"


def restart_kept(folder: Path):
    """The searchds of a kept cluster started again on their own configurations and ports."""
    from wardnews.index.searchd.cluster import Cluster
    from wardnews.index.searchd.local import LocalCluster
    from wardnews.index.searchd.process import start

    cluster = Cluster.load(folder / "cluster")
    local = LocalCluster(cluster, [None] * len(cluster.shards))
    try:
        for number, own in enumerate(cluster.shards):
            local.shards[number] = start(local.shard_folder(number) / "searchd.conf", own.host, own.port)
        local.head = start(cluster.folder / "head" / "searchd.conf", cluster.head.host, cluster.head.port)
    except BaseException:
        local.stop()
        raise
    return local


def measure_searchd(data: Path, queries: list[dict], jobs: int, runs: int, keep: bool = False) -> dict:
    """Build on two local shards and a head (or, with `keep`, reuse the cluster an earlier
    run kept for this file), time the queries, read their memory; stop them."""
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.index.searchd.local import init_local
    from wardnews.index.searchd.writer import rebuild

    record = kept_folder(data) / "build.json"
    if keep and record.exists() and json.loads(record.read_text())["data"] == data.name:
        folder, built = record.parent, json.loads(record.read_text())
        local = restart_kept(folder)
        print(f"  searchd: the cluster kept in {folder} ({built['articles']:,} articles, built in "
              f"{built['build_s']:.0f} s), started again", flush=True)
    else:
        folder = (kept_folder(data) if keep
                  else Path(tempfile.mkdtemp(prefix="shards-", dir=RESULTS)))
        shutil.rmtree(folder, ignore_errors=True)
        local, built = init_local(folder / "cluster", SHARDS), None
    try:
        if built is None:
            started = time.perf_counter()
            summary = rebuild(data, local.cluster, jobs=jobs)
            built = {"data": data.name, "articles": summary.added,
                     "build_s": time.perf_counter() - started, "jobs": jobs, "reused": False}
            print(f"  searchd: {summary.added:,} articles on {SHARDS} shards in "
                  f"{built['build_s']:.0f} s ({jobs} jobs)", flush=True)
            if keep:
                record.write_text(json.dumps({**built, "reused": True}))
        timings, failures = [], []
        for _ in range(runs):
            with SearchdArchive(local.cluster.folder) as archive:
                times = ask(archive, queries, failures)
            timings.append(latency(times))
        print(f"  searchd by kind, p50 / p95 ms: {by_kind(queries, times)}", flush=True)
        shards = [group_rss(s.process.pid) for s in local.shards]
        head = group_rss(local.head.process.pid)
        disk = folder_size(folder / "cluster")
    finally:
        local.stop()
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    return {**{k: built[k] for k in ("articles", "build_s", "reused")}, "disk": disk,
            **{k: statistics.median(t[k] for t in timings) for k in timings[0]},
            "rss_shards": shards, "rss_head": head, "failed": len(failures)}


def embedded_child(location: str, queries_path: str) -> dict:
    """One fresh process's figures for the embedded index (run with --child)."""
    from wardnews.index import Archive

    queries = json.loads(Path(queries_path).read_text(encoding="utf-8"))
    started = time.perf_counter()
    archive = Archive(location)
    opened = time.perf_counter() - started
    after_open = rss_of(os.getpid())
    times = ask(archive, queries)
    return {"open_s": opened, "rss_open": after_open, "rss_after": rss_of(os.getpid()),
            **latency(times), "by_kind": by_kind(queries, times)}


def measure_embedded(name: str, data: Path, queries_path: Path, jobs: int, runs: int) -> dict:
    built = build(name, data, 0, jobs, False)
    state = "reused, as recorded when built" if built.reused else "built now"
    print(f"  embedded: {built.articles:,} articles in {built.seconds:.0f} s ({state}), "
          f"{built.size / 1e6:,.0f} MB", flush=True)
    results = []
    for _ in range(runs):
        command = [sys.executable, __file__, "--child", str(built.location), str(queries_path)]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        results.append(json.loads(out.splitlines()[-1]))
    print(f"  embedded by kind, p50 / p95 ms (last run): {results[-1].pop('by_kind')}", flush=True)
    for r in results:
        r.pop("by_kind", None)
    return {"articles": built.articles, "build_s": built.seconds, "reused": built.reused,
            "disk": built.size, **{k: statistics.median(r[k] for r in results) for k in results[0]}}


def mb(size: float) -> str:
    return f"{size / 1e6:,.0f} MB"


def table(rows: list[dict], queries: int, runs: int) -> str:
    lines = [f"| articles | backend | build | on disk | p50 / p95 ms, first asking of {queries} "
             f"queries, all facets (median of {runs}) | resident memory after the queries |",
             "|---|---|---|---|---|---|"]
    for row in rows:
        s = row["searchd"]
        memory = " + ".join(mb(r) for r in s["rss_shards"]) + f" shards, head {mb(s['rss_head'])}"
        failed = f" ({s['failed']} failed)" if s.get("failed") else ""
        kept = " (kept from a run before)" if s.get("reused") else ""
        lines.append(f"| {row['size']:,} | searchd, {SHARDS} shards + head | {s['build_s']:,.0f} s{kept} | "
                     f"{mb(s['disk'])} | {s['p50_ms']:.0f} / {s['p95_ms']:.0f}{failed} | {memory} |")
        e = row.get("embedded")
        if e:
            reused = " (recorded)" if e["reused"] else ""
            lines.append(f"| {row['size']:,} | embedded | {e['build_s']:,.0f} s{reused} | {mb(e['disk'])} | "
                         f"{e['p50_ms']:.0f} / {e['p95_ms']:.0f} | {mb(e['rss_after'])} "
                         f"(after opening {mb(e['rss_open'])}) |")
        else:
            lines.append(f"| {row['size']:,} | embedded | not run (over --embedded-max) | | | |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[35_440, 212_640])
    parser.add_argument("--embedded-max", type=int, default=250_000,
                        help="skip the embedded backend above this many articles")
    parser.add_argument("--queries", type=int, default=120, help="distinct first-time queries")
    parser.add_argument("--jobs", type=int, default=2, help="build processes, both backends")
    parser.add_argument("--runs", type=int, default=1, help="query rounds (fresh archive each)")
    parser.add_argument("--keep", action="store_true",
                        help="keep each size's searchd cluster in bench/results/shards-<data>/ "
                             "(stopped), and reuse a kept one instead of rebuilding")
    parser.add_argument("--same-queries", action="store_true",
                        help="ask the queries the run before wrote (bench/results/shards-queries.json), "
                             "not new ones from the smallest size's embedded index")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(embedded_child(*args.child)))
        return 0
    from synthesise import synthesise

    from wardnews.index.searchd.process import searchd_binary

    if searchd_binary() is None:
        sys.exit("searchd is not installed (apt-get install sphinxsearch)")
    command = "python bench/shards.py " + " ".join(sys.argv[1:])
    print(f"{command.strip()}\n{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    sizes = sorted(args.articles)
    queries_path = RESULTS / "shards-queries.json"
    if args.same_queries and queries_path.exists():
        queries = json.loads(queries_path.read_text(encoding="utf-8"))
        print(f"{len(queries)} queries of the run before ({queries_path})", flush=True)
    else:
        smallest = synthesise(sizes[0])
        source = build(smallest.name.split(".")[0], smallest, 0, args.jobs, False)
        queries = make_queries(source.location, args.queries)
        queries_path.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        print(f"{len(queries)} queries from the embedded index of {sizes[0]:,} articles", flush=True)
    rows = []
    for size in sizes:
        data = synthesise(size)
        print(f"\n=== {size:,} articles: {data.name} (load average {os.getloadavg()[0]:.1f}) ===",
              flush=True)
        row = {"size": size, "searchd": measure_searchd(data, queries, args.jobs, args.runs, args.keep)}
        print(f"  searchd: {json.dumps(row['searchd'])}", flush=True)
        if size <= args.embedded_max:
            row["embedded"] = measure_embedded(data.name.split(".")[0], data, queries_path,
                                               args.jobs, args.runs)
            print(f"  embedded: {json.dumps(row['embedded'])}", flush=True)
        rows.append(row)
        (RESULTS / "shards.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
        print("\n" + table(rows, len(queries), args.runs), flush=True)
    print(f"\n`{command.strip()}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
