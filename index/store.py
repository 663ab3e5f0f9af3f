"""Where an index lives on disk: generations, the atomic switch, and the one-writer lock.

    INDEX_DIR/
      CURRENT            the name of the generation searches open, replaced atomically
      gen-0007/          a Whoosh index; build-N.json records what its commit N was built from
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
_TOC = re.compile(r"^_MAIN_(\d+)\.toc$")


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
    """Hold the index's one writer lock, yielding its file descriptor; IndexBusy at once if
    another process has it.

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
        yield handle.fileno()
    finally:
        handle.close()


def latest_toc(generation: Path) -> int:
    """The number of the newest Whoosh table of contents (_MAIN_N.toc) in a generation; -1 if none."""
    numbers = [int(m.group(1)) for p in generation.iterdir() if (m := _TOC.match(p.name))]
    return max(numbers, default=-1)


def read_build_info(generation: Path) -> dict:
    """What the generation's newest commit was built from and when, or {} if nobody recorded it.

    Each commit's record is build-N.json beside the TOC it describes, _MAIN_N.toc, written
    before the TOC: so the record read here is always the one of the contents a search sees.
    """
    try:
        path = generation / f"build-{latest_toc(generation)}.json"
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, json.JSONDecodeError):
        return {}


def write_build_info(generation: Path, info: dict, toc: int) -> None:
    """Record what commit `toc` is built from, atomically, so a crash never leaves half of it."""
    temporary = generation / f"build-{toc}.json.tmp"
    temporary.write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, generation / f"build-{toc}.json")


def has_index(location: str | os.PathLike) -> bool:
    """Whether `location` holds a complete index (a current generation) that searches can open."""
    try:
        current_generation(Path(location))
    except IndexNotFound:
        return False
    return True
