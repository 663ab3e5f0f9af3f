"""A larger archive of long articles made from baomoi-2017: N articles, copies of its records
with their ids and some of their words altered, written once under bench/results/data/.

    python bench/synthesise.py --articles 212640          # baomoi six times over, altered
    python bench/synthesise.py --articles 1000000 --share 0.08 --seed 13

Copy k of each record gets the id "{id}-s{k}"; in every copy but the first, a seeded share of
the syllables of its title, sapo and text is replaced by syllables drawn from the set's own
vocabulary (as often as the set uses them), so a larger archive has new word combinations,
more distinct pairs and posting lists that are not the same lists repeated.  Dates, sources
and categories are kept.  The file is reused when one of the same parameters exists.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

from common import DATA, REPO  # noqa: I001 (bench/ is on the path when run as a script)

OUT = REPO / "bench" / "results" / "data"
SYLLABLE = re.compile(r"([^\W\d_]+)")  # split keeps them: odd items are syllables
ALTERED = ("title", "sapo", "text")


def path_for(articles: int, share: float, seed: int) -> Path:
    return OUT / f"synth-{articles}-p{round(share * 100)}-s{seed}.jsonl.gz"


def vocabulary(source: Path) -> tuple[list[str], list[int]]:
    """The set's syllables (lower case) and their cumulative counts, for weighted drawing."""
    counts: Counter = Counter()
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for name in ALTERED:
                counts.update(w.lower() for w in SYLLABLE.findall(record.get(name) or ""))
    words = sorted(counts)
    return words, list(itertools.accumulate(counts[w] for w in words))


def altered(text: str, rng: random.Random, share: float, words, weights) -> str:
    """The text with `share` of its syllables replaced (the case of the first letter kept).

    >>> altered("Phường Một họp dân", random.Random(1), 0.5, ["x"], [1])
    'Phường X x dân'
    """
    parts = SYLLABLE.split(text)
    places = range(1, len(parts), 2)
    picked = rng.sample(places, round(len(places) * share))
    for at, word in zip(picked, rng.choices(words, cum_weights=weights, k=len(picked))):
        parts[at] = word.capitalize() if parts[at][:1].isupper() else word
    return "".join(parts)


def synthesise(articles: int, share: float = 0.08, seed: int = 13, source: Path = DATA["baomoi"]
               ) -> Path:
    """Write (or reuse) the file of `articles` synthesised records; its path."""
    path = path_for(articles, share, seed)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    words, weights = vocabulary(source)
    temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
    written = 0
    with gzip.open(temporary, "wt", encoding="utf-8", compresslevel=1) as target:
        for copy in itertools.count():
            with gzip.open(source, "rt", encoding="utf-8") as lines:
                for line in lines:
                    if written == articles:
                        break
                    record = json.loads(line)
                    if copy:
                        rng = random.Random(f"{seed}:{record['id']}:{copy}")
                        for name in ALTERED:
                            if record.get(name):
                                record[name] = altered(record[name], rng, share, words, weights)
                    record["id"] = f"{record['id']}-s{copy}"
                    target.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
            if written == articles:
                break
    os.replace(temporary, path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[212_640])
    parser.add_argument("--share", type=float, default=0.08,
                        help="share of syllables replaced in each copy but the first")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if not DATA["baomoi"].exists():
        sys.exit(f"No data at {DATA['baomoi']}: this script reads ../shared/data/news/.")
    for count in args.articles:
        reused = path_for(count, args.share, args.seed).exists()
        path = synthesise(count, args.share, args.seed)
        print(f"{path} ({count:,} articles, {'reused' if reused else 'written now'}, "
              f"{path.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
