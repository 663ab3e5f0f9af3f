"""A long article costs a bounded amount of work: snippets are linear, and search pages fast."""

from __future__ import annotations

import json
import random
import time

import pytest

from wardnews.archive.pipeline import MAX_TEXT_CHARS
from wardnews.index.keys import folded_key
from wardnews.index.snippets import _best_windows, _to_word_edges, key_finder, snippet

WORDS = "ba mươi hai nghìn quang phường xã ủy ban nhân dân hội đồng đảng bộ chi bộ đại hội".split()


def _text(characters: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    parts, size = [], 0
    while size < characters:
        sentence = " ".join(rng.choice(WORDS) for _ in range(14)) + ".\n"
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:characters]


@pytest.mark.parametrize("query", [{"ba", "muoi", "hai", "nghin", "quang"}, {"phuong"}, {"khong"}])
def test_a_snippet_of_ten_million_characters_takes_under_a_second(query):
    text = _text(10_000_000)
    started = time.perf_counter()
    shown = snippet(text, key_finder(set(), query))
    assert time.perf_counter() - started < 1.0
    assert shown and len(shown) < 1000


def _quadratic_windows(text, spans, width, fragments):
    """The windows as the first implementation chose them (every window counted afresh)."""
    scored = []
    for index, (first, _) in enumerate(spans):
        start = max(0, first - width // 4)
        end = min(len(text), start + width)
        inside = {folded_key(text[s:e]) for s, e in spans[index:] if e <= end}
        scored.append((len(inside), -start, start, end))
    scored.sort(reverse=True)
    chosen = []
    for _, _, start, end in scored:
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
        if len(chosen) == fragments:
            break
    return [_to_word_edges(text, s, e) for s, e in sorted(chosen)]


@pytest.mark.parametrize("seed", range(40))
def test_the_one_pass_windows_are_those_the_quadratic_count_chose(seed):
    rng = random.Random(seed)
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 400)))
    spans = key_finder(set(), {folded_key(w) for w in rng.sample(WORDS, 3)})(text)
    width = rng.choice([40, 120, 240])
    assert _best_windows(text, spans, width, 2) == _quadratic_windows(text, spans, width, 2)


@pytest.fixture(scope="module")
def long_client(tmp_path_factory):
    from wardnews.index import build_index
    from wardnews.webui import create_app

    root = tmp_path_factory.mktemp("long")
    records = [{"title": "Tổng kết cả năm", "text": _text(MAX_TEXT_CHARS - 100_000)},
               {"title": "Bài ngắn", "text": "Phường Minh Khai họp bàn ba mươi hai nghìn quang."}]
    (root / "long.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                     encoding="utf-8")
    build_index(root / "long.jsonl", root / "index")
    client = create_app({"WARDNEWS_INDEX": str(root / "index"), "TESTING": True}).test_client()
    client.get("/search?q=x")  # the index opened
    return client


@pytest.mark.parametrize("query", ["ba mươi hai nghìn quang", "phường", "đại hội đảng bộ"])
def test_a_search_page_over_the_longest_article_answers_under_a_second(long_client, query):
    started = time.perf_counter()
    page = long_client.get("/search", query_string={"q": query})
    assert page.status_code == 200 and "Tổng kết cả năm" in page.get_data(as_text=True)
    assert time.perf_counter() - started < 1.0
