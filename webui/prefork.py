"""The web UI on every core: gunicorn's pre-forking server, N worker processes behind one port.

One Python process searches on one core at a time (the GIL), so `wardnews serve` forks
workers.  Each opens the index itself after the fork (nothing read from it is shared, so no
file position is), reads it as files (the page cache is shared by the operating system), and
picks up a rebuild or update by itself as any Archive does: the index is read-only to them.
Each worker runs a few threads, so a slow client does not hold a process.  Gunicorn runs on
POSIX systems only; elsewhere, and for one worker, waitress serves (server.py).
"""

from __future__ import annotations

import os
import socket

from .server import CHANNEL_TIMEOUT, ServerError

__all__ = ["available", "make_prefork_server"]

THREADS = 4  # per worker: enough for slow clients, few enough to keep the GIL uncontended
# Request lines longer than this are refused with 414 (gunicorn's largest bounded limit);
# the search form caps a query at MAX_QUERY_CHARS, which fits in it.
REQUEST_LINE = 8190


def available() -> bool:
    """Whether gunicorn can run here (it needs fork: POSIX only)."""
    if not hasattr(os, "fork"):
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


class PreforkServer:
    """A gunicorn arbiter over a socket bound before it starts (so port 0 and a taken port
    behave as with waitress, and the address is known before any worker forks)."""

    def __init__(self, location: str, listener: socket.socket, workers: int, settings: dict):
        from gunicorn.app.base import BaseApplication

        self.listener = listener
        self.port = listener.getsockname()[1]
        server = self

        class _Application(BaseApplication):
            def load_config(self):
                for key, value in server.options(workers).items():
                    self.cfg.set(key, value)

            def load(self):
                # In each worker, after the fork: its own app and its own open index.
                from . import create_app
                from .state import get_archive

                app = create_app({**settings, "WARDNEWS_INDEX": str(location)})
                with app.app_context():
                    get_archive()
                return app

        self.application = _Application()

    def options(self, workers: int) -> dict:
        return {
            "bind": [f"fd://{self.listener.fileno()}"],
            "workers": workers,
            "worker_class": "gthread",
            "threads": THREADS,
            "timeout": 60,
            "graceful_timeout": 5,
            "keepalive": CHANNEL_TIMEOUT,
            "limit_request_line": REQUEST_LINE,
            "preload_app": False,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "proc_name": "wardnews",
            "forwarded_allow_ips": "",  # no proxy is trusted
        }

    def run(self) -> None:
        """Serve until SIGINT or SIGTERM; the workers are stopped with the arbiter."""
        self.application.run()

    def close(self) -> None:
        try:
            self.listener.close()
        except OSError:
            pass


def make_prefork_server(location, host: str, port: int, workers: int, settings: dict | None = None):
    """A pre-forking server of the app over the index at `location`, listening already."""
    from ..index import Archive

    with Archive(location):  # IndexNotFound / IndexOutdated now, not in every worker
        pass
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
        listener.listen(2048)
    except (OSError, OverflowError) as exc:
        listener.close()
        reason = (getattr(exc, "strerror", None) or str(exc)).rstrip(".")
        raise ServerError(f"Cannot listen on {host}:{port}: {reason}") from None
    listener.set_inheritable(True)
    return PreforkServer(str(location), listener, workers, settings or {})
