"""Terminal text for the search module: a page of results, a build's summary, an index's stats.

Pure functions from the index's records to strings; the CLI decides where they are printed
and whether matches are shown in bold (a terminal) or between [ ] (a file or a pipe).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import textwrap
from typing import TYPE_CHECKING

import click

from .archive import Ward
from .report import ward_place

if TYPE_CHECKING:  # the index package is heavy to import; only its types are needed here
    from .index import BuildSummary, FacetValue, Hit, SearchResult, Stats

# Marks survive wrapping as single private-use characters, then become bold or brackets.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKS = re.compile(r"<mark>(.*?)</mark>", re.S)
_JOINED = re.compile(_CLOSE + r"(\s+)" + _OPEN)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
FACET_NAMES = {"province": "Province", "district": "District (before July 2025)",
               "ward": "Ward", "now_province": "Province now", "now": "Ward now", "term": "Term",
               "official": "Official", "year": "Year", "category": "Category"}
SKIPPED_SHOWN = 10


def _marked(markup: str) -> str:
    """HTML with <mark> as plain text with private marks; neighbouring marks become one."""
    text = _MARKS.sub(lambda m: _OPEN + m.group(1) + _CLOSE, markup)
    return html.unescape(_JOINED.sub(r"\1", text))


def _show_marks(text: str, bold: bool) -> str:
    if bold:
        start, end = click.style("", bold=True, reset=False), click.style("", reset=True)
        return text.replace(_OPEN, start).replace(_CLOSE, end)
    return text.replace(_OPEN, "[").replace(_CLOSE, "]")


def marked_text(markup: str, bold: bool = False) -> str:
    """A snippet's HTML as terminal text: matches in bold, or between [ ].

    >>> marked_text("phường <mark>Lương</mark> <mark>Khánh</mark> &amp; <mark>xã</mark>")
    'phường [Lương Khánh] & [xã]'
    """
    return _show_marks(_marked(markup), bold)


def _wrap(markup: str, width: int, indent: str, bold: bool) -> str:
    lines = textwrap.wrap(_marked(markup), width, initial_indent=indent, subsequent_indent=indent)
    return "\n".join(_show_marks(line, bold) for line in lines)


def shown_query(query: str, most: int = 60) -> str:
    """The query as a header quotes it: control characters out, long ones shortened.

    >>> shown_query("đại hội\\x1b[31m " + "x" * 80, most=20)
    'đại hội [31m xxxxxx…'
    """
    text = _CONTROL.sub(" ", query).strip()
    return text if len(text) <= most else text[: most - 1] + "…"


def describe_wards(wards: tuple[Ward, ...], most: int = 3) -> str:
    """The wards of a hit on one line: 'phường X (District, Province)', the first few."""
    shown = [ward_place(ward) for ward in wards[:most]]
    more = f"; and {len(wards) - most} more" if len(wards) > most else ""
    return "; ".join(shown) + more


def partial_date(partial: str | None) -> str:
    """A date at its precision as the table shows it: 05/2020, 2020, 15/05/???? (year
    unknown), or "no date".

    >>> [partial_date(p) for p in ("2020-05", "2020", "--05-15", None)]
    ['05/2020', '2020', '15/05/????', 'no date']
    """
    if not partial:
        return "no date"
    if partial.startswith("--"):
        return f"{partial[5:7]}/{partial[2:4]}/????"
    parts = partial.split("-")
    return "/".join(reversed(parts))


def describe_hit(rank: int, hit: Hit, width: int = 100, bold: bool = False, rank_width: int = 2) -> str:
    """One hit as a table row: rank, date, title; then its wards and snippet beneath."""
    date = (f"{hit.date:%d/%m/%Y}" if hit.date else partial_date(hit.date_partial)).ljust(10)
    head = f"{rank:>{rank_width}}. {date}  "
    indent = " " * len(head)
    title = _wrap(hit.title_marked or html.escape(hit.title), width, indent, bold)
    lines = [head + title[len(indent):]]
    if hit.wards:
        lines.extend(textwrap.wrap(describe_wards(hit.wards), width, initial_indent=indent,
                                   subsequent_indent=indent))
    if hit.snippet:
        lines.append(_wrap(hit.snippet, width, indent, bold))
    return "\n".join(lines)


def describe_header(result: SearchResult) -> str:
    """'Results 1–10 of 46 for "…"', or why there are none on this page."""
    request = result.request
    about = f' for "{shown_query(request.query)}"' if request.query.strip() else ""
    order = f", {request.sort} first" if request.sort != "relevance" else ""
    if not result.total:
        return f"No results{about}."
    if not result.hits:
        return (f"No results on page {request.page}{about}: "
                f"the {result.total} results end on page {result.pages}.")
    first = (request.page - 1) * request.limit + 1
    last = first + len(result.hits) - 1
    return f"Results {first}–{last} of {result.total}{about}{order}"


def describe_facet_value(value: FacetValue) -> str:
    """A facet value with its count; a ward shows the unit it belongs to since July 2025."""
    text = value.label or value.value
    if text == "unknown":
        text = "year unknown"
    if value.now:
        text += f" → now {value.now}"
    if value.kinds and all(value.kinds):
        text += f"  ({value.kinds[0]} published, {value.kinds[1]} by event date)"
    return f"{value.count:>6}  {text}" + ("  (selected)" if value.selected else "")


def describe_facets(result: SearchResult) -> str:
    """Every facet's counts over the whole result set, one value a line."""
    blocks = [f"Facets (counts over all {result.total} results):"]
    for name, values in result.facets.items():
        if values:
            blocks.append(f"  {FACET_NAMES.get(name, name.title())}:")
            blocks.extend("  " + describe_facet_value(v) for v in values)
    return "\n".join(blocks)


def describe_result(result: SearchResult, width: int = 100, bold: bool = False,
                    facets: bool = False) -> str:
    """A page of results as a user reads it: header, suggestion, notes, hits, facets."""
    lines = [describe_header(result)]
    if result.more and result.match == "strict":
        lines.append(f"{result.more} more with the words in other accents or their syllables "
                     "apart: --loose lists them too")
    elif result.match == "loose" and result.request.match == "loose":
        lines.append(f"Including {result.more} with the words in other accents or their "
                     "syllables apart (without --loose: only the words as typed)")
    if result.suggestions:
        lines.append("Did you mean: " + ", ".join(map(str, result.suggestions[:3])))
    lines.extend(f"Note: {note}" for note in result.notes)
    request = result.request
    first = (request.page - 1) * request.limit + 1
    rank_width = len(str(first + len(result.hits) - 1))
    for rank, hit in enumerate(result.hits, start=first):
        lines.append("")
        lines.append(describe_hit(rank, hit, width, bold, rank_width))
    if result.hits and request.page < result.pages:
        lines.append("")
        lines.append(f"Page {request.page} of {result.pages}: --page {request.page + 1} for more")
    if facets:
        lines.append("")
        lines.append(describe_facets(result))
    return "\n".join(lines)


def human_size(size: int) -> str:
    """A byte count in the units people read.

    >>> human_size(512), human_size(1924721), human_size(3 * 1024 ** 3)
    ('512 B', '1.8 MB', '3.0 GB')
    """
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def describe_build(summary: BuildSummary) -> str:
    """What a build did: counts, each rejected file or record with its reason, the time."""
    done = "Rebuilt" if summary.full else "Updated"
    rate = f", {summary.read / summary.seconds:.0f} articles/s" if summary.seconds and summary.read else ""
    rows = [
        f"{done} the index at {summary.location} from {summary.files} files "
        f"in {summary.seconds:.1f} s{rate}",
        f"  read      {summary.read:>7} articles from added or changed files",
        f"  added     {summary.added:>7}",
        f"  updated   {summary.updated:>7}",
        f"  removed   {summary.removed:>7}",
        f"  unchanged {summary.unchanged:>7}",
        f"  rejected  {len(summary.rejected):>7}" + (" (fix or remove these, then run again)"
                                                      if summary.rejected else ""),
    ]
    rows.extend(f"    {p}" for p in sorted(summary.rejected, key=lambda p: p.order))
    skipped = sorted(summary.skipped, key=lambda p: p.order)
    rows.append(f"  skipped   {len(skipped):>7}" + (" (not article files)" if skipped else ""))
    rows.extend(f"    {p}" for p in skipped[:SKIPPED_SHOWN])
    if len(skipped) > SKIPPED_SHOWN:
        rows.append(f"    … and {len(skipped) - SKIPPED_SHOWN} more")
    if summary.warnings:
        rows.append(f"  warnings  {len(summary.warnings):>7} (read, with what is named left out)")
        rows.extend(f"    {p}" for p in sorted(summary.warnings, key=lambda p: p.order))
    return "\n".join(rows)


def _when(stamp: str | None) -> str:
    if not stamp:
        return "at an unknown time"
    moment = dt.datetime.fromisoformat(stamp).astimezone(dt.timezone.utc)
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def _counts(title: str, pairs: tuple[tuple[str, int], ...], top: int) -> list[str]:
    shown = pairs if top <= 0 else pairs[:top]
    head = f"{title} (first {len(shown)}; --top 0 shows all):" if len(shown) < len(pairs) else f"{title}:"
    return ["", head, *(f"  {count:>6}  {value}" for value, count in shown)]


def describe_stats(stats: Stats, top: int = 20) -> str:
    """What an index holds: articles per year (all), term, ward and official (`top` each)."""
    lines = [
        f"Index at {stats.location}: {stats.articles} articles from {stats.files} files, "
        f"{human_size(stats.size_bytes)}",
        f"Built {_when(stats.built_at)} from {stats.corpus or 'an unknown corpus'}",
    ]
    lines += _counts("Articles per year", stats.by_year, 0)  # a few dozen at most: all
    lines += _counts("Articles per term", stats.by_term, top)
    lines += _counts("Articles per ward", stats.by_ward, top)
    lines += _counts("Officials named most", stats.by_official, top)
    return "\n".join(lines)
