"""Folder defaults: a `corpus.toml` declares the province and district its files are about."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ReadError

DEFAULTS_FILE = "corpus.toml"


@dataclass(frozen=True)
class Place:
    """Where a folder's articles are, as far as the folder says."""

    province: str | None = None
    district: str | None = None


@lru_cache(maxsize=1024)
def _declared(folder: Path) -> Place:
    path = folder / DEFAULTS_FILE
    if not path.is_file():
        return Place()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReadError(f"{path}: not valid TOML ({exc}); fix it or delete it") from None
    unknown = set(data) - {"province", "district"}
    if unknown:
        raise ReadError(
            f"{path}: unknown keys {', '.join(sorted(unknown))}; only province and district are read"
        )
    return Place(province=data.get("province") or None, district=data.get("district") or None)


def folder_defaults(path: Path, root: Path) -> Place:
    """The place declared for a file: corpus.toml files from the root down, nearer ones win.

    A folder that declares another province drops the district declared above it, since a
    district belongs to its province.
    """
    root = root.resolve()
    folder = path.resolve().parent
    if folder != root and root not in folder.parents:
        return _declared(folder)
    chain = [folder, *folder.parents]
    province = district = None
    for directory in reversed(chain[: chain.index(root) + 1]):  # root first
        place = _declared(directory)
        if place.province and place.province != province:
            province, district = place.province, None
        if place.district:
            district = place.district
    return Place(province, district)
