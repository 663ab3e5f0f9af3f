"""False hits of the abbreviation rule on baomoi-2017: every hit checked against its text.

    python bench/abbreviations.py

Each abbreviation of the genre is searched both ways (the short form, and the full form),
in the default reading.  A hit is right when its title or text writes the short form as the
genre writes it (its letters, with the slash of đ/c or the dot of P.) or the full form in
its diacritics; a false hit writes neither (a photo credit "Đ.C", a price "đồng/chỉ").
Prints, per query, the hits, the false hits, and up to three of their lookalikes.
"""

from __future__ import annotations

import json
import re
import sys

from search import build, sample

from wardnews import Archive
from wardnews.index.compile import ABBREVIATIONS, Unit, _typed
from wardnews.index.keys import syllables
from wardnews.index.snippets import unit_finder


def short_pattern(short: str) -> re.Pattern:
    """The short form as written: its letters whole, any case, "/" or "." kept."""
    body = re.escape(short).replace(r"\.", r"\.")
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])" if not short.endswith(".")
                      else rf"(?<![^\W_]){body}", re.IGNORECASE)


def main() -> int:
    built = build("baomoi", sample("baomoi", 0), 0, 2, False)
    print("python bench/abbreviations.py")
    print("| query | hits | false hits | lookalikes in false hits |")
    print("|---|---|---|---|")
    with Archive(built.location) as archive:
        for short, long in ABBREVIATIONS.items():
            written = short_pattern(short)
            full = unit_finder([Unit((_typed(syllables(long), long),))])
            for query in (short, long):
                hits = list(archive.iter_results(query))
                false = []
                for hit in hits:
                    record = json.loads(archive._searcher.stored_fields(
                        archive._docnum(hit.id))["record"])
                    text = f"{record['title']}\n{record['text']}"
                    if not written.search(text) and not full(text, 1):
                        false.append(text)
                looks = _lookalikes(false, short)
                print(f"| {query} | {len(hits):,} | {len(false):,} | {looks} |")
    return 0


def _lookalikes(texts: list[str], short: str) -> str:
    letters = [re.escape(c) for c in short if c.isalnum()]
    near = re.compile(r"[^\W_]*".join(letters) if len(letters) > 1 else letters[0], re.I)
    seen = []
    for text in texts:
        found = near.search(text)
        if found and found.group() not in seen:
            seen.append(found.group())
        if len(seen) == 3:
            break
    return ", ".join(f"“{s}”" for s in seen) or "-"


if __name__ == "__main__":
    sys.exit(main())
