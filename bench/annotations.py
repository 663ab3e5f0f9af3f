"""What the annotations say about a real corpus: wards (subject vs mentioned), dates (share
and precision), officials (raw names vs entities), the most frequent of each; and, given two
dumps, what changed between two versions of the archive.

    python bench/annotations.py --data localgov            # dump + summary of this checkout
    python bench/annotations.py --data baomoi --guards     # also: ward values each guard removes
    python bench/annotations.py --compare OLD.json NEW.json

The dump (bench/results/annotations-DATA-LABEL.json) holds per article its date, wards and
officials, so an older checkout (installed in its own venv) can be run with this same
script and compared: the script reads only fields every version has, and the newer ones
where they exist.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = {
    "baomoi": HERE.parents[1] / "shared" / "data" / "news" / "baomoi-2017.jsonl.gz",
    "localgov": HERE.parents[1] / "shared" / "data" / "news" / "localgov-subset.jsonl",
}
RESULTS = HERE / "results"


def record(article) -> dict:
    """What the comparison needs of one article, from any version's Article."""
    wards = []
    for w in article.wards:
        value = f"{w.type} {w.name}" + (f", {w.district}" if w.district else "") + (
            f", {w.province}" if w.province else "")
        wards.append([value, getattr(w, "role", None)])
    officials = [[o.name, getattr(o, "entity", o.name), list(o.roles)] for o in article.officials]
    return {
        "id": article.id,
        "date": article.date.isoformat() if article.date else None,
        "date_kind": article.date_kind,
        "partial": getattr(article, "date_partial", article.date.isoformat() if article.date else None),
        "precision": getattr(article, "date_precision", "day" if article.date else None),
        "source": getattr(article, "date_source", None),
        "mentioned": list(getattr(article, "dates_mentioned", ())),
        "wards": wards,
        "officials": officials,
    }


def dump(path: Path, jobs: int, folder_year: int | None = None) -> tuple[list[dict], float]:
    from wardnews.archive.errors import Problem
    from wardnews.archive.pipeline import read_articles

    if folder_year:  # as a user declares the year of a collection: corpus.toml beside a link
        folder = Path(tempfile.mkdtemp(prefix="wardnews-year-"))
        (folder / path.name).symlink_to(path)
        (folder / "corpus.toml").write_text(f"root = true\nyear = {folder_year}\n", encoding="utf-8")
        path = folder / path.name
    start = time.perf_counter()
    rows = [record(a) for a in read_articles(path, jobs=jobs) if not isinstance(a, Problem)]
    return rows, time.perf_counter() - start


def people(rows: list[dict]):
    """The person an official is counted as, as the index counts them (index/columns.py):
    the entity; a national entity linked to the one province whose post an article gives it
    beside a national one; for a name no article places, the one placed person of the name."""
    try:
        from wardnews.archive.extract.identity import NATIONAL, holds_national_post
    except ImportError:  # a version before people were entities: names are all there is
        return lambda official: official[1]
    linked = collections.defaultdict(set)
    for r in rows:
        for name, entity, roles in r["officials"]:
            if entity != name and not entity.endswith(f"({NATIONAL})") and holds_national_post(tuple(roles)):
                linked[name].add(entity)

    def link(name: str, entity: str) -> str:
        if entity.endswith(f"({NATIONAL})") and len(linked[name]) == 1:
            return next(iter(linked[name]))
        return entity

    placed = collections.defaultdict(set)
    for r in rows:
        for name, entity, _ in r["officials"]:
            if entity != name:
                placed[name].add(link(name, entity))

    def person(official) -> str:
        name, entity, _ = official
        if entity == name and len(placed[name]) == 1:
            return next(iter(placed[name]))
        return link(name, entity)

    return person


def summary(rows: list[dict], label: str) -> dict:
    n = len(rows)
    values = sum(len(r["wards"]) for r in rows)
    subject = sum(1 for r in rows for _, role in r["wards"] if role in (None, "subject"))
    precisions = collections.Counter(r["precision"] or "none" for r in rows)
    years = collections.Counter((r["partial"] or "")[:4] for r in rows
                                if r["partial"] and not r["partial"].startswith("--"))
    names = {o[0] for r in rows for o in r["officials"]}
    person = people(rows)
    entities = {person(o) for r in rows for o in r["officials"]}
    top_wards = collections.Counter(v for r in rows for v, role in r["wards"] if role in (None, "subject"))
    top_officials = collections.Counter(e for r in rows for e in {person(o) for o in r["officials"]})
    return {
        "label": label, "articles": n,
        "ward_values": values, "ward_values_per_article": round(values / n, 3),
        "subject_values": subject, "mentioned_values": values - subject,
        "dated_share": {k: round(v / n, 4) for k, v in sorted(precisions.items())},
        "dated_any": round(sum(v for k, v in precisions.items() if k != "none") / n, 4),
        "years_before_1990": sum(v for y, v in years.items() if y < "1990"),
        "official_mentions": sum(len(r["officials"]) for r in rows),
        "official_names": len(names), "official_entities": len(entities),
        "top_wards": top_wards.most_common(10), "top_officials": top_officials.most_common(10),
    }


def show(s: dict) -> None:
    print(f"== {s['label']}: {s['articles']} articles")
    print(f"ward values {s['ward_values']} ({s['ward_values_per_article']} per article): "
          f"subject {s['subject_values']}, mentioned {s['mentioned_values']}")
    print(f"dated {s['dated_any']:.1%}: " + ", ".join(f"{k} {v:.1%}" for k, v in s["dated_share"].items()))
    print(f"articles dated before 1990: {s['years_before_1990']}")
    print(f"officials: {s['official_mentions']} mentions, {s['official_names']} names, "
          f"{s['official_entities']} entities")
    print("top wards:", "; ".join(f"{v} ({n})" for v, n in s["top_wards"]))
    print("top officials:", "; ".join(f"{v} ({n})" for v, n in s["top_officials"]))


def compare(old_path: Path, new_path: Path) -> None:
    old = {r["id"]: r for r in json.loads(old_path.read_text(encoding="utf-8"))["rows"]}
    new = {r["id"]: r for r in json.loads(new_path.read_text(encoding="utf-8"))["rows"]}
    common = old.keys() & new.keys()
    year = lambda r: (r["partial"] or "")[:4] if r["partial"] and not r["partial"].startswith("--") else None  # noqa: E731
    moved = [i for i in common if year(old[i]) != year(new[i])]
    kinds = collections.Counter((year(old[i]) is not None, year(new[i]) is not None) for i in moved)
    print(f"articles in both: {len(common)}; the year changed for {len(moved)}: "
          f"{kinds[(True, True)]} to another year, {kinds[(False, True)]} newly dated, "
          f"{kinds[(True, False)]} no longer given a year")
    from_old = collections.Counter(year(old[i]) for i in moved if year(old[i]))
    print("old years of those that moved:", ", ".join(f"{y} ({n})" for y, n in sorted(from_old.items())[:15]))


def _guard_counts(args) -> dict:
    from wardnews.archive.extract.wards import GUARDS, find_wards

    texts = args
    removed = collections.Counter()
    for text in texts:
        kept = {(w.type, w.name) for w in find_wards(text)}
        for guard in sorted(GUARDS):
            without = {(w.type, w.name) for w in find_wards(text, guards=GUARDS - {guard})}
            removed[guard] += len(without - kept)
    return removed


def guards(path: Path, jobs: int) -> dict:
    """Ward values of the corpus each guard keeps out (the guard off, the others on)."""
    texts = []
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts.append("\n\n".join(p for p in (r.get("title"), r.get("sapo"), r.get("text")) if p))
    chunks = [texts[i::jobs * 8] for i in range(jobs * 8)]
    with multiprocessing.Pool(jobs) as pool:
        total = sum(pool.map(_guard_counts, chunks), collections.Counter())
    return dict(total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=sorted(DATA), default="localgov")
    parser.add_argument("--label", default="now")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--guards", action="store_true", help="count what each ward guard removes")
    parser.add_argument("--folder-year", type=int, help="declare the collection's year, as corpus.toml "
                        "`year = ...` does (baomoi-2017: 2017)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = parser.parse_args()
    if args.compare:
        for path in args.compare:
            show(json.loads(path.read_text(encoding="utf-8"))["summary"])
        compare(*args.compare)
        return
    path = DATA[args.data]
    if not path.exists():
        sys.exit(f"No data at {path}: this benchmark reads ../shared/data/news/.")
    rows, seconds = dump(path, args.jobs, args.folder_year)
    s = summary(rows, f"{args.data} {args.label}")
    s["ingest_seconds"] = round(seconds, 1)
    if args.guards:
        s["guards_removed"] = {g: 0 for g in sorted(__import__("wardnews.archive.extract.wards",
                                                                 fromlist=["GUARDS"]).GUARDS)}
        s["guards_removed"].update(guards(path, args.jobs))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"annotations-{args.data}-{args.label}.json"
    out.write_text(json.dumps({"summary": s, "rows": rows}, ensure_ascii=False), encoding="utf-8")
    show(s)
    print(f"read and annotated in {seconds:.1f} s with {args.jobs} processes")
    if args.guards:
        print("ward values each guard keeps out:", s["guards_removed"])
    print(f"dump: {out}")


if __name__ == "__main__":
    main()
