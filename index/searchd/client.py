"""SphinxQL over pymysql: connections with timeouts, literals escaped, errors named.

searchd speaks the MySQL wire protocol but is no MySQL: no server-side parameters, so
literals are quoted here, and only the two characters its string syntax treats specially
are escaped.
"""

from __future__ import annotations

from ..errors import SearchError
from .errors import SearchdFailed, ShardUnavailable

CONNECT_SECONDS = 2.0
READ_SECONDS = 15.0  # longer than a head's agent timeout, so the head reports a dead shard first


def quote(text: str) -> str:
    """A SphinxQL string literal.

    >>> quote("it's a \\\\ test")
    "'it\\\\'s a \\\\\\\\ test'"
    """
    if "\x00" in text:
        raise SearchError("a NUL character cannot be sent to searchd")
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def numbers(values) -> str:
    """A parenthesised list of integers, for IN (...) and MVA values."""
    return "(" + ", ".join(str(int(v)) for v in values) + ")"


def _pymysql():
    """The MySQL-protocol client, or a SearchError saying how to install it (it is the
    `searchd` extra: the embedded backend needs none of it)."""
    try:
        import pymysql
    except ImportError:
        raise SearchError("the searchd backend needs the pymysql package: "
                          "pip install 'wardnews[searchd]' (or pip install pymysql)") from None
    return pymysql


class Connection:
    """One SphinxQL connection to one searchd, opened at first use, reopened after a failure."""

    def __init__(self, host: str, port: int, read_timeout: float = READ_SECONDS):
        self.host, self.port = host, port
        self.read_timeout = read_timeout
        self._connection = None

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def _open(self):
        pymysql = _pymysql()

        if self._connection is None:
            try:
                self._connection = pymysql.connect(
                    host=self.host, port=self.port, connect_timeout=CONNECT_SECONDS,
                    read_timeout=self.read_timeout, write_timeout=self.read_timeout,
                    autocommit=True, charset="utf8")
            except pymysql.err.OperationalError as exc:
                raise ShardUnavailable(self.where, str(exc.args[-1])) from exc
        return self._connection

    def execute(self, statement: str) -> list[list[tuple]]:
        """Run one statement; every result set it returns (a search with FACETs has several).

        A connection kept from an earlier statement may have been closed by searchd since
        (its client_timeout, a restart): that one is opened again and the statement sent
        once more; a fresh connection that fails is the server's failure.
        """
        pymysql = _pymysql()

        reused = self._connection is not None
        try:
            return self._run(statement)
        except pymysql.err.OperationalError as exc:
            self.close()  # the connection is in an unknown state
            if reused:
                try:
                    return self._run(statement)
                except pymysql.err.OperationalError as again:
                    self.close()
                    raise ShardUnavailable(self.where, str(again.args[-1])) from again
            raise ShardUnavailable(self.where, str(exc.args[-1])) from exc

    def _run(self, statement: str) -> list[list[tuple]]:
        import pymysql

        connection = self._open()
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement)
                sets = [list(cursor.fetchall())]
                while cursor.nextset():
                    sets.append(list(cursor.fetchall()))
                return sets
        except pymysql.err.OperationalError:
            raise
        except pymysql.err.InterfaceError as exc:  # the socket went away under pymysql
            raise pymysql.err.OperationalError(2013, str(exc)) from exc
        except pymysql.err.MySQLError as exc:
            message = str(exc.args[-1])
            if "agent" in message and ("connect" in message or "timed out" in message
                                       or "refused" in message):
                raise ShardUnavailable(self.where, message) from exc
            raise SearchdFailed(f"searchd at {self.where} refused a statement: {message}\n"
                                f"{statement[:500]}") from exc

    def meta(self) -> dict[str, str]:
        """SHOW META of the last search on this connection."""
        return dict(self.execute("SHOW META")[0])

    def close(self) -> None:
        import pymysql

        if self._connection is not None:
            connection, self._connection = self._connection, None
            try:
                connection.close()
            except pymysql.err.Error:
                pass  # already closed by the failure that brought us here
