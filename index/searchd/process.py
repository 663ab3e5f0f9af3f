"""Start and stop searchd processes: on free ports, waited for until they answer, and
stopped for sure (the whole process group, SIGKILL after a grace period)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import SearchError

STARTUP_SECONDS = 15.0
STOP_SECONDS = 5.0


def searchd_binary() -> str | None:
    """The searchd on PATH (Debian's sphinxsearch installs /usr/bin/searchd), or None."""
    return shutil.which("searchd")


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on now (the kernel's choice; taken again at once, in practice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def answers(host: str, port: int, timeout: float = 0.5) -> bool:
    """Whether a SphinxQL listener accepts a connection and a statement."""
    from .client import _pymysql

    pymysql = _pymysql()

    try:
        connection = pymysql.connect(host=host, port=port, connect_timeout=timeout,
                                     read_timeout=timeout, write_timeout=timeout)
    except pymysql.err.OperationalError:
        return False
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW STATUS")
        return True
    except pymysql.err.MySQLError:
        return False
    finally:
        connection.close()


@dataclass
class Searchd:
    """One running searchd, started by this process from a configuration file."""

    config: Path
    host: str
    port: int
    process: subprocess.Popen

    def stop(self, grace: float = STOP_SECONDS) -> None:
        """Stop it and every process it started: SIGTERM, then SIGKILL after `grace`."""
        if self.process.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, grace)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(wait)
                return
            except subprocess.TimeoutExpired:
                continue

    def kill(self) -> None:
        """Kill it at once, as a crash would (no flush, no clean shutdown)."""
        self.stop(grace=0.0)

    @property
    def running(self) -> bool:
        return self.process.poll() is None


def start(config: Path, host: str, port: int, timeout: float = STARTUP_SECONDS) -> Searchd:
    """Start searchd on a configuration and wait until its SphinxQL port answers."""
    binary = searchd_binary()
    if binary is None:
        raise SearchError("searchd is not installed: install Debian's sphinxsearch "
                          "(apt-get install sphinxsearch)")
    from .client import _pymysql

    _pymysql()  # its absence said before a searchd is left running unasked
    config = Path(config)
    log = open(config.parent / "searchd.out", "ab")
    # Its own session, so that stop() can signal the group and nothing outlives it.
    process = subprocess.Popen([binary, "--config", str(config), "--nodetach"],
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True, cwd=config.parent)
    log.close()
    running = Searchd(config, host, port, process)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            if answers(host, port):
                return running
            time.sleep(0.05)
    except BaseException:
        running.stop()
        raise
    running.stop()
    output = (config.parent / "searchd.out").read_text(errors="replace")[-2000:]
    raise SearchError(f"searchd on {config} did not start within {timeout:.0f} s:\n{output}")


def stop_pid(pid: int, grace: float = STOP_SECONDS) -> bool:
    """Stop a searchd this package started in an earlier process (its session leader):
    SIGTERM to its group, SIGKILL after `grace`; False when it was not running."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return False
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            # Started by this very process (shards init in a test), it stays a zombie, which
            # signals still reach, until reaped.
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass  # another process's child: its own parent reaps it
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return True
