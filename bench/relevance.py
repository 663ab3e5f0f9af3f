"""Ranking quality on judged queries: nDCG@10 of the default (strict) and the loose reading.

    python bench/relevance.py                  # nDCG@10 from bench/judgments/baomoi.json
    python bench/relevance.py --pool FILE      # write the unjudged top 10s for judging

The judgments are ours: for each query of QUERIES, the union of both readings' top 10
over baomoi-2017 was read (title and opening) and graded 0 (not about it), 1 (mentions
it), 2 (about it), 3 (the article one would want first).  Only article ids and grades are
committed, no text.  The loose reading is the ranking of wardnews before the strict one
(every syllable folded, anywhere, the tiers on top); unjudged articles count as 0 and the
share of judged ones in each top 10 is printed.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from common import REPO
from search import build, sample

from wardnews import Archive

JUDGMENTS = REPO / "bench" / "judgments" / "baomoi.json"
QUERIES = [
    "Đinh La Thăng", "dinh la thang", "Đồng Tâm", "xã Đồng Tâm", "Thủ Thiêm",
    "quy chế dân chủ cơ sở", "hòa giải", "Thụy Xuân", "giải phóng mặt bằng",
    "an toàn giao thông", "xây dựng nông thôn mới", "bầu cử đại biểu Quốc hội",
    "Hội đồng nhân dân", "HĐND", "đ/c", "Ủy ban nhân dân phường", "tham nhũng",
    "Đảng", "nhiệm kỳ 2015-2020", "sáp nhập", "vỉa hè", "trật tự đô thị", "lấn chiếm vỉa hè",
    "ô nhiễm môi trường", "ngập lụt", "tai nạn giao thông", "Nguyễn Đức Chung",
    "Trịnh Xuân Thanh", "bảo hiểm y tế", "cán bộ phường", "tiếp công dân", "khiếu nại",
]


def dcg(grades: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    return dcg([judged.get(d, 0) for d in ranked[:k]]) / ideal if ideal else 0.0


def top(archive: Archive, query: str, match: str, k: int = 10) -> list[str]:
    return [h.id for h in archive.search(query, limit=k, match=match).hits]


def pool(archive: Archive, path: Path, judged: dict) -> None:
    """The top 10s of both readings not judged yet, with title and opening to read."""
    out = {}
    for query in QUERIES:
        ids = dict.fromkeys(top(archive, query, "strict") + top(archive, query, "loose"))
        rows = []
        for article_id in ids:
            if article_id in judged.get(query, {}):
                continue
            article = archive.article(article_id)
            rows.append({"id": article_id, "title": article.title, "opening": article.text[:600]})
        if rows:
            out[query] = rows
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{sum(map(len, out.values()))} articles of {len(out)} queries to judge in {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pool", type=Path, help="write the unjudged top 10s here and stop")
    options = parser.parse_args()
    built = build("baomoi", sample("baomoi", 0), 0, 2, False)
    judged = json.loads(JUDGMENTS.read_text(encoding="utf-8")) if JUDGMENTS.exists() else {}
    with Archive(built.location) as archive:
        if options.pool:
            pool(archive, options.pool, judged)
            return 0
        print("python bench/relevance.py")
        print(f"{len(QUERIES)} judged queries over {built.articles} baomoi articles\n")
        print("| query | strict nDCG@10 | loose nDCG@10 | judged in top 10 |")
        print("|---|---|---|---|")
        totals = {"strict": [], "loose": []}
        unanswerable = []
        for query in QUERIES:
            grades = judged.get(query, {})
            if not any(grades.values()):  # nothing relevant found by either reading
                unanswerable.append(query)
                print(f"| {query} | – | – | no relevant article judged |")
                continue
            scores, covered = {}, []
            for match in ("strict", "loose"):
                ranked = top(archive, query, match)
                scores[match] = ndcg(ranked, grades)
                totals[match].append(scores[match])
                covered.append(sum(d in grades for d in ranked) / max(1, len(ranked)))
            print(f"| {query} | {scores['strict']:.2f} | {scores['loose']:.2f} | "
                  f"{min(covered):.0%} |")
        mean = {m: sum(v) / len(v) for m, v in totals.items()}
        print(f"\nmean nDCG@10 over {len(totals['strict'])} queries: strict (the default) "
              f"{mean['strict']:.3f}, loose (the ranking before) {mean['loose']:.3f}")
        if unanswerable:
            print(f"left out, no relevant article in either top 10: {', '.join(unanswerable)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
