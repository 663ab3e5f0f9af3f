"""searchd configuration files (Sphinx 2.2 syntax) for an RT shard and a distributed head.

Each searchd listens twice on loopback or the given host: SphinxQL (mysql41) for this
client, and the native API, which is the only protocol a distributed index's agents speak.
"""

from __future__ import annotations

from pathlib import Path

from .schema import FACET_ATTRIBUTES, FIELDS, HEADS, SLOTS, STRING_ATTRIBUTES, UINT_ATTRIBUTES, mva
from .shards import Shard

# Tokens are ASCII (tokens.py): searchd splits on anything else, folds nothing, drops nothing.
CHARSET = "0..9, a..z, _"
# The RAM chunk: what an RT index holds before it writes a disk chunk.  A rebuild ends by
# merging a shard's disk chunks into one (chunks.py), and searchd 2.2 merges them oldest
# first, rewriting the growing first chunk each time: many small chunks cost a shard's size
# many times over.  At 2 GB a shard of 500,000 long articles makes about 7 chunks (about
# 28 KB of RAM chunk per article), not 55; memory past what a shard holds is taken only
# while rows are being written and given back by the flush that ends a rebuild.
RAM_CHUNK = "2048M"
AGENT_CONNECT_MS = 1000
AGENT_QUERY_MS = 10_000


def rt_index(name: str, path: Path) -> str:
    """One RT index declaration: the key fields, the facet and order attributes."""
    lines = [f"index {name}", "{", "    type = rt", f"    path = {path}",
             "    dict = keywords", f"    charset_table = {CHARSET}", "    min_word_len = 1",
             "    index_field_lengths = 1", f"    rt_mem_limit = {RAM_CHUNK}"]
    lines += [f"    rt_field = {f}" for f in FIELDS]
    lines += [f"    rt_attr_uint = {a}" for a in UINT_ATTRIBUTES]
    lines += [f"    rt_attr_multi = {mva(a)}" for a in FACET_ATTRIBUTES]
    lines += [f"    rt_attr_string = {a}" for a in STRING_ATTRIBUTES]
    return "\n".join(lines + ["}"])


def distributed_index(name: str, slot: str, shards: tuple[Shard, ...]) -> str:
    """A head over every shard's index of one slot, through their API listeners."""
    lines = [f"index {name}", "{", "    type = distributed"]
    lines += [f"    agent = {s.host}:{s.api_port}:{slot}" for s in shards]
    lines += [f"    agent_connect_timeout = {AGENT_CONNECT_MS}",
              f"    agent_query_timeout = {AGENT_QUERY_MS}"]
    return "\n".join(lines + ["}"])


def searchd_section(own: Shard, folder: Path) -> str:
    return "\n".join([
        "searchd", "{",
        f"    listen = {own.host}:{own.port}:mysql41",
        f"    listen = {own.host}:{own.api_port}",
        f"    pid_file = {folder / 'searchd.pid'}",
        f"    log = {folder / 'searchd.log'}",
        f"    query_log = {folder / 'query.log'}",
        f"    binlog_path = {folder}",
        "    workers = threads",
        # A shard answers the head within its query timeout or is reported down; no client
        # may hold a thread forever.
        "    read_timeout = 5",
        "    client_timeout = 60",
        "    max_packet_size = 32M",
        "    seamless_rotate = 1",
        "}",
    ])


def shard_config(own: Shard, folder: Path) -> str:
    """The configuration of one shard: both slots of RT indexes, and its searchd."""
    folder = Path(folder)
    indexes = [rt_index(slot, folder / slot) for slot in SLOTS]
    return "\n\n".join(indexes + [searchd_section(own, folder)]) + "\n"


def head_config(own: Shard, shards: tuple[Shard, ...], folder: Path) -> str:
    """The configuration of a head: one distributed index per slot over the shards."""
    heads = [distributed_index(HEADS[slot], slot, shards) for slot in SLOTS]
    return "\n\n".join(heads + [searchd_section(own, Path(folder))]) + "\n"


def write_config(folder: Path, text: str) -> Path:
    """Write `searchd.conf` in the folder (made if needed); returns its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "searchd.conf"
    path.write_text(text, encoding="utf-8")
    return path
