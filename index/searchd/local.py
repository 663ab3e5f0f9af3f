"""Local shards for a trial and for tests: N shard searchds and a head on free loopback
ports, their configurations written under one folder, started and waited for."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .cluster import Cluster
from .config import head_config, shard_config, write_config
from .process import Searchd, free_port, start
from .shards import Shard

HOST = "127.0.0.1"


def _ports() -> Shard:
    return Shard(HOST, free_port(HOST), free_port(HOST))


@dataclass
class LocalCluster:
    """Running local searchds and the archive configuration that names them."""

    cluster: Cluster
    shards: list[Searchd] = field(default_factory=list)
    head: Searchd | None = None

    def shard_folder(self, number: int) -> Path:
        return self.cluster.folder / f"shard-{number}"

    def start_shard(self, number: int) -> Searchd:
        """(Re)start one shard's searchd on its configured ports."""
        own = self.cluster.shards[number]
        self.shards[number] = start(self.shard_folder(number) / "searchd.conf", own.host, own.port)
        return self.shards[number]

    def stop(self) -> None:
        """Stop every searchd of the cluster (the head first, so it sees no dying shard)."""
        for running in [self.head, *self.shards]:
            if running is not None:
                running.stop()


def init_local(folder: Path, count: int, partial: bool = False) -> LocalCluster:
    """Write configurations for `count` shards and a head under `folder`, start them all,
    and save the archive configuration (cluster.json) naming them."""
    folder = Path(folder)
    shards = tuple(_ports() for _ in range(count))
    head = _ports()
    cluster = Cluster(folder, shards, head, partial)
    local = LocalCluster(cluster, [None] * count)  # type: ignore[list-item]
    try:
        for number, own in enumerate(shards):
            shard_dir = local.shard_folder(number)
            write_config(shard_dir, shard_config(own, shard_dir))
            local.start_shard(number)
        head_dir = folder / "head"
        local.head = start(write_config(head_dir, head_config(head, shards, head_dir)),
                           head.host, head.port)
    except BaseException:
        local.stop()
        raise
    cluster.save()
    return local


def stop_local(folder: Path) -> list[str]:
    """Stop the searchds whose configurations lie under `folder`, by the pids they wrote;
    what was done, one line each."""
    from .process import stop_pid

    done = []
    for pid_file in sorted(Path(folder).glob("*/searchd.pid")):
        pid = int(pid_file.read_text().split()[0])
        done.append(f"{pid_file.parent.name}: " + ("stopped" if stop_pid(pid) else "was not running"))
    return done


# The names the package exports (index/__init__.py), for `wardnews shards`.
start_local_shards = init_local
stop_local_shards = stop_local
