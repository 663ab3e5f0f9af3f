"""Blueprint "lists": the whole list of one facet's values for a search (where a facet's
"more" link leads), and A–Z lists of the archive's wards, officials and terms.

Counts come from the index's own facet counting (`Archive.facet`), so a value's count here
is the count the search page shows for it, and the total of the search its link opens.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from flask import Blueprint, render_template, request, url_for

from ..index import VIETNAMESE_LETTERS, SearchRequest

from .listing import (GROUPS, ORDERS, filed_under, filter_text, last_page, list_order, matcher,
                      ordered, page_number, paged, searchable)
from .messages import Missing
from .pages import _request_and_date_problems, page_numbers
from .params import FACET_PARAMS, Links, search_pairs
from .state import get_archive

bp = Blueprint("lists", __name__)

PER_PAGE = 100  # values per page of a facet's list
ONE_PAGE = 1000  # an A–Z list this long or shorter is one page, its letters anchors in it
PER_LETTER_PAGE = 500  # ... a longer one has a page per letter, paged within a letter too
KINDS = {"ward": ("wards", "value"), "official": ("officials", "name"), "term": ("terms", "term")}
# The letter bar shows every Vietnamese letter, and f, j, w, z only when values begin with them.
SHOWN_ALWAYS = frozenset(letter.upper() for letter in VIETNAMESE_LETTERS)
# Anchors for letters as Telex types them: ASCII ids that say which letter they are.
ANCHORS = {"Ă": "aw", "Â": "aa", "Đ": "dd", "Ê": "ee", "Ô": "oo", "Ơ": "ow", "Ư": "uw"}


class ListLinks:
    """Links to the pages of a list: its path and parameters kept, its page parameter set."""

    def __init__(self, path: str, pairs: list[tuple[str, str]], page_name: str):
        self.path, self.pairs, self.page_name = path, list(pairs), page_name

    def page(self, number: int) -> str:
        """The list on another page (the first has no page parameter: one URL per page)."""
        extra = [(self.page_name, str(number))] if number > 1 else []
        return Links(self.path, []).url(self.pairs + extra)


def only(links: Links, name: str, value: str) -> str:
    """This search with one value alone in its facet: its total is the value's count, where
    ticking it (Links.toggle) adds it to the values ticked already (either one)."""
    return links.url([(n, v) for n, v in links.pairs if n not in (name, "page")] + [(name, value)])


@bp.app_template_global()
def facet_list_url(name: str, links: Links) -> str:
    """Where a facet's "more" link leads: its whole list, for the search `links` describes."""
    return Links(url_for("lists.facet", name=name), []).url(links.pairs)


@bp.route("/facet/<name>")
def facet(name: str):
    """Every value of one facet for the search: filtered by the box, sorted, paged."""
    if name not in FACET_PARAMS:
        raise Missing("missing_facet", f"There is no facet {name[:40]!r}; the facets are "
                      f"{', '.join(FACET_PARAMS)}", name=name[:40], facets=", ".join(FACET_PARAMS))
    typed = filter_text(request.args.get("fq", ""))
    order = list_order(request.args.get("forder", "").strip() or "count")
    number = page_number(request.args.get("fpage", ""), "fpage")
    search_, _ = _request_and_date_problems()  # dates it cannot read: left out, as the search does
    values = get_archive().facet(replace(search_, page=1), name)
    if searchable(typed):
        finds = matcher(typed)
        values = [v for v in values if finds(f"{v.value} {v.label or ''}")]
    page = paged(ordered(values, name, order), number, PER_PAGE)
    if page is None:
        last = last_page(len(values), PER_PAGE)
        raise Missing("missing_list_page", f"The list has {last} page(s) of values, not {number}",
                      last=last, number=number)
    pairs = search_pairs(request.args)
    return render_template("facet_values.html", name=name, page=page, typed=typed,
                           filtering=searchable(typed), order=order, q=search_.query,
                           search=Links("/search", pairs), only=only,
                           pages=page_numbers(page.number, page.last),
                           **_list_links(url_for("lists.facet", name=name), pairs, typed, order))


def _list_links(path: str, pairs, typed: str, order: str) -> dict:
    """A facet list's own links: its pages, each order (filter kept), the list unfiltered."""
    def sorted_by(option):
        return [("forder", option)] if option != "count" else []  # the default needs no parameter

    kept = [("fq", typed)] if typed else []
    return {"links": ListLinks(path, pairs + kept + sorted_by(order), "fpage"),
            "orders": {o: ListLinks(path, pairs + kept + sorted_by(o), "fpage").page(1) for o in ORDERS},
            "show_all": ListLinks(path, pairs + sorted_by(order), "fpage").page(1)}


@bp.route("/wards")
def wards():
    """Every ward and commune of the archive, A–Z, with its articles."""
    return _a_to_z("ward")


@bp.route("/officials")
def officials():
    """Every official of the archive, A–Z, with their articles."""
    return _a_to_z("official")


@bp.route("/terms")
def terms():
    """Every party or council term of the archive, in order, with its articles."""
    return _a_to_z("term")


def _a_to_z(kind: str):
    """An A–Z list of one entity facet over the whole archive, filed by letter: one page when
    short, else a page per letter (the first letter's when none is asked for)."""
    path_name, parameter = KINDS[kind]
    values = get_archive().facet(SearchRequest(limit=1, facet_limit=0), kind)
    groups: dict[str, list] = {}
    for value in ordered(values, kind, "az"):
        groups.setdefault(filed_under(value.value, kind), []).append(value)
    letter = _letter(request.args.get("letter"))
    number = page_number(request.args.get("page", ""), "page")
    one_page = len(values) <= ONE_PAGE and letter is None
    if not one_page and letter is None:
        letter = next((g for g in GROUPS if g in groups), None)
    items = groups.get(letter, []) if letter else [v for g in GROUPS for v in groups.get(g, ())]
    per_page = PER_LETTER_PAGE if letter else ONE_PAGE
    page = paged(items, number, per_page)
    if page is None:
        last = last_page(len(items), per_page)
        raise Missing("missing_list_page", f"The list has {last} page(s), not {number}", last=last, number=number)
    sections: dict[str, list] = {}  # the page's values under their letters, with their pages
    for value in page.items:
        sections.setdefault(filed_under(value.value, kind), []).append(
            (value, url_for(f"pages.{kind}", **{parameter: value.value})))
    base = url_for(f"lists.{path_name}")
    return render_template("a_to_z.html", kind=kind, total=len(values), letter=letter,
                           letters=_letter_links(groups, base, one_page), sections=sections,
                           anchors=ANCHORS, page=page, pages=page_numbers(page.number, page.last),
                           links=ListLinks(base, [("letter", letter)] if letter else [], "page"))


def _letter_links(groups: dict, base: str, one_page: bool) -> list[tuple[str, int, str | None]]:
    """The letter bar: (letter, values, link) for every Vietnamese letter and any other that
    files values; the link an anchor on a one-page list, else the letter's page; None when
    the letter files nothing."""
    def link(letter):
        if letter not in groups:
            return None
        if one_page:
            return f"#letter-{ANCHORS.get(letter, letter.lower())}"
        return ListLinks(base, [("letter", letter)], "page").page(1)

    return [(g, len(groups.get(g, ())), link(g)) for g in GROUPS if g in groups or g in SHOWN_ALWAYS]


def _letter(asked: str | None) -> str | None:
    """The letter a request asks an A–Z list for ("đ" is "Đ"); 404 for one no list files."""
    if asked is None or not asked.strip():
        return None
    letter = unicodedata.normalize("NFC", asked.strip())
    letter = letter.upper() if len(letter) == 1 else letter
    if letter not in GROUPS:
        raise Missing("missing_letter", f"An A–Z list has no letter {asked[:10]!r}", letter=asked[:10])
    return letter
