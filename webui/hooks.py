"""What happens around every request: language, security headers, and errors as pages or JSON."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from flask import current_app, g, jsonify, render_template, request
from markupsafe import Markup
from werkzeug.exceptions import HTTPException
from werkzeug.http import parse_range_header

from ..index import ArticleNotFound, BadRequest, IndexNotFound

from . import i18n, marking, messages
from .state import package_version

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
ONE_YEAR = 365 * 24 * 3600


def register(app) -> None:
    """Attach the language, header and error hooks to an app."""
    app.before_request(ignore_unreadable_range)
    app.before_request(choose_language)
    app.after_request(add_headers)
    app.context_processor(template_helpers)
    app.register_error_handler(Exception, handle_error)


def ignore_unreadable_range() -> None:
    """Drop a Range header that cannot be read, or asks for several ranges: the whole file is
    sent, as RFC 9110 lets a server do, rather than a 416 for a request that asked nothing
    unsatisfiable."""
    value = request.environ.get("HTTP_RANGE")
    if value is not None:
        found = parse_range_header(value)
        if found is None or found.units != "bytes" or len(found.ranges) != 1:
            del request.environ["HTTP_RANGE"]
            request.__dict__.pop("range", None)  # werkzeug caches the parsed header


def choose_language() -> None:
    """Read the language once per request: ?lang= first, then the cookie, then the default."""
    g.lang = i18n.choose_language(request.args.get("lang"), request.cookies.get(i18n.COOKIE),
                                  current_app.config["LANGUAGE"])


def add_headers(response):
    """Security headers on every response, and the language cookie when ?lang= chose one."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.args.get("lang") in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, request.args["lang"], max_age=ONE_YEAR,
                            samesite="Lax", httponly=True)
    return response


def template_helpers() -> dict:
    """The words and formats of the request's language, for every template."""
    lang = getattr(g, "lang", i18n.DEFAULT)
    return {
        "lang": lang,
        "t": i18n.translator(lang),
        "day": lambda d: i18n.format_date(d, lang),
        "partial": lambda p: i18n.format_partial(p, lang),
        "number": lambda n: i18n.format_number(n, lang),
        "period": lambda p: i18n.format_period(p, lang),
        "lang_url": language_url,
        "web_url": web_url,
        "version": package_version(),
        # the archive's texts are Vietnamese: marked so when the interface is not, for
        # screen readers' pronunciation and hyphenation
        "vi_content": Markup(' lang="vi"') if lang != "vi" else "",
        "note_text": lambda note: messages.note_text(note, lang),
        "vi_text": lambda text: marking.vi_text(text, lang),
        "t_html": marking.translated_markup(lang),
    }


def language_url(code: str) -> str:
    """This page in another language: its arguments kept, ?lang= set (the cookie keeps it)."""
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    return f"{request.path}?{urlencode(pairs + [('lang', code)])}"


def web_url(url: str | None) -> str | None:
    """A URL fit for a link: http or https only, so no javascript: from an article's source.

    >>> web_url("javascript:alert(1)"), web_url("https://x.gov.vn/a")
    (None, 'https://x.gov.vn/a')
    """
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def wants_json() -> bool:
    """Whether the request went to the JSON API."""
    return request.path == "/api" or request.path.startswith("/api/")


def handle_error(error: Exception):
    """One handler for every error: a page or {"ok": false, "error": ...}, never a traceback."""
    if isinstance(error, HTTPException) and (error.code or 500) < 400:
        return error  # redirects are answers, not errors
    if isinstance(error, HTTPException):
        status, message = error.code or 500, error.description
    elif isinstance(error, BadRequest):
        status, message = 400, str(error)
    elif isinstance(error, ArticleNotFound):
        status, message = 404, str(error)
    elif isinstance(error, IndexNotFound):
        status, message = 503, str(error)
    else:
        current_app.logger.exception("Unexpected error on %s", request.path)
        status, message = 500, "Internal server error; it has been logged"
    if wants_json():
        return jsonify({"ok": False, "error": message}), status
    if not hasattr(g, "lang"):
        choose_language()
    # The page says it in the interface's language; the API above keeps the English contract.
    shown, shown_lang = messages.page_message(error, status, g.lang)
    return render_template("error.html", status=status, message=shown, message_lang=shown_lang,
                           heading=messages.heading(status, g.lang)), status
