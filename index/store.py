"""Where an index lives on disk: generations, the atomic switch, and the one-writer lock.

    INDEX_DIR/
      CURRENT            the name of the generation searches open, replaced atomically
      gen-0007/          a Whoosh index and its build.json (what it was built from, when)
      gen-0008.building  a rebuild in progress; becomes gen-0008 when complete
      write.lock         held (flock) by the one process writing

A full rebuild writes a new generation beside the current one and switches CURRENT only
once the new one is complete, so a crash or `kill -9` leaves the old one searchable.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

from .errors import IndexBusy, IndexNotFound

DEFAULT_INDEX = Path(".wardnews") / "index"
ENVIRONMENT = "WARDNEWS_INDEX"
_GENERATION = re.compile(r"^gen-(\d{4,})$")


def index_location(option: str | os.PathLike | None = None) -> Path:
    """The index folder: the option, else $WARDNEWS_INDEX, else .wardnews/index here."""
    if option:
        return Path(option)
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT])
    return DEFAULT_INDEX


def current_generation(root: Path) -> Path:
    """The generation searches should open; IndexNotFound when there is none."""
    pointer = root / "CURRENT"
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise IndexNotFound(root) from None
    path = root / name
    if not _GENERATION.match(name) or not path.is_dir():
        raise IndexNotFound(root, f"{pointer} names {name!r}, which is not there")
    return path


def generations(root: Path) -> list[Path]:
    """Complete generations, oldest first."""
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if p.is_dir() and _GENERATION.match(p.name)]
    return sorted(found, key=lambda p: int(_GENERATION.match(p.name).group(1)))


def new_generation(root: Path) -> Path:
    """A fresh folder for a rebuild, numbered after every generation there is or was."""
    root.mkdir(parents=True, exist_ok=True)
    numbers = [int(m.group(1)) for p in root.iterdir() if (m := re.match(r"^gen-(\d+)", p.name))]
    path = root / f"gen-{max(numbers, default=0) + 1:04d}.building"
    path.mkdir()
    return path


def publish(root: Path, building: Path, keep: int = 2) -> Path:
    """Make a finished rebuild the current generation, atomically, and prune old ones.

    The previous generation is kept, so that searches that opened it a moment ago can
    finish; older ones are removed.
    """
    final = building.with_name(building.name.removesuffix(".building"))
    building.rename(final)
    _fsync_dir(root)
    pointer = root / "CURRENT.tmp"
    pointer.write_text(final.name + "\n", encoding="utf-8")
    with open(pointer, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(pointer, root / "CURRENT")  # the switch: atomic on POSIX
    _fsync_dir(root)
    for old in generations(root)[:-keep]:
        if old != final:
            shutil.rmtree(old, ignore_errors=True)
    return final


def remove_abandoned(root: Path) -> list[Path]:
    """Delete rebuilds that a crash or kill left half-written; call with the lock held."""
    abandoned = [p for p in root.glob("gen-*.building") if p.is_dir()] if root.is_dir() else []
    for path in abandoned:
        shutil.rmtree(path, ignore_errors=True)
    return abandoned


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def write_lock(root: Path):
    """Hold the index's one writer lock; IndexBusy at once if another process has it.

    flock is released by the kernel when the holder dies, even by `kill -9`, so a crash
    never leaves the index locked.
    """
    root.mkdir(parents=True, exist_ok=True)
    path = root / "write.lock"
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise IndexBusy(root, handle.read().strip()) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()


def read_build_info(generation: Path) -> dict:
    """What a generation was built from and when (build.json), or {} if it has none."""
    try:
        return json.loads((generation / "build.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def write_build_info(generation: Path, info: dict) -> None:
    """Write build.json atomically, so a crash never leaves half of it."""
    temporary = generation / "build.json.tmp"
    temporary.write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, generation / "build.json")
