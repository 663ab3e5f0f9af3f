"""Rewrite one golden expectation from what the pipeline gives now: `python tests/golden/regenerate.py NAME`.

For maintainers after an intended change.  The new expectation is only as right as the
pipeline: read the diff it prints, check every changed value against the input by eye, and
commit the expectation only if each change is a fix.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))


def expectation_path(input_path: Path) -> Path:
    """Where the expected JSON of an input lives: beside it, its name plus ".json"."""
    return input_path.with_name(input_path.name + ".json")


def render(input_path: Path) -> str:
    """The JSON array `wardnews inspect --json` prints for the input, as stored on disk."""
    from wardnews.archive.article import Article
    from wardnews.archive.pipeline import read_articles

    articles = [a.to_json() for a in read_articles(input_path) if isinstance(a, Article)]
    return json.dumps(articles, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    input_path = HERE / argv[0]
    if not input_path.is_file() or input_path.suffix == ".py":
        print(f"no golden input {input_path.name} in {HERE}", file=sys.stderr)
        return 2
    target = expectation_path(input_path)
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    new = render(input_path)
    if old == new:
        print(f"{target.name}: unchanged")
        return 0
    sys.stdout.writelines(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), target.name + " (old)",
                             target.name + " (new)")
    )
    target.write_text(new, encoding="utf-8")
    print(f"\nWARNING: {target.name} rewritten from the pipeline's output. Review the diff above "
          "value by value against the input before committing it.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
