"""The web UI on every core: N waitress worker processes forked behind one listening socket.

One Python process searches on one core at a time (the GIL), so `wardnews serve` forks
workers.  Each opens the index itself after the fork (nothing read from it is shared, so no
file position is), reads it as files (the page cache is shared by the operating system), and
picks up a rebuild or update by itself as any Archive does: the index is read-only to them.
The kernel hands each new connection to one of the processes waiting on the socket.

Each worker is the waitress server of server.py, so every guard of a single process holds
in each: idle and half-sent connections cost no thread (waitress reads a request whole before
a thread sees it), a thousand connections per worker, answers to unreadable requests with
the app's headers.  Gunicorn was tried first: its threaded workers read a request in the
thread, so 40 half-sent requests locked two workers out (tests/test_serve_workers.py).

This process only supervises: it forks the workers, forks a new one when one dies, and on
Ctrl+C or SIGTERM stops them all.  Workers die with it (PR_SET_PDEATHSIG).  POSIX only;
elsewhere one process serves.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import time

from .server import ServerError, make_server

__all__ = ["available", "make_prefork_server"]

_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
STOP_SECONDS = 5  # a worker still running this long after SIGTERM is killed
FAST_FAILURES = 5  # workers dying within a second of their start, in a row, end the server


def available() -> bool:
    """Whether workers can be forked here (POSIX)."""
    return hasattr(os, "fork")


class _Stop(Exception):
    """Raised in the supervisor by SIGINT or SIGTERM, to leave its wait."""


class PreforkServer:
    """A supervisor of `workers` waitress processes on one bound socket."""

    def __init__(self, location: str, listener: socket.socket, workers: int, settings: dict):
        self.location = location
        self.listener = listener
        self.port = listener.getsockname()[1]
        self.workers = workers
        self.settings = settings
        self.children: dict[int, float] = {}  # pid → when it was forked

    def run(self) -> None:
        """Serve until SIGINT or SIGTERM; then stop every worker and return."""
        previous = {s: signal.signal(s, self._stop) for s in (signal.SIGINT, signal.SIGTERM)}
        failures = 0
        try:
            for _ in range(self.workers):
                self._fork()
            while True:
                pid, _ = os.wait()
                started = self.children.pop(pid, None)
                if started is None:
                    continue
                failures = failures + 1 if time.monotonic() - started < 1 else 0
                if failures >= FAST_FAILURES:
                    raise ServerError("the worker processes keep dying at start; "
                                      "run with --workers 1 to see why")
                self._fork()  # a worker died: another takes its place
        except _Stop:
            pass
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self._stop_children()

    def _stop(self, signum, frame) -> None:
        raise _Stop

    def _fork(self) -> None:
        pid = os.fork()
        if pid:
            self.children[pid] = time.monotonic()
            return
        # The worker: never returns into the supervisor's code.
        status = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor stops us
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            _die_with_parent()
            server = make_server(self.location, sockets=[self.listener], settings=self.settings)
            server.run()
            status = 0
        finally:
            os._exit(status)

    def _stop_children(self) -> None:
        for pid in self.children:
            _signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        while self.children and time.monotonic() < deadline:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid:
                self.children.pop(pid, None)
            else:
                time.sleep(0.05)
        for pid in self.children:
            _signal(pid, signal.SIGKILL)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        self.children.clear()

    def close(self) -> None:
        try:
            self.listener.close()
        except OSError:
            pass


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def _die_with_parent() -> None:
    """Ask the kernel to end this worker when the supervisor ends, even by kill -9."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: the supervisor's own stop is what ends the workers


def make_prefork_server(location, host: str, port: int, workers: int, settings: dict | None = None):
    """A supervisor of `workers` waitress processes over the index at `location`, its socket
    bound already (so port 0, a taken port and the printed address behave as with one)."""
    from ..index import open_backend

    # IndexNotFound / IndexOutdated (or a searchd archive's unreachable head) now, not in
    # every worker
    with open_backend(location, (settings or {}).get("WARDNEWS_BACKEND")):
        pass
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        listener.bind((host, port))
        listener.listen(1024)
    except (OSError, OverflowError) as exc:
        listener.close()
        reason = (getattr(exc, "strerror", None) or str(exc)).rstrip(".")
        raise ServerError(f"Cannot listen on {host}:{port}: {reason}") from None
    return PreforkServer(str(location), listener, workers, settings or {})
