"""Which shard owns an article: a stable hash of its id, the same in every process and run.

Python's hash() is salted per process, so it cannot place documents; CRC-32 of the id's
UTF-8 bytes is fixed, cheap, and what searchd's own tooling would use too.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from ..errors import SearchError


def shard_of(article_id: str, count: int) -> int:
    """The shard (0-based) that owns an article among `count`.

    >>> shard_of("corpus/a.txt", 2), shard_of("corpus/a.txt", 2) == shard_of("corpus/a.txt", 2)
    (1, True)
    """
    return zlib.crc32(article_id.encode("utf-8")) % count


def document_id(article_id: str) -> int:
    """searchd's document id for an article: 63 bits of its BLAKE2 digest (ids must be
    positive integers; a counter would change with the corpus order).

    >>> document_id("corpus/a.txt") == document_id("corpus/a.txt") > 0
    True
    """
    import hashlib

    digest = hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest()
    return (int.from_bytes(digest, "big") >> 1) or 1


@dataclass(frozen=True)
class Shard:
    """One shard's searchd: where its SphinxQL and API listeners are."""

    host: str
    port: int  # SphinxQL (mysql41 protocol): what the client speaks
    api_port: int  # the native API: what a distributed head's agents speak

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


def parse_shards(text: str) -> tuple[Shard, ...]:
    """Shards written `host:port[:api_port],...` (the API port defaults to port + 1).

    >>> parse_shards("127.0.0.1:9306, 127.0.0.1:9316:9400")
    (Shard(host='127.0.0.1', port=9306, api_port=9307), Shard(host='127.0.0.1', port=9316, api_port=9400))
    """
    found = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        pieces = part.split(":")
        if len(pieces) not in (2, 3) or not all(p.isascii() and p.isdigit() for p in pieces[1:]) or not pieces[0]:
            raise SearchError(f"{part!r} is not a shard: write host:port or host:port:api_port, "
                              "separated by commas")
        port = int(pieces[1])
        found.append(Shard(pieces[0], port, int(pieces[2]) if len(pieces) == 3 else port + 1))
    if not found:
        raise SearchError("no shards given: write host:port,host:port")
    return tuple(found)
