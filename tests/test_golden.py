"""Golden files: each input in tests/golden gives exactly the articles in the JSON beside it.

One input per format (portal text, saved HTML, JSON, JSONL, WARC) and per encoding; every
field of every article is compared, text included.  After an intended change, rewrite one
expectation with `python tests/golden/regenerate.py NAME` and review its diff by eye.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from wardnews.archive.article import Article
from wardnews.archive.pipeline import read_articles

GOLDEN = Path(__file__).resolve().parent / "golden"
INPUTS = sorted(
    p for p in GOLDEN.iterdir() if p.suffix != ".py" and p.with_name(p.name + ".json").is_file()
)
FORMATS = {"portal-page.txt", "saved-page.html", "records.json", "records.jsonl", "crawl.warc.gz"}
ENCODINGS = {
    "utf-8-bom", "utf-16-le", "utf-16-be", "windows-1258", "tcvn3", "vni", "viscii",
    "utf-8-mojibake-repaired",
}


def _expected(path: Path) -> list[dict]:
    return json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))


def _differences(expected: list[dict], got: list[dict]) -> list[str]:
    """Every field that differs, with a line diff for long text, for a readable failure."""
    if len(expected) != len(got):
        titles = [a.get("title") for a in got]
        return [f"{len(expected)} articles expected, {len(got)} read: {titles}"]
    found = []
    for n, (want, have) in enumerate(zip(expected, got)):
        for field in sorted(set(want) | set(have)):
            if want.get(field) == have.get(field):
                continue
            where = f"article {n} ({want.get('title', '')[:50]}), field {field!r}"
            if field == "text":
                diff = difflib.unified_diff(
                    str(want.get(field)).split("\n\n"), str(have.get(field)).split("\n\n"),
                    "expected", "read", lineterm="", n=0,
                )
                found.append(f"{where}:\n" + "\n".join(diff))
            else:
                found.append(f"{where}:\n  expected {want.get(field)!r}\n  read     {have.get(field)!r}")
    return found


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_golden_input_gives_the_expected_articles(path: Path) -> None:
    got = [a.to_json() for a in read_articles(path) if isinstance(a, Article)]
    differences = _differences(_expected(path), got)
    assert not differences, (
        f"{path.name} no longer gives its golden articles:\n\n" + "\n\n".join(differences)
        + f"\n\nIf the change is intended: python tests/golden/regenerate.py {path.name}"
    )


def test_golden_inputs_cover_every_format_and_encoding() -> None:
    names = {p.name for p in INPUTS}
    assert FORMATS <= names, FORMATS - names
    encodings = {a["encoding"] for p in INPUTS for a in _expected(p)}
    assert ENCODINGS <= encodings, ENCODINGS - encodings


def test_every_golden_file_is_an_input_or_its_expectation() -> None:
    expectations = {p.with_name(p.name + ".json") for p in INPUTS}
    strays = [
        p.name for p in GOLDEN.iterdir()
        if p.suffix != ".py" and p not in INPUTS and p not in expectations
        and p.name != "__pycache__"
    ]
    assert not strays, f"inputs without an expectation (run regenerate.py): {strays}"


def test_a_changed_value_fails_with_a_readable_difference() -> None:
    [article] = _expected(GOLDEN / "portal-page.txt")
    changed = dict(article, date="2022-12-29", text=article["text"].replace("320 m2", "230 m2"))
    differences = _differences([article], [changed])
    assert len(differences) == 2
    assert "field 'date'" in differences[0] and "'2022-12-30'" in differences[0]
    assert "-Năm qua, phường vận động nhân dân hiến 320 m2" in differences[1]
