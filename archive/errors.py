"""The base of all wardnews errors, the archive's named errors, and the record of a file or record that could not be read."""

from __future__ import annotations

import re
from dataclasses import dataclass


class WardnewsError(Exception):
    """Base of every error wardnews raises on purpose, in every layer: catch this one."""


class ArchiveError(WardnewsError):
    """Base of every error the archive raises on purpose."""


class DecodeError(ArchiveError):
    """Bytes that cannot be decoded with confidence; the message says why."""


class ReadError(ArchiveError):
    """A file or record that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class Problem:
    """A file or record left out of a run (or read with a warning), with the reason a user can act on."""

    source: str  # path as the user gave it or relative to the corpus root
    reason: str
    where: str | None = None  # "line 12", "record <urn:uuid:...>"
    # "rejected" (could not be read), "skipped" (not an article type), or "warning" (read,
    # but part of it left out: an unknown province in a corpus.toml)
    kind: str = "rejected"

    @property
    def order(self) -> tuple:
        """Where the problem sorts in a list: by file, then naturally by place ("line 3"
        before "line 10").

        >>> sorted(["line 10", "line 3"], key=lambda w: Problem("a", "r", w).order)
        ['line 3', 'line 10']
        """
        return _natural(self.source), _natural(self.where or "")

    def __str__(self) -> str:
        place = f"{self.source} ({self.where})" if self.where else self.source
        return f"{place}: {self.reason}"


def _natural(text: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))
