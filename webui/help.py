"""Blueprint "help": how to search, every example a link that runs its search.

The page documents what index/query.py and the search request read, nothing more; the
examples are data here so that a test can run each one (tests/test_webui_help.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, render_template

from .params import Links

bp = Blueprint("help", __name__)


@dataclass(frozen=True)
class Example:
    """One search of the help page: its query and other parameters, as the link runs it."""

    q: str = ""
    params: tuple[tuple[str, str], ...] = ()
    finds: bool = True  # finds articles in the demo corpus (a test checks it)
    same_as: str | None = None  # an example that must find exactly as many (a test checks it)

    @property
    def href(self) -> str:
        pairs = ([("q", self.q)] if self.q else []) + list(self.params)
        return Links("/search", pairs).url(pairs)


def _q(*queries: str) -> list[Example]:
    return [Example(q) for q in queries]


# (section heading, its paragraphs: (text key, examples))
SECTIONS = (
    ("help_spelling", (
        ("help_unaccented", _q("luong khanh thien", "uy ban")),
        ("help_accented", _q("đang", "dang")),
        ("help_tones", [Example("hoà"), Example("hòa", same_as="hoà"),
                        Example("uỷ ban"), Example("ủy ban", same_as="uỷ ban")]),
        ("help_iy", [Example("kì họp"), Example("kỳ họp", same_as="kì họp"),
                     Example("lí do"), Example("lý do", same_as="lí do")]),
        ("help_abbreviations", _q("UBND", "đ/c")),
    )),
    ("help_syllables", (
        ("help_together", _q("Ban Chấp hành", "Lương Khánh Thiện")),
        ("help_apart", ()),
    )),
    ("help_operators", (
        ("help_phrase", _q('"ban chấp hành"')),
        ("help_or", _q("đại hội OR hội nghị")),
        ("help_exclude", _q("đại hội -phường", 'đại hội -"hội nghị"', "đại hội NOT phường")),
        ("help_group", _q("(đại hội OR hội nghị) phường")),
        ("help_prefix", _q("Thiệ*")),
    )),
    ("help_fields", (
        ("help_fields_intro", ()),
        ("help_field_title", _q('title:"đại hội"')),
        ("help_field_ward", [Example('ward:"Lương Khánh Thiện"'),
                             Example('phuong:"Lương Khánh Thiện"', same_as='ward:"Lương Khánh Thiện"')]),
        ("help_field_official", _q('official:"Bùi Văn Hùng"')),
        ("help_field_term", _q("term:2020-2025")),
        ("help_field_category", _q('category:"Xây dựng Đảng"')),
        ("help_field_date", _q("date:2020", "date:2020-05", "date:2021-05-23", "date:2019..2021",
                               "date:..2019", "date:2021-03-01..", "date:--05-15")),
    )),
    ("help_matching", (
        ("help_strict", _q("hoà bình")),
        ("help_loose", [Example("hoà", (("match", "loose"),))]),
    )),
    ("help_sorting", (
        ("help_sort", [Example("Đảng bộ", (("sort", "newest"),)),
                       Example("Đảng bộ", (("sort", "oldest"),))]),
    )),
    ("help_dates", (
        ("help_dates_intro", [Example("đại hội", (("from", "01/01/2020"), ("to", "30/06/2021"))),
                              Example("", (("from", "5/2021"), ("to", "5/2021"))),
                              Example("", (("from", "2020"), ("to", "2021"))),
                              Example("", (("from", "2020-05"),)),
                              Example("", (("to", "2019-12-31"),))]),
        ("help_filters", ()),
    )),
)


def examples() -> list[Example]:
    """Every example the page links, in its order."""
    return [e for _, paragraphs in SECTIONS for _, shown in paragraphs for e in shown]


@bp.route("/help")
def help_page():
    """How to search: the query language, matching, sorting and the date filter."""
    return render_template("help.html", sections=SECTIONS)
