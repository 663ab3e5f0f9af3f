"""Vietnamese content inside the interface's sentences, marked lang="vi" in the English UI.

`vi_content` marks a whole element; a name inside a sentence ("Ward or commune: Phường
Lương Khánh Thiện") needs its own span, and the sentence must then be built as markup
with everything else escaped.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from . import i18n


def vi_text(text: str, lang: str) -> Markup:
    """The text, escaped, in a span marked Vietnamese unless the interface is Vietnamese."""
    if lang == "vi":
        return escape(text)
    return Markup('<span lang="vi">{}</span>').format(text)


def translated_markup(lang: str):
    """Like i18n.translator, for sentences holding markup: the words escaped, the values
    escaped unless they are markup already (a vi_text span)."""
    strings = i18n.STRINGS[lang]

    def t_html(key: str, **values) -> Markup:
        return Markup(escape(strings[key])).format(**values) if values else escape(strings[key])

    return t_html
