"""Blueprint "api": the search and article JSON of DESIGN.md; errors as {"ok": false, "error": ...}."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, request

from .params import search_request
from .state import get_archive

bp = Blueprint("api", __name__, url_prefix="/api")

MAX_ID_CHARS = 64
MAX_NAME_CHARS = 200


@bp.route("/search")
def search():
    """The search as `wardnews search --json` prints it: SearchResult.to_json()."""
    config = current_app.config
    search_ = search_request(request.args, max_query_chars=config["MAX_QUERY_CHARS"],
                             max_page_size=config["MAX_PAGE_SIZE"], page_size=config["PAGE_SIZE"])
    return jsonify(get_archive().search(search_).to_json())


@bp.route("/article/<article_id>")
def article(article_id: str):
    """One article as `wardnews inspect --json` prints it: Article.to_json()."""
    if len(article_id) > MAX_ID_CHARS:
        abort(404, f"No article with id {article_id[:MAX_ID_CHARS]!r}… in this index")
    return jsonify(get_archive().article(article_id).to_json())


@bp.route("/official/<path:name>")
def official(name: str):
    """An official's career: roles over time with their first and last articles, and the
    other people of the same name (Career.to_json())."""
    if len(name) > MAX_NAME_CHARS:
        abort(404, f"No official named {name[:MAX_NAME_CHARS]!r}… in this index")
    career = get_archive().career(name)
    if not career.articles:
        abort(404, f"No article names the official {name!r} in this index")
    return jsonify(career.to_json())


@bp.route("/", defaults={"rest": ""})
@bp.route("/<path:rest>")
def unknown(rest: str):
    """Any other API path: a 404 in the API's JSON shape."""
    abort(404, f"No API endpoint at /api/{rest}; there are /api/search, /api/article/<id> "
                   "and /api/official/<name>")
