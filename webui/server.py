"""The web UI over one index, served by waitress (a real WSGI server, not Flask's own)."""

from __future__ import annotations

import os
import resource
import socket

from waitress.channel import HTTPChannel
from waitress.task import ErrorTask

from ..archive import WardnewsError
from .hooks import SECURITY_HEADERS


class ServerError(WardnewsError):
    """The server cannot listen where it was asked to; the message says why."""


def url_of(host: str, port: int) -> str:
    """The address a browser opens for a server on host:port.

    >>> url_of("127.0.0.1", 8080)
    'http://127.0.0.1:8080/'
    >>> url_of("::1", 8080)
    'http://[::1]:8080/'
    """
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def check_address(host: str, port: int) -> None:
    """ServerError unless host:port is an address to listen on (checked before a long build)."""
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ServerError(f"Cannot listen on {host}:{port}: {host!r} is not an address of this "
                          f"machine ({reason})") from None


def make_server(location: str | os.PathLike, host: str = "127.0.0.1", port: int = 8080,
                threads: int = 4, settings: dict | None = None, sockets: list | None = None):
    """A waitress server of the app over the index at `location` (port 0 picks a free one),
    or on `sockets` already listening (a pre-forked worker's, prefork.py).

    The index is opened before the server listens, so no first visitor waits for it:
    IndexNotFound (or IndexOutdated) is raised here, not on the first request.  So is the
    word segmenter imported (seconds on the first query that needs it otherwise).
    """
    import waitress

    from ..index import load_segmenter
    from . import create_app
    from .state import get_archive

    app = create_app({**(settings or {}), "WARDNEWS_INDEX": str(location)})
    with app.app_context():
        get_archive()
    load_segmenter()
    limit = _open_files_for(CONNECTION_LIMIT)
    try:
        # clear_untrusted_proxy_headers: no proxy is trusted, so its headers are dropped.
        where = {"sockets": sockets} if sockets else {"host": host, "port": port}
        server = waitress.create_server(
            app, **where, threads=threads, clear_untrusted_proxy_headers=True,
            ident="wardnews", connection_limit=limit, channel_timeout=CHANNEL_TIMEOUT,
            cleanup_interval=CLEANUP_INTERVAL)
    except (OSError, ValueError, OverflowError) as exc:  # taken, not an address, out of range
        reason = (getattr(exc, "strerror", None) or str(exc)).rstrip(".")
        raise ServerError(f"Cannot listen on {host}:{port}: {reason}") from None
    server.channel_class = _Channel  # waitress's own error answers carry our headers too
    return server


# Idle or half-sent connections cost a file descriptor each and no thread: many may wait,
# and each is closed after CHANNEL_TIMEOUT seconds without a byte.  Waitress's default of
# 100 connections let 100 idle sockets lock everyone else out.
CONNECTION_LIMIT = 1000
CHANNEL_TIMEOUT = 30
CLEANUP_INTERVAL = 5


def _open_files_for(connections: int) -> int:
    """Raise the soft limit of open files to fit the connections (to the hard limit at
    most); the connections that fit, leaving room for the index's own files."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections + 256
    if soft != resource.RLIM_INFINITY and soft < wanted:
        raised = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
            soft = raised
        except (ValueError, OSError):
            pass
    return connections if soft == resource.RLIM_INFINITY else max(16, min(connections, soft - 256))


class _ErrorTask(ErrorTask):
    """Waitress's answer to a request it cannot read (400, 431, ...), with the app's
    security headers, which its own answers lack."""

    def execute(self):
        self.response_headers.extend(SECURITY_HEADERS.items())
        super().execute()


class _Channel(HTTPChannel):
    error_task_class = _ErrorTask


def bound_port(server) -> int:
    """The port a waitress server listens on (the one chosen when port 0 was asked)."""
    return int(server.effective_port)
