"""searchd configurations for shards and a head on other hosts: written here, copied there.

`wardnews shards init` starts a trial on this machine; a deployment names its hosts, and each
host runs `searchd --config` on the file written for it.  The data paths inside the files are
the hosts' own (`data`), and `cluster.json` beside them is the archive's configuration for the
machine that runs wardnews.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .cluster import Cluster
from .config import head_config, shard_config, write_config
from .shards import Shard


def write_cluster_configs(folder: Path, shards: tuple[Shard, ...], head: Shard | None,
                          data: str = "/var/lib/wardnews", partial: bool = False) -> tuple[Cluster, list[Path]]:
    """Write `shard-N/searchd.conf` for each shard, `head/searchd.conf` for the head (if any)
    and `cluster.json` under `folder`; (the archive configuration, the files written)."""
    folder, root = Path(folder), PurePosixPath(data)
    written = [write_config(folder / f"shard-{n}", shard_config(own, Path(root / f"shard-{n}")))
               for n, own in enumerate(shards)]
    if head is not None:
        written.append(write_config(folder / "head", head_config(head, shards, Path(root / "head"))))
    cluster = Cluster(folder, tuple(shards), head, partial)
    written.append(cluster.save())
    return cluster, written
