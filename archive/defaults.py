"""What `corpus.toml` files declare: where a corpus starts, and the place its folders are about.

    # corpus.toml
    root = true                      # this folder is the corpus root (optional)
    province = "Hà Nam"              # the province and district the folder's articles are
    district = "Thành phố Phủ Lý"    # about, for wards whose names repeat across provinces
    year = 2017                      # or years = "2016-2017": the year of a date written
                                     # without one, when the article tells no other

The corpus root is the outermost folder, at or above the file or folder given, that holds a
corpus.toml; the search upwards stops at one that says `root = true` (as EditorConfig's
does).  Article ids are keyed from the root, so a file has the same id whether it is read
alone, with its folder, or with the whole corpus.  Places are declared from the root down,
nearer folders overriding.

A corpus.toml that cannot be read, or has a key it does not know, is an error naming the
file (its folder's articles are read without it); a province or district that the gazetteer
does not know, or a district outside the declared province, is a warning, and left out.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import gazetteer as gz
from .errors import Problem

DEFAULTS_FILE = "corpus.toml"
KEYS = ("root", "province", "district", "year", "years")
_DISTRICT_TYPE = re.compile(r"^(?:thành phố|thị xã|huyện|quận|tp\.?)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """Where a folder's articles are, as far as the folder says."""

    province: str | None = None
    district: str | None = None
    years: tuple[int, int] | None = None  # the years the folder's articles are from


@dataclass(frozen=True)
class Declaration:
    """One corpus.toml as read: its values, or why it cannot be used."""

    path: Path
    root: bool = False
    province: str | None = None
    district: str | None = None
    years: tuple[int, int] | None = None
    error: str | None = None  # why the file is not used at all
    warnings: tuple[str, ...] = field(default_factory=tuple)


@lru_cache(maxsize=1024)
def declaration(folder: Path) -> Declaration | None:
    """The corpus.toml of a folder, read and checked; None when the folder has none."""
    path = folder / DEFAULTS_FILE
    if not path.is_file():
        return None
    unused = "; its folder's articles are read without it"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return Declaration(path, error=f"not valid TOML ({exc}): fix it or delete it{unused}")
    except OSError as exc:
        return Declaration(path, error=f"cannot be read ({exc.strerror or exc}){unused}")
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        keys = ", ".join(repr(k) for k in unknown)
        return Declaration(path, error=f"unknown key {keys}: a corpus.toml takes only root = true, "
                                       f"province, district, year and years; fix the key{unused}")
    years = _years(data)
    if isinstance(years, str):
        return Declaration(path, error=f"{years}{unused}")
    wrong = [k for k in ("province", "district") if k in data and not isinstance(data[k], str)]
    if wrong or not isinstance(data.get("root", False), bool):
        key = wrong[0] if wrong else "root"
        kind = "true or false" if key == "root" else "text in quotes"
        return Declaration(path, error=f"{key!r} must be {kind}{unused}")
    province, district = (data.get(k, "").strip() or None for k in ("province", "district"))
    warnings = []
    if province and not gz.provinces_named(province):
        warnings.append(f"province {province!r} is not a province of Vietnam before or after "
                        "July 2025 (check its spelling): left out")
        province = None
    if district and not _districts(district):
        warnings.append(f"district {district!r} is not a district of Vietnam before July 2025 "
                        "(check its spelling): left out")
        district = None
    return Declaration(path, bool(data.get("root", False)), province, district, years,
                       warnings=tuple(warnings))


def _years(data: dict) -> tuple[int, int] | None | str:
    """`year = 2017` or `years = "2016-2017"` as (first, last); the reason when unreadable."""
    if "year" in data:
        year = data["year"]
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
            return f"'year' must be a year such as 2017, not {year!r}"
        return year, year
    if "years" in data:
        found = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", str(data["years"]))
        if not found or int(found.group(1)) > int(found.group(2)):
            return f"'years' must be a range such as \"2016-2017\", not {data['years']!r}"
        return int(found.group(1)), int(found.group(2))
    return None


def _districts(district: str) -> tuple[tuple[str, str], ...]:
    """(district, province) pairs a declared district can mean: 'Thành phố Phủ Lý' or 'Phủ Lý'."""
    return gz.districts_named(_DISTRICT_TYPE.sub("", district.strip()))


def corpus_root(path: Path) -> Path:
    """The corpus root of a file or folder: the outermost folder at or above it that holds a
    corpus.toml, or the first that says `root = true`; the folder itself when none does."""
    path = absolute(path)
    start = path if path.is_dir() else path.parent
    root = start
    for folder in (start, *start.parents):
        found = declaration(folder)
        if found is not None:
            root = folder
            if found.root:
                break
    return root


def declaration_files(path: Path, root: Path) -> list[Path]:
    """The corpus.toml files that apply to a file, from the root down."""
    return [found.path for found in _chain(path, root)]


def _chain(path: Path, root: Path) -> list[Declaration]:
    root = absolute(root)
    folder = absolute(path).parent
    folders = [folder, *folder.parents]
    folders = folders[: folders.index(root) + 1] if root in folders else [folder]
    return [found for d in reversed(folders) if (found := declaration(d)) is not None]


def place_for(path: Path, root: Path) -> tuple[Place, list[Problem]]:
    """The place declared for a file (corpus.toml files from the root down, nearer ones win),
    and the problems of those files.

    A folder that declares another province drops the district declared above it, since a
    district belongs to its province.
    """
    root = absolute(root)
    province = district = years = None
    district_from: Declaration | None = None
    problems: list[Problem] = []
    for found in _chain(path, root):  # root first
        problems += _problems(found, root)
        if found.error:
            continue
        if found.province and found.province != province:
            province, district = found.province, None
        if found.district:
            district, district_from = found.district, found
        if found.years:
            years = found.years
    if district and province:
        provinces = set(gz.provinces_named(province))
        if not any(p in provinces for _, p in _districts(district)):
            problems.append(Problem(_shown(district_from.path, root),
                                    f"district {district!r} is not in the province {province!r}: "
                                    "left out", kind="warning"))
            district = None
    return Place(province, district, years), problems


def absolute(path: str | os.PathLike) -> Path:
    """A path made absolute and normal, without following symlinks (a linked file stays
    where the corpus has it)."""
    return Path(os.path.abspath(path))


def _problems(found: Declaration, root: Path) -> list[Problem]:
    source = _shown(found.path, root)
    if found.error:
        return [Problem(source, found.error)]
    return [Problem(source, warning, kind="warning") for warning in found.warnings]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
