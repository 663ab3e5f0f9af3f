"""Search speed: index build throughput and query latency p50/p95, wardnews beside SQLite FTS5.

Builds a wardnews index (index.build_index) from each news file, and in the same run an FTS5
baseline from the very Article records that index holds (title and text folded in Python,
đ→d included; facet values in a plain table; facets by GROUP BY over the match set; dates by
WHERE on a day column).  First, on a freshly opened index and database, --first distinct
queries never asked before in the process (bench/queries.py: words rare to common, two
words, names, phrases, a third with a ward or a year) run once each on both engines: the
first asking, which a researcher meets.  Then the fixed classes run warm and in-process:
once untimed, then --runs times (labelled warm).

    python bench/search.py                              # both files, whole
    python bench/search.py --data baomoi --limit 5000   # the first 5,000 records only
    python bench/search.py --data baomoi --profile      # where wardnews's time goes, per class
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import pstats
import sqlite3
import statistics
import sys
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from common import DATA, REPO  # noqa: I001 (bench/ is on the path when run as a script)

from wardnews.archive.article import Ward
from wardnews.archive.normalise import fold
from wardnews.index import Archive, SearchRequest, build_index
from wardnews.index.build import file_hash
from wardnews.index.keys import ward_value
from wardnews.index.store import current_generation, read_build_info

RESULTS = REPO / "bench" / "results"
TARGET_P95_MS = 100.0
TARGET_BUILD_S = 300.0
TARGET_ARTICLES = 35_000

# Words that occur in both files, common and rare, typed with and without diacritics.
QUERIES = {
    "word": ["phường", "phuong", "điện", "dien", "bão", "trường", "truong", "Vietlott"],
    "two words": ["công an", "cong an", "học sinh", "hoc sinh", "giao thông", "giao thong",
                  "Hà Nội", "ha noi"],
    "phrase": ['"ủy ban nhân dân"', '"uy ban nhan dan"', '"tai nạn giao thông"',
               '"tai nan giao thong"', '"Hồ Chí Minh"', '"ho chi minh"'],
}
# A date range inside each file's span.  baomoi's records carry no date: only the 5% whose
# text gives one are dated, so its range is the year; the headlines get three months.
DATE_RANGES = {
    "baomoi": (dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
    "rss": (dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
    "baomoi6": (dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
}
# wardnews expands the genre's abbreviations both ways (UBND ↔ Ủy ban nhân dân): the
# baseline is asked for both forms too, or it would answer a narrower question.
FTS_FORMS = {
    '"ủy ban nhân dân"': '"uy ban nhan dan" OR "ubnd"',
    '"uy ban nhan dan"': '"uy ban nhan dan" OR "ubnd"',
}
SHOWN_COUNTS = ["phuong", "Vietlott", "cong an", '"uy ban nhan dan"', '"Hồ Chí Minh"']
FACET_LIMIT = 20


# --- data and code identity ------------------------------------------------------------


# The modules that decide what an index holds: reading and annotating (archive/), and
# keying and writing (these of index/).  Searching code can change without a rebuild.
BUILDING = ("schema.py", "keys.py", "analysis.py", "segment.py", "build.py", "workers.py",
            "commit.py")


def code_version() -> str:
    """A hash of the source an index is built by, edits included."""
    digest = hashlib.sha1()
    paths = [*(REPO / "archive").rglob("*.py"), *(REPO / "index" / name for name in BUILDING)]
    for path in sorted(paths):
        digest.update(path.relative_to(REPO).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


SCALED = {"baomoi6": ("baomoi", 6)}  # a larger archive of long articles: baomoi six times


def scaled(name: str) -> Path:
    """A file of the source's records repeated (ids made distinct), written once under
    bench/results/data/: the 212,640 long articles of the scale benchmark."""
    source, times = SCALED[name]
    path = RESULTS / "data" / f"{name}.jsonl.gz"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        with gzip.open(temporary, "wt", encoding="utf-8", compresslevel=1) as target:
            for copy in range(times):
                with gzip.open(DATA[source], "rt", encoding="utf-8") as lines:
                    for line in lines:
                        record = json.loads(line)
                        record["id"] = f"{record['id']}-{copy}"
                        target.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(temporary, path)
    return path


def sample(name: str, limit: int) -> Path:
    """The data file, or a plain JSONL of its first `limit` records (written once)."""
    if name in SCALED:
        return scaled(name)
    if not limit:
        return DATA[name]
    path = RESULTS / "data" / f"{name}-{limit}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        with gzip.open(DATA[name], "rb") as source, open(temporary, "wb") as target:
            target.writelines(islice(source, limit))
        os.replace(temporary, path)
    return path


# --- building ----------------------------------------------------------------------------


@dataclass
class Built:
    location: Path
    articles: int
    seconds: float
    size: int
    reused: bool
    problems: int


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build(name: str, data: Path, limit: int, jobs: int, rebuild: bool) -> Built:
    """Build the wardnews index, or reuse one built from the same data by the same code."""
    location = RESULTS / f"index-{name}{f'-{limit}' if limit else ''}"
    marker = location / "bench.json"
    wanted = {"data": str(data), "sha1": file_hash(data), "code": code_version(), "jobs": jobs}
    if not rebuild and marker.exists():
        recorded = json.loads(marker.read_text(encoding="utf-8"))
        try:
            generation = current_generation(location)
        except Exception:  # noqa: BLE001 - any damage means: build again
            generation = None
        info = read_build_info(generation) if generation else {}
        same_file = any(f.get("sha1") == wanted["sha1"] for f in info.get("files", {}).values())
        if same_file and all(recorded.get(k) == v for k, v in wanted.items()):
            return Built(location, recorded["articles"], recorded["seconds"],
                         folder_size(generation), True, recorded["problems"])
    summary = build_index(data, location, full=True, jobs=jobs)
    generation = current_generation(location)
    built = Built(location, summary.added, summary.seconds, folder_size(generation), False,
                  len(summary.problems))
    marker.write_text(json.dumps({**wanted, "articles": built.articles, "seconds": built.seconds,
                                  "problems": built.problems}), encoding="utf-8")
    return built


# --- the FTS5 baseline -------------------------------------------------------------------


def records_of(location: Path):
    """The Article records the wardnews index holds, as JSON, in document order."""
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(current_generation(location)))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        for docnum, fields in reader.iter_docs():
            yield json.loads(fields["record"])


def folded(text: str) -> str:
    return fold(text).lower()


def build_fts(records, path: Path) -> tuple[sqlite3.Connection, float, int]:
    """An FTS5 index of folded title and text, facet values in a plain table, a day column."""
    if path.exists():
        path.unlink()
    started = time.perf_counter()
    db = sqlite3.connect(path)
    db.executescript("""
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;
        CREATE VIRTUAL TABLE fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TABLE doc (id INTEGER PRIMARY KEY, day INTEGER, record TEXT);
        CREATE TABLE facet (doc INTEGER, name TEXT, value TEXT);
    """)
    count = 0
    for number, record in enumerate(records, start=1):
        count += 1
        day = int(record["date"].replace("-", "")) if record["date"] else 0
        db.execute("INSERT INTO fts (rowid, title, text) VALUES (?, ?, ?)",
                   (number, folded(record["title"]), folded(record["text"])))
        db.execute("INSERT INTO doc VALUES (?, ?, ?)",
                   (number, day, json.dumps(record, ensure_ascii=False)))
        values = [("ward", ward_value(Ward(**w))) for w in record["wards"]]
        values += [("term", t) for t in record["terms"]]
        values += [("official", o["name"]) for o in record["officials"]]
        values += [("year", str(day // 10000))] if day else []
        db.executemany("INSERT INTO facet VALUES (?, ?, ?)",
                       [(number, n, v) for n, v in dict.fromkeys(values)])
    db.executescript("""
        CREATE INDEX facet_doc ON facet (doc, name, value);
        CREATE INDEX doc_day ON doc (day);
        INSERT INTO fts (fts) VALUES ('optimize');
        ANALYZE;
    """)
    db.commit()
    return db, time.perf_counter() - started, count


def fts_query(query: str) -> str:
    """The FTS5 form of a benchmark query: folded; quoted phrases kept, words ANDed."""
    if query in FTS_FORMS:
        return FTS_FORMS[query]
    text = folded(query)
    if text.startswith('"'):
        return text
    return " ".join(f'"{w}"' for w in text.split())


def fts_search(db: sqlite3.Connection, query: str, dates=None, ward: str | None = None
               ) -> tuple[int, list, dict]:
    """Top 10 by bm25 with snippets, the total, and four facets counted over every match."""
    match = fts_query(query)
    db.execute("DELETE FROM hits")
    if dates:
        start, end = (int(d.strftime("%Y%m%d")) for d in dates)
        where = ("FROM fts JOIN doc ON doc.id = fts.rowid "
                 "WHERE fts MATCH ? AND doc.day BETWEEN ? AND ?")
        values = (match, start, end)
    else:
        where, values = "FROM fts WHERE fts MATCH ?", (match,)
    if ward:
        where += " AND fts.rowid IN (SELECT doc FROM facet WHERE name = 'ward' AND value = ?)"
        values += (ward,)
    db.execute(f"INSERT INTO hits SELECT fts.rowid {where}", values)
    total = db.execute("SELECT count(*) FROM hits").fetchone()[0]
    # Snippets for the top 10 only: in one statement SQLite would make one for every match
    # before sorting (150 ms for a common word at 2,000 articles).
    top = db.execute(f"SELECT fts.rowid {where} ORDER BY rank LIMIT 10", values).fetchall()
    hits = []
    for (rowid,) in top:
        record, marked = db.execute(
            "SELECT doc.record, snippet(fts, 1, '<mark>', '</mark>', '…', 24) "
            "FROM fts JOIN doc ON doc.id = fts.rowid WHERE fts MATCH ? AND fts.rowid = ?",
            (match, rowid)).fetchone()
        hits.append((json.loads(record)["title"], marked))
    facets: dict[str, list] = {}
    for name, value, count in db.execute(
            "SELECT name, value, count(*) AS n FROM facet WHERE doc IN (SELECT id FROM hits) "
            "GROUP BY name, value ORDER BY name, n DESC"):
        if len(facets.setdefault(name, [])) < FACET_LIMIT:
            facets[name].append((value, count))
    return total, hits, facets


def open_fts(db: sqlite3.Connection) -> None:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS hits (id INTEGER PRIMARY KEY)")


# --- timing ------------------------------------------------------------------------------


def wardnews_search(archive: Archive, query: str, dates=None):
    start, end = dates or (None, None)
    return archive.search(SearchRequest(query=query, date_from=start, date_to=end, limit=10,
                                        facet_limit=FACET_LIMIT))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class Timing:
    engine: str
    kind: str  # the query class, with or without dates
    times: list[float]

    @property
    def p50(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def p95(self) -> float:
        return percentile(self.times, 0.95) * 1000


def time_first_asking(location: Path, fts_path: Path, count: int) -> list[Timing]:
    """Queries never asked before in the process (bench/queries.py), once each, on a freshly
    opened index and database: what a researcher meets first.  Per class and in all."""
    from queries import first_time_queries

    with Archive(location) as probe:
        queries = first_time_queries(probe, count=count)
    archive = Archive(location)
    db = sqlite3.connect(fts_path)
    open_fts(db)
    by_kind: dict[str, tuple[Timing, Timing]] = {}
    every = (Timing("wardnews", "first asking, all", []), Timing("fts5", "first asking, all", []))
    for query in queries:
        options = query.options
        dates = None
        if "date_from" in options:
            year = int(options["date_from"])
            dates = (dt.date(year, 1, 1), dt.date(year, 12, 31))
        ward = options.get("wards")
        ours, theirs = by_kind.setdefault(query.kind, (Timing("wardnews", f"first asking, {query.kind}", []),
                                                        Timing("fts5", f"first asking, {query.kind}", [])))
        started = time.perf_counter()
        archive.search(SearchRequest(query=query.text, date_from=dates[0] if dates else None,
                                     date_to=dates[1] if dates else None,
                                     wards=(ward,) if ward else (), mentions=bool(ward),
                                     limit=10, facet_limit=FACET_LIMIT))
        ours.times.append(time.perf_counter() - started)
        every[0].times.append(ours.times[-1])
        started = time.perf_counter()
        fts_search(db, query.text, dates, ward)
        theirs.times.append(time.perf_counter() - started)
        every[1].times.append(theirs.times[-1])
    archive.close()
    db.close()
    return [t for pair in (*by_kind.values(), every) for t in pair]


def time_queries(archive, db, dates, runs: int) -> tuple[list[Timing], dict]:
    """Each class, without and with the date range, on both engines, warm, interleaved."""
    timings, counts = [], {}
    for kind, queries in QUERIES.items():
        for label, window in ((kind, None), (f"{kind} + dates", dates)):
            ours, theirs = Timing("wardnews", label, []), Timing("fts5", label, [])
            for query in queries:
                result = wardnews_search(archive, query, window)  # warm-up, and the counts
                total = fts_search(db, query, window)[0]
                counts[(label, query)] = (result.total, total)
                for _ in range(runs):
                    started = time.perf_counter()
                    wardnews_search(archive, query, window)
                    ours.times.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    fts_search(db, query, window)
                    theirs.times.append(time.perf_counter() - started)
            timings += [ours, theirs]
    return timings, counts


def profile_classes(archive, dates, runs: int, top: int) -> None:
    """cProfile over Archive.search for each class: the functions that take the time."""
    for kind, queries in QUERIES.items():
        for label, window in ((kind, None), (f"{kind} + dates", dates)):
            for query in queries:
                wardnews_search(archive, query, window)
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(runs):
                for query in queries:
                    wardnews_search(archive, query, window)
            profiler.disable()
            calls = runs * len(queries)
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            print(f"\n--- profile: {label}, {calls} searches; cumulative ms per search ---")
            rows = []
            for (file, line, func), (_, ncalls, tottime, cumtime, _) in stats.stats.items():
                if "wardnews" in file or "/index/" in file or "/whoosh/" in file or "/archive/" in file:
                    rows.append((cumtime, tottime, ncalls, f"{Path(file).parent.name}/{Path(file).name}:{func}"))
            rows.sort(reverse=True)
            print(f"{'cum ms':>9} {'own ms':>9} {'calls':>9}  function")
            for cumtime, tottime, ncalls, where in rows[:top]:
                print(f"{cumtime / calls * 1000:9.2f} {tottime / calls * 1000:9.2f} "
                      f"{ncalls / calls:9.1f}  {where}")


# --- reporting ---------------------------------------------------------------------------


def mb(size: int) -> str:
    return f"{size / 1e6:.0f} MB"


def report_first(name: str, timings: list[Timing]) -> list[str]:
    print(f"\nlatency, ms (FIRST ASKING: {len(timings[-1].times)} distinct queries never asked "
          "before in the process, each once, fresh index and database)")
    print(f"{'class':30} {'wardnews p50':>12} {'p95':>8} {'FTS5 p50':>9} {'p95':>7}  target p95<{TARGET_P95_MS:.0f}")
    rows = []
    for ours, theirs in zip(timings[::2], timings[1::2]):
        ok = "ok" if ours.p95 < TARGET_P95_MS else "MISS"
        print(f"{ours.kind:30} {ours.p50:12.1f} {ours.p95:8.1f} {theirs.p50:9.1f} {theirs.p95:7.1f}  {ok}")
        rows.append(f"| {name} | {ours.kind} | {ours.p50:.0f} / {ours.p95:.0f} | "
                    f"{theirs.p50:.0f} / {theirs.p95:.0f} | {ours.p95 / theirs.p95:.1f}× |")
    return rows


def time_ingest(data: Path, jobs: int) -> float:
    """Seconds the archive pipeline takes to read and annotate the data file (bench/ingest.py)."""
    from ingest import ingest

    started = time.perf_counter()
    ingest(data, jobs)
    return time.perf_counter() - started


def report_dataset(name: str, built: Built, fts_seconds: float, fts_size: int, timings,
                   counts, articles: int, jobs: int, ingest_seconds: float) -> list[str]:
    rate = built.articles / built.seconds if built.seconds else 0
    state = "reused, as recorded when built" if built.reused else "built now"
    print(f"\nbuild, wardnews ({state}): {built.articles} articles in {built.seconds:.1f} s = "
          f"{rate:.0f} articles/s with {jobs} jobs, index {mb(built.size)}"
          f"{f', {built.problems} problems' if built.problems else ''}")
    print(f"build, FTS5 from the same records (no ingest): {articles} articles in "
          f"{fts_seconds:.1f} s = {articles / fts_seconds:.0f} articles/s, database {mb(fts_size)}")
    with_ingest = fts_seconds + ingest_seconds
    print(f"build, FTS5 + ingest ({ingest_seconds:.1f} s, same pipeline, {jobs} jobs, measured now): "
          f"{with_ingest:.1f} s; wardnews build / that = {built.seconds / with_ingest:.2f}x")
    if built.articles >= TARGET_ARTICLES * 0.95 and name == "baomoi":
        verdict = "meets" if built.seconds <= TARGET_BUILD_S else "MISSES"
        print(f"  target: full build under {TARGET_BUILD_S:.0f} s: {verdict}")
    print(f"\nlatency, ms (warm, in-process; each query {len(timings[0].times) // len(QUERIES['word'])}"
          "x, top 10 + ward/term/official/year facets)")
    print(f"{'class':22} {'wardnews p50':>12} {'p95':>8} {'FTS5 p50':>9} {'p95':>7} "
          f"{'ratio p50':>9} {'p95':>6}  target p95<{TARGET_P95_MS:.0f}")
    rows = []
    for ours, theirs in zip(timings[::2], timings[1::2]):
        ok = "ok" if ours.p95 < TARGET_P95_MS else "MISS"
        print(f"{ours.kind:22} {ours.p50:12.1f} {ours.p95:8.1f} {theirs.p50:9.1f} "
              f"{theirs.p95:7.1f} {ours.p50 / theirs.p50:9.1f} {ours.p95 / theirs.p95:6.1f}  {ok}")
        rows.append(f"| {name} | {ours.kind} | {ours.p50:.0f} / {ours.p95:.0f} | "
                    f"{theirs.p50:.0f} / {theirs.p95:.0f} | {ours.p95 / theirs.p95:.1f}× |")
    print("\nhits, wardnews vs FTS5 (same question; see bench/README.md for why they differ)")
    for (label, query), (ours_total, theirs_total) in counts.items():
        if query in SHOWN_COUNTS:
            print(f"  {label:18} {query:24} {ours_total:8} {theirs_total:8}")
    build_row = (f"| {name} | build, {built.articles} articles, {jobs} jobs | {built.seconds:.0f} s "
                 f"({rate:.0f}/s), {mb(built.size)} | {fts_seconds:.0f} s + {ingest_seconds:.0f} s ingest, "
                 f"{mb(fts_size)} | {built.seconds / with_ingest:.1f}× |")
    return [build_row] + rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=("baomoi", "rss", "both", "baomoi6"), default="both",
                        help="baomoi6: baomoi six times, 212,640 articles (a 15-minute build)")
    parser.add_argument("--limit", type=int, default=0, help="first N records of each file only")
    parser.add_argument("--runs", type=int, default=5, help="timed repeats of each query")
    parser.add_argument("--jobs", type=int, default=2, help="build processes")
    parser.add_argument("--rebuild", action="store_true", help="build even if an index is reusable")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile wardnews per query class")
    parser.add_argument("--top", type=int, default=25, help="functions shown per profile")
    parser.add_argument("--first-only", action="store_true",
                        help="only the first asking (reuses an FTS5 database built beside a "
                             "reused index; no ingest timing, no warm classes)")
    parser.add_argument("--first", type=int, default=120,
                        help="first-asking queries (distinct, generated from the index)")
    args = parser.parse_args()
    names = ["baomoi", "rss"] if args.data == "both" else [args.data]
    missing = [str(DATA[SCALED.get(n, (n,))[0]]) for n in names if not DATA[SCALED.get(n, (n,))[0]].exists()]
    if missing:
        sys.exit(f"No data at {', '.join(missing)}: this benchmark reads ../shared/data/news/.")
    RESULTS.mkdir(parents=True, exist_ok=True)
    command = "python bench/search.py " + " ".join(sys.argv[1:])
    print(f"{command.strip()}\n{os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"SQLite {sqlite3.sqlite_version}, code {code_version()}")
    table = []
    for name in names:
        data = sample(name, args.limit)
        print(f"\n=== {name}: {data.name} ===")
        built = build(name, data, args.limit, args.jobs, args.rebuild)
        fts_path = RESULTS / f"fts-{name}{f'-{args.limit}' if args.limit else ''}.sqlite"
        if args.first_only and built.reused and fts_path.exists():
            print(f"FTS5 database reused: {fts_path.name}")
        else:
            db, fts_seconds, articles = build_fts(records_of(built.location), fts_path)
            open_fts(db)
            db.close()  # the first askings go first, on a fresh index and database
        first = time_first_asking(built.location, fts_path, args.first)
        if args.first_only:
            table += report_first(name, first)
            continue
        # FTS5 was given records already read and annotated: what reading them costs, with
        # the same pipeline and processes, is added on its side for a fair build ratio.
        ingest_seconds = time_ingest(data, args.jobs)
        db = sqlite3.connect(fts_path)
        open_fts(db)
        table += report_first(name, first)
        archive = Archive(built.location)
        timings, counts = time_queries(archive, db, DATE_RANGES[name], args.runs)
        table += report_dataset(name, built, fts_seconds, fts_path.stat().st_size, timings,
                                counts, articles, args.jobs, ingest_seconds)
        if args.profile:
            profile_classes(archive, DATE_RANGES[name], max(1, args.runs // 2), args.top)
        archive.close()
        db.close()
    print("\n| data | class | wardnews p50 / p95 ms | FTS5 p50 / p95 ms | p95 ratio |")
    print("|---|---|---|---|---|")
    print("\n".join(table))
    print(f"\n`{command.strip()}`")


if __name__ == "__main__":
    main()
