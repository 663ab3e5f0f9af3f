"""The one opened index of an app, shared by its requests and threads."""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from flask import current_app

from ..index import Backend, open_backend

KEY = "wardnews.archive"
_opening = threading.Lock()


def get_archive() -> Backend:
    """The app's archive on its backend (embedded or searchd), opened on first use; it picks
    up rebuilds by itself."""
    app = current_app._get_current_object()
    archive = app.extensions.get(KEY)
    if archive is None:
        with _opening:  # two first requests at once must not open two searchers
            archive = app.extensions.get(KEY)
            if archive is None:
                archive = open_backend(app.config["WARDNEWS_INDEX"], app.config.get("WARDNEWS_BACKEND"))
                app.extensions[KEY] = archive
    return archive


@lru_cache(maxsize=1)
def package_version() -> str:
    """The installed wardnews version, or "unknown" when run from a tree not installed."""
    try:
        return version("wardnews")
    except PackageNotFoundError:
        return "unknown"
