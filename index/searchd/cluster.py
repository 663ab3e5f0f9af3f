"""A searchd archive's configuration: its shard map and head, kept in a folder as JSON.

`cluster.json` is the configuration a person writes or `wardnews shards init` writes:
the shards in shard order (an article's shard is shards.shard_of over their count), the
head, and whether a search may answer from the shards that answered.  `live.json` is
written by builds alone: which slot of indexes holds the archive and its facet values.
Both are replaced whole (write, then rename), so a reader sees the old or the new one.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import IndexNotFound, SearchError
from .schema import HEADS, SLOTS
from .shards import Shard, parse_shards

CONFIG = "cluster.json"
LIVE = "live.json"


@dataclass(frozen=True)
class Cluster:
    """Where an archive's shards and head are, and how a search treats a shard that is down."""

    folder: Path
    shards: tuple[Shard, ...]
    head: Shard | None = None  # None: the client asks every shard and merges
    partial: bool = False  # answer from the shards that answered, marked partial

    def save(self) -> Path:
        data = {"shards": [f"{s.host}:{s.port}:{s.api_port}" for s in self.shards],
                "head": f"{self.head.host}:{self.head.port}:{self.head.api_port}" if self.head else None,
                "partial": self.partial}
        return write_json(self.folder / CONFIG, data)

    @classmethod
    def load(cls, folder: Path) -> Cluster:
        path = Path(folder) / CONFIG
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise IndexNotFound(Path(folder), f"no {CONFIG}: run `wardnews shards init` or "
                                "`wardnews index --backend searchd --shards ...`") from None
        except (OSError, ValueError) as exc:
            raise SearchError(f"{path} cannot be read: {exc}") from exc
        shards, head = data.get("shards") if isinstance(data, dict) else None, None
        if not isinstance(shards, list) or not all(isinstance(s, str) for s in shards):
            raise SearchError(f"{path} names no shards: it needs \"shards\": [\"host:port\", ...]")
        head = data.get("head")
        return cls(Path(folder), parse_shards(",".join(shards)),
                   parse_shards(head)[0] if head else None, bool(data.get("partial", False)))

    def live(self) -> dict:
        """The live slot and what was built into it; IndexNotFound before the first build."""
        try:
            return json.loads((self.folder / LIVE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise IndexNotFound(self.folder, "nothing has been built on these shards yet") from None

    def idle_slot(self) -> str:
        """The slot a rebuild fills: the one not live."""
        try:
            live = self.live()["slot"]
        except IndexNotFound:
            return SLOTS[0]
        return SLOTS[1] if live == SLOTS[0] else SLOTS[0]


def head_index(slot: str) -> str:
    return HEADS[slot]


def write_json(path: Path, data: dict) -> Path:
    """Write JSON whole, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, path)
    return path
