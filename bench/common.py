"""What the benchmarks share: where the news files are, the same-run baseline, timing."""

from __future__ import annotations

import gzip
import json
import statistics
import tempfile
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


NEWS = REPO.parent / "shared" / "data" / "news"
DATA = {
    "baomoi": NEWS / "baomoi-2017.jsonl.gz",
    "rss": NEWS / "rss-headlines-2025-2026.jsonl.gz",
}


def baseline(path: Path) -> int:
    """Decompress and parse every line: the floor any ingest or build pays."""
    with gzip.open(path, "rb") as lines:
        return sum(1 for line in lines if json.loads(line))


def timed(run, repeat: int) -> tuple[float, object]:
    """The median seconds of `repeat` runs, and the last run's result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def sample(path: Path, limit: int) -> Path:
    """The first `limit` lines of a gzipped JSONL file, in a temporary file of the same kind."""
    folder = Path(tempfile.mkdtemp(prefix="wardnews-sample-"))
    target = folder / path.name
    with gzip.open(path, "rb") as source, gzip.open(target, "wb") as out:
        out.writelines(islice(source, limit))
    return target
