"""The web interface: a Flask app over one index, for researchers in a browser."""

from __future__ import annotations

import os

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Create the app: defaults, then WARDNEWS_* environment overrides, then test_config."""
    app = Flask(__name__)
    app.config.from_mapping(
        WARDNEWS_INDEX=".wardnews/index",
        WARDNEWS_BACKEND=None,  # whoosh or searchd; None: what the index folder holds
        LANGUAGE="vi",
        MAX_QUERY_CHARS=1000,
        MAX_PAGE_SIZE=100,
        PAGE_SIZE=10,
        TODAY=None,  # the day citations are accessed on: today, unless fixed (as tests do)
        DEBUG=False,
    )
    app.config.from_prefixed_env("WARDNEWS", loads=_typed)
    if os.environ.get("WARDNEWS_INDEX"):  # `WARDNEWS_INDEX=dir` sets the key with its prefix
        app.config["WARDNEWS_INDEX"] = os.environ["WARDNEWS_INDEX"]
    if os.environ.get("WARDNEWS_BACKEND"):
        app.config["WARDNEWS_BACKEND"] = os.environ["WARDNEWS_BACKEND"]
    if test_config:
        app.config.from_mapping(test_config)
    app.debug = False  # never: the debugger runs code sent from the browser
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from . import api, hooks, lists, mapview, pages
    from . import help as guide  # `help` would hide the builtin

    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(guide.bp)
    app.register_blueprint(mapview.bp)
    app.register_blueprint(lists.bp)  # a facet's whole list; A–Z lists of wards, officials, terms
    hooks.register(app)
    return app


def _typed(value: str):
    """Numbers from the environment as numbers, everything else as text."""
    return int(value) if value.isascii() and value.isdigit() else value
