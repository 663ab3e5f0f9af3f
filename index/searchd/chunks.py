"""One chunk per shard index, so every article is ranked by the same word statistics.

A searchd RT index keeps the rows it receives in a RAM chunk and spills them into disk
chunks; searchd 2.2 ranks an article with statistics that depend on the chunk holding it
(measured on the baomoi set: the idf of the token every article holds was 0 in one chunk and
0.04 in the other, so common words counted up to three times more in one half of a shard,
and nDCG@10 beside the embedded order fell from 0.875 to 0.770).  After a rebuild fills a
slot, and after an update, the RAM chunk is written out and the disk chunks merged.
"""

from __future__ import annotations

import time

from .client import Connection
from .errors import SearchError

MERGE_SECONDS = 3600.0  # a shard of a few million articles merges in minutes, not hours
POLL_SECONDS = 0.5


def merge_chunks(connections: list[Connection], index: str, wait: bool = True) -> None:
    """Write each shard's RAM chunk to disk and merge its disk chunks into one; with `wait`,
    return when every shard holds one chunk (OPTIMIZE runs in searchd's background)."""
    for connection in connections:
        connection.execute(f"FLUSH RAMCHUNK {index}")
        connection.execute(f"OPTIMIZE INDEX {index}")
    if not wait:
        return
    deadline = time.monotonic() + MERGE_SECONDS
    waiting = list(connections)
    while waiting:
        waiting = [c for c in waiting if not _merged(c, index)]
        if waiting and time.monotonic() > deadline:
            raise SearchError(f"the shards {', '.join(c.where for c in waiting)} did not merge "
                              f"the chunks of {index} within {MERGE_SECONDS:.0f} s; see their searchd.log")
        if waiting:
            time.sleep(POLL_SECONDS)


def _merged(connection: Connection, index: str) -> bool:
    status = dict(connection.execute(f"SHOW INDEX {index} STATUS")[0])
    return int(status.get("disk_chunks", 0)) <= 1  # the RAM chunk was emptied by the flush
