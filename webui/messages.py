"""The index's notes and the errors' messages in the interface's language.

The index and the JSON API speak English (their strings are a contract); a note and a
BadRequest also carry a code and the values they quote, and pages say them through i18n
from those.  A message nothing here knows how to translate is shown as it is, marked
English, rather than made up.
"""

from __future__ import annotations

import datetime as dt

from werkzeug.exceptions import HTTPException, NotFound

from ..index import ArticleNotFound, BadRequest, IndexNotFound, IndexOutdated

from . import i18n

HEADINGS = {400: "error_400", 404: "error_404", 405: "error_405", 413: "error_413",
            414: "error_414", 431: "error_431", 503: "error_503"}
# Werkzeug's own answers, said in the interface's words instead of its English ones.
HTTP_MESSAGES = {404: "missing_page", 405: "wrong_method", 413: "too_large",
                 414: "uri_too_long", 431: "headers_too_large"}


class Missing(NotFound):
    """A 404 for something a page looked up: the English description (for logs and the
    API), and the i18n key and values that say it on a page."""

    def __init__(self, key: str, description: str, **values):
        super().__init__(description)
        self.key = key
        self.values = values


def note_text(note, lang: str) -> str:
    """A note of the index in `lang`; a note without a code as the index wrote it."""
    code = getattr(note, "code", None)
    if code is None:
        return str(note)
    return i18n.translator(lang)("note_" + code, **note.values)


def heading(status: int, lang: str) -> str:
    """The error page's heading for a status."""
    t = i18n.translator(lang)
    return t(HEADINGS[status]) if status in HEADINGS else f"{t('error')} {status}"


def page_message(error: Exception, status: int, lang: str) -> tuple[str, str | None]:
    """What the error page says, and the language of that text when it is not `lang`."""
    t = i18n.translator(lang)
    if status >= 500 and status != 503:
        return t("error_500"), None
    if isinstance(error, BadRequest) and error.code:
        return t("bad_" + error.code, **_bad_values(error, lang)), None
    if isinstance(error, Missing):
        return t(error.key, **error.values), None
    if isinstance(error, ArticleNotFound):
        return t("missing_article", id=error.article_id), None
    if isinstance(error, IndexOutdated):
        return t("outdated_index", root=str(error.root)), None
    if isinstance(error, IndexNotFound):
        return t("missing_index", root=str(error.root)), None
    if isinstance(error, HTTPException) and status in HTTP_MESSAGES:
        methods = ", ".join(sorted(getattr(error, "valid_methods", None) or ()))
        return t(HTTP_MESSAGES[status], methods=methods), None  # only 405's words name them
    if isinstance(error, HTTPException):
        return t("error_other", status=status), None
    return str(error), "en"  # a BadRequest only Python callers can cause (no code)


def _bad_values(error: BadRequest, lang: str) -> dict:
    """A BadRequest's values as the page shows them: parameters as this site names them,
    dates as the language writes them."""
    shown = error.shown
    values = {key: i18n.format_date(v, lang) if isinstance(v, dt.date) else v
              for key, v in error.values.items()}
    return {"name": shown[0] if shown else "", "other": shown[1] if len(shown) > 1 else "",
            **values}
