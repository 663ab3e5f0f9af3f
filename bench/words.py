"""Which typed syllables form one word: the archive's statistics against pyvi, on queries whose
words we marked by hand.

    python bench/words.py

Each query is written with its words joined by "_" (how a reader cuts it); it is asked typed
with diacritics and typed without.  For every pair of neighbouring syllables, a method is
right when it joins them exactly where the marking does.  Printed: the share of pairs right
and of queries cut exactly right, per method and per way of typing.  "wardnews" is what
search uses (index/words.py: names typed with capitals; then pyvi for a run typed with
diacritics, the archive's counts for one typed without); "counts alone" the archive's
counts for every run; "pyvi alone" ViTokenizer on the query, its "_" read back.
"""

from __future__ import annotations

import sys

from search import build, sample

from wardnews import Archive
from wardnews.archive.normalise import fold
from wardnews.index.words import MIN_LIFT, _one_run, lift, word_lengths

MARKED = [
    "quy_chế dân_chủ cơ_sở", "Đinh_La_Thăng", "Lương_Khánh_Thiện", "hòa_giải", "Thụy_Xuân",
    "giải_phóng mặt_bằng", "an_toàn giao_thông", "xây_dựng nông_thôn mới", "bầu_cử đại_biểu",
    "Hội_đồng nhân_dân", "ủy_ban nhân_dân phường", "tham_nhũng", "nhiệm_kỳ", "sáp_nhập",
    "vỉa_hè", "trật_tự đô_thị", "lấn_chiếm vỉa_hè", "ô_nhiễm môi_trường", "ngập_lụt",
    "tai_nạn giao_thông", "Nguyễn_Đức_Chung", "bảo_hiểm y_tế", "cán_bộ phường",
    "tiếp công_dân", "khiếu_nại tố_cáo", "đại_hội đảng_bộ", "học_sinh giỏi", "giá vàng",
    "công_an phường", "chủ_tịch xã", "Đồng_Tâm", "Thủ_Thiêm", "phát_triển kinh_tế",
    "nhà văn_hóa", "tổ dân_phố", "an_ninh trật_tự", "cải_cách hành_chính",
    "bí_thư đảng_ủy", "xử_lý vi_phạm", "Trịnh_Xuân_Thanh",
]


def gold(marked: str) -> tuple[list[str], list[bool]]:
    words = marked.split()
    syllables = [s for w in words for s in w.split("_")]
    joins = []
    for w in words:
        joins += [True] * (len(w.split("_")) - 1) + [False]
    return syllables, joins[:-1]


def joins_of(lengths: list[int]) -> list[bool]:
    out = []
    for n in lengths:
        out += [True] * (n - 1) + [False]
    return out[:-1]


def counts_lengths(syllables: list[str], statistics) -> list[int]:
    """The archive's counts alone: pairs by their lift, then runs of 3 or 4 that no pair joins."""
    lengths: list[int] = []
    for i, syllable in enumerate(syllables):
        if i and lift(syllables[i - 1], syllable, statistics) >= MIN_LIFT:
            lengths[-1] += 1
        else:
            lengths.append(1)
    if len(lengths) == len(syllables) and 3 <= len(syllables) <= 4 and _one_run(syllables, statistics):
        return [len(syllables)]
    return lengths


def pyvi_lengths(syllables: list[str]):
    try:
        from pyvi import ViTokenizer
    except ImportError:
        return None
    return [len(t.split("_")) for t in ViTokenizer.tokenize(" ".join(syllables)).split()]


def main() -> int:
    built = build("baomoi", sample("baomoi", 0), 0, 2, False)
    with Archive(built.location) as archive:
        statistics = archive._statistics
        rows = []
        for typed in ("with diacritics", "without"):
            # pairs right, pairs, queries right
            tally = {"wardnews": [0, 0, 0], "counts alone": [0, 0, 0], "pyvi alone": [0, 0, 0]}
            for marked in MARKED:
                syllables, truth = gold(marked)
                if typed == "without":
                    syllables = [fold(s) for s in syllables]
                for method in tally:
                    if tally[method] is None:
                        continue
                    lengths = {"wardnews": lambda: word_lengths(syllables, statistics),
                               "counts alone": lambda: counts_lengths(syllables, statistics),
                               "pyvi alone": lambda: pyvi_lengths(syllables)}[method]()
                    if lengths is None:
                        tally[method] = None
                        continue
                    got = joins_of(lengths)
                    if len(got) != len(truth):  # pyvi split a syllable: all of it wrong
                        got = [not t for t in truth]
                    tally[method][0] += sum(g == t for g, t in zip(got, truth))
                    tally[method][1] += len(truth)
                    tally[method][2] += got == truth
            rows.append((typed, tally))
    print("python bench/words.py")
    print(f"{len(MARKED)} queries, marked by hand; baomoi-2017's statistics\n")
    print("| typed | method | pairs right | queries cut right |")
    print("|---|---|---|---|")
    for typed, tally in rows:
        for method, (right, pairs, queries) in ((m, v) for m, v in tally.items() if v):
            print(f"| {typed} | {method} | {right / pairs:.0%} ({right}/{pairs}) | "
                  f"{queries}/{len(MARKED)} |")
        if tally["pyvi alone"] is None:
            print(f"| {typed} | pyvi | not installed: pip install pyvi | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
