"""Blueprint "pages": the search, overview, article and entity pages, citations and exports."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from flask import Blueprint, Response, current_app, g, render_template, request, stream_with_context
from markupsafe import Markup

from ..archive import merged_into
from ..index import MAX_PAGE, BadRequest, SearchRequest, clicked, facet_key, is_official, ward_value

from . import chart, citation, exports, feed, i18n, xlsx_export
from .alternatives import alternatives
from .messages import Missing
from .params import FACET_PARAMS, Links, search_pairs, search_request
from .state import get_archive, package_version

bp = Blueprint("pages", __name__)

MAX_ID_CHARS = 64
FACET_ORDER = ("province", "district", "ward", "now_province", "now", "term", "official", "year")


def _request(args=None, **fixed) -> SearchRequest:
    config = current_app.config
    return search_request(request.args if args is None else args,
                          max_query_chars=config["MAX_QUERY_CHARS"],
                          max_page_size=config["MAX_PAGE_SIZE"], page_size=config["PAGE_SIZE"],
                          **fixed)


DATE_FIELDS = {"date_from": "from", "date_to": "to"}


def _request_and_date_problems(**fixed) -> tuple[SearchRequest, dict[str, str]]:
    """The page's request, and for a date that cannot be read, a message beside its field
    in the page's language: the search runs without that date, every other filter kept."""
    try:
        return _request(**fixed), {}
    except BadRequest as exc:
        wrong = set(exc.arguments)
        if not wrong or not wrong <= set(DATE_FIELDS):
            raise
    t = i18n.translator(g.lang)
    args = request.args.copy()
    problems = {}
    if len(wrong) == 2:  # both read, but the start is after the end
        problems["from"] = t("date_order")
    for field in wrong:
        name = DATE_FIELDS[field]
        if len(wrong) == 1:
            problems[name] = t("date_invalid", value=args.get(name, "")[:40])
        args.poplist(name)
    return _request(args, **fixed), problems


def _chart(result, links: Links) -> Markup:
    """The date chart twice (a wide drawing, and a narrow one the CSS shows on phones so its
    labels stay readable) and its figures as a table, for screen readers and for copying."""
    t = i18n.translator(g.lang)
    show = lambda p: i18n.format_period(p, g.lang)  # noqa: E731
    def label(period, n, published=None, event=None):
        if published is None:
            return t("chart_bar", period=show(period), n=n)
        return t("chart_bar_kinds", period=show(period), n=n, published=published, event=event)

    histogram = result.histogram
    wide = chart.svg(histogram, links.narrow, label, t("chart_title"), show)
    if not wide:
        return Markup("")
    narrow = chart.svg(histogram, links.narrow, label, t("chart_title"), show,
                       chart.NARROW_WIDTH, chart.NARROW_HEIGHT, "narrow")
    rows = chart.rows(histogram)
    table = render_template("chart_table.html", rows=rows, links=links, show=show,
                            kinds=any(r[2] or r[3] for r in rows),
                            undated=sum(r[1] for r in rows if r[0] == chart.UNKNOWN))
    return Markup(wide) + Markup(narrow) + Markup(table)  # chart.svg escapes every value it writes


def _selected(links: Links, facets, unread=()) -> list[tuple[str, str, str]]:
    """Every value the search is filtered by, with its label: (parameter, value, label);
    not the dates in `unread` (they could not be read, and do not filter)."""
    labels = {(name, v.value): v.label or v.value for name in FACET_ORDER for v in facets.get(name, ())}
    chosen = [(n, v, labels.get((n, v), v)) for n, v in links.pairs if n in FACET_PARAMS]
    t = i18n.translator(g.lang)
    names = {"from": t("date_from"), "to": t("date_to")}
    return chosen + [(n, v, f"{names[n]} {v}") for n, v in links.pairs if n in names and n not in unread]


@bp.route("/")
def index():
    """The overview for an empty query; with a query or filters, the search page."""
    if any(name not in ("lang", "map") for name in request.args):  # map: the overview's map level
        return search()
    return _overview()


def _overview(notes=(), q: str = ""):
    archive = get_archive()
    stats = archive.stats()
    recent = archive.search(SearchRequest(sort="newest", limit=10))
    links = Links("/search", [])
    return render_template("overview.html", stats=stats, recent=recent, links=links, notes=notes,
                           q=q, chart_svg=_chart(recent, links), version=package_version(),
                           map_links=Links("/", []))


@bp.route("/search")
def search():
    """Search results with facets, a date chart, sort and pages; all state in the URL."""
    request_, date_problems = _request_and_date_problems()
    result = get_archive().search(request_)
    if result.nothing_to_search and not any(n in request.args for n in FACET_PARAMS):
        return _overview(result.notes, request_.query)  # "!!!" asks for nothing: say so
    links = Links("/search", search_pairs(request.args))
    selected = _selected(links, result.facets, date_problems)
    return render_template("search.html", result=result, links=links, q=request_.query,
                           date_problems=date_problems,
                           first_number=(request_.page - 1) * request_.limit + 1,
                           selected=selected, tries=_tries(links, result, selected, date_problems),
                           chart_svg=_chart(result, links), facet_order=FACET_ORDER, last=last_page(result),
                           pages=page_numbers(request_.page, last_page(result)))


def _tries(links: Links, result, selected, unread, **fixed) -> list:
    """For a search that found nothing, the searches to try instead (each with its total)."""
    if result.total:
        return []
    return alternatives(get_archive(), links, result, selected, current_app.config, unread, **fixed)


def last_page(result) -> int:
    """The last page a link may point to: the result's, within the page bound."""
    return min(result.pages, MAX_PAGE)


def page_numbers(current: int, last: int, around: int = 2) -> list[int | None]:
    """Page numbers to link, with None for a gap: the first, the last and those near the current.

    >>> page_numbers(7, 20)
    [1, None, 5, 6, 7, 8, 9, None, 20]
    """
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    out: list[int | None] = []
    for number in shown:
        if out and number - out[-1] > 1:
            out.append(None)
        out.append(number)
    return out


def _today() -> dt.date:
    fixed = current_app.config["TODAY"]
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def _article(article_id: str):
    if len(article_id) > MAX_ID_CHARS:
        raise Missing("missing_article",
                      f"No article with id {article_id[:MAX_ID_CHARS]!r}… in this index",
                      id=article_id[:MAX_ID_CHARS] + "…")
    return get_archive().article(article_id)  # looked up in the index only, never on disk


@bp.route("/article/<article_id>")
def article(article_id: str):
    """One article: its text with the query's words marked, metadata, similar articles, citation."""
    request_ = _request()  # a bad parameter is a 400 whether or not the id exists
    query = request_.query
    found = _article(article_id)
    pairs = search_pairs(request.args)
    # Opened from a search (its parameters came along): the way back, and its neighbours.
    position = get_archive().position(request_, found.id) if _from_search(pairs) else None
    within = Links("/search", pairs)
    back_page = (position.number - 1) // request_.limit + 1 if position else request_.page
    highlight = get_archive().highlighter(query, request_.match)
    paragraphs = [Markup(p) for p in highlight.mark(found.text).split("\n") if p.strip()]
    wards = [(w, ward_value(w)) for w in found.wards]
    return render_template(
        "article.html", article=found, q=query, title_marked=Markup(highlight.mark(found.title)),
        paragraphs=paragraphs, wards=wards, similar=get_archive().more_like_this(found.id),
        citation_text=citation.plain(found, accessed=_today(), lang=g.lang),
        back=within.page(back_page), position=position, within=within, from_search=_from_search(pairs),
    )


def _from_search(pairs) -> bool:
    """Whether an article's URL carries a search (a query or a filter), not only its order."""
    return any(name not in ("sort", "match", "page", "limit", "size", "mentions", "map") for name, _ in pairs)


@bp.route("/article/<article_id>/citation.ris")
def citation_ris(article_id: str):
    """The article's citation as an RIS file."""
    found = _article(article_id)
    return Response(citation.ris(found), mimetype="application/x-research-info-systems",
                     headers={"Content-Disposition": f'attachment; filename="{found.id}.ris"'})


@bp.route("/article/<article_id>/citation.json")
def citation_csl(article_id: str):
    """The article's citation as a CSL-JSON file."""
    found = _article(article_id)
    body = json.dumps(citation.csl_json(found), ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/vnd.citationstyles.csl+json",
                    headers={"Content-Disposition": f'attachment; filename="{found.id}.json"'})


def _entity(kind: str, name: str, field: str):
    request_ = _request(**{field: (name,)})
    result = get_archive().search(request_)
    # Not found only when no article names it at all: a filter that empties the page of one
    # that exists is said on the page, with what to try instead.
    if result.total == 0 and request_.page == 1 and not _named_anywhere(field, name):
        raise Missing(f"missing_{kind}", f"No article about {kind} {name!r} in this index", name=name)
    links = Links(request.path, search_pairs(request.args))
    extra = _ward_context(name, request_, result) if kind == "ward" else {}
    if kind == "official":
        extra = {"career": get_archive().career(name)}
    tries = _tries(links, result, _selected(links, result.facets), (), **{field: (name,)})
    return render_template("entity.html", kind=kind, name=name, result=result, links=links, tries=tries,
                           chart_svg=_chart(result, links), key=name, last=last_page(result),
                           pages=page_numbers(request_.page, last_page(result)), **extra)


def _named_anywhere(field: str, name: str) -> bool:
    """Whether any article names this ward (as its subject or in passing), official or term."""
    probe = SearchRequest(**{field: (name,)}, mentions=True, limit=1, facet_limit=0)
    return get_archive().search(probe).total > 0


def _ward_context(value: str, request_, result) -> dict:
    """Where a ward is and what it became: its record as articles place it, the unit it is
    part of now, the units merged with it, and the articles that only mention it."""
    other = get_archive().search(replace(request_, mentions=not request_.mentions, page=1, limit=1))
    key = facet_key(value)
    record = next((w for hit in (result.hits or other.hits) for w in hit.wards
                   if facet_key(ward_value(w)) == key or facet_key(w.name) == key), None)
    merged = [u for u in merged_into(record.now)] if record and record.now else []
    return {"ward": record, "merged": merged,
            "with_mentions": other.total if not request_.mentions else result.total,
            "subjects_only": result.total if not request_.mentions else other.total}


@bp.route("/ward/<path:value>")
def ward(value: str):
    """Every article about a ward, newest first, paged."""
    return _entity("ward", value, "wards")


@bp.route("/official/<path:name>")
def official(name: str):
    """Every article about an official, newest first, with the roles held in each."""
    return _entity("official", name, "officials")


@bp.route("/term/<path:term>")
def term(term: str):
    """Every article about a party or council term, newest first."""
    return _entity("term", term, "terms")


def _export(kind: str, stream, mimetype: str, **extra) -> Response:
    request_ = _request()
    archive = get_archive()
    results = archive.iter_results(request_)  # the query runs once, for the total and the rows
    meta = exports.metadata(request_, results.total,
                            dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                            package_version(), archive.stats().built_at,
                            getattr(results, "match", request_.match))
    body = stream(results, meta, **extra)
    return Response(stream_with_context(body), mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="wardnews-search.{kind}"'})


@bp.route("/export.csv")
def export_csv():
    """Every result of the search as CSV, streamed."""
    return _export("csv", exports.csv_stream, "text/csv", permalink=_permalinks())


def _permalinks():
    """The absolute address of an article's page, for files that leave the site."""
    base, plain = request.host_url.rstrip("/"), Links("/search", [])
    return lambda article_id: base + plain.article(article_id)


@bp.route("/feed.atom")
def feed_atom():
    """The search's newest articles as an Atom feed, to follow it in a feed reader."""
    request_ = replace(_request(), sort="newest", page=1, limit=feed.ENTRIES)
    archive = get_archive()
    result = archive.search(request_)
    base = request.host_url.rstrip("/")
    pairs = [(n, v) for n, v in search_pairs(request.args) if n not in ("sort", "page", "limit", "size")]
    t = i18n.translator(g.lang)
    title = t("feed_title", q=request_.query) if request_.query else t("feed_title_all")
    body = feed.atom(result, title, base + Links("/feed.atom", []).url(pairs),
                     base + Links("/search", []).url(pairs + [("sort", "newest")]),
                     _permalinks(),
                     archive.stats().built_at)
    return Response(body, mimetype="application/atom+xml")


@bp.route("/export.json")
def export_json():
    """Every result of the search as JSON, streamed."""
    return _export("json", exports.json_stream, "application/json", permalink=_permalinks())


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.route("/export.xlsx")
def export_xlsx():
    """Every result of the search as an Excel workbook: the CSV's table, then its facts."""
    t = i18n.translator(g.lang)
    return _export("xlsx", xlsx_export.xlsx_stream, XLSX, permalink=_permalinks(),
                   sheets=(t("xlsx_sheet_results"), t("xlsx_sheet_about")))


@bp.app_template_global()
def suggested(text: str) -> str:
    """The query a suggestion's link searches (its count is that search's total)."""
    return clicked(text)


@bp.app_template_global()
def ward_link(ward) -> str:
    """A ward's facet value, as its page and filters name it."""
    return ward_value(ward)


@bp.app_template_global()
def roles_of(hit, key: str) -> list[str]:
    """The roles a hit gives the official whose facet key is `key`."""
    return [role for o in hit.officials if is_official(o, key) for role in o.roles]
