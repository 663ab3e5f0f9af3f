"""Where the gazetteer's units lie: the latitude and longitude of communes and provinces.

The `vietnamadminunits` package records a point for each unit (in its `dataset.db`, read
here read-only, once per process); nothing is fetched.  A ward is looked up as the archive
writes it ("phường Lương Khánh Thiện, Thành phố Phủ Lý, Hà Nam": the ward facet's values),
through the records the gazetteer identified it by, so it is placed at the very unit the
article was found to name.  A name absorbed by another commune lies at that commune.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass

from .gazetteer import THUA_THIEN_HUE, dataset_file, named_units, unit_key

__all__ = ["Point", "ward_point", "province_point", "country_points"]


@dataclass(frozen=True)
class Point:
    """A place on the earth, in degrees north and east."""

    lat: float
    lon: float


def _rows(query: str) -> list[tuple]:
    with sqlite3.connect(f"file:{dataset_file()}?mode=ro", uri=True) as db:
        return db.execute(query).fetchall()


@functools.lru_cache(maxsize=1)
def _points_by_ref() -> dict[str, Point]:
    """The package's point of each commune, by the reference the gazetteer's units carry."""
    legacy = _rows("select provinceKey, districtKey, wardKey, wardLat, wardLon"
                   " from admin_units_legacy where wardLat is not null")
    current = _rows("select provinceKey, wardKey, wardLat, wardLon from admin_units"
                    " where wardLat is not null")
    points = {f"{p}_{d}_{w}": Point(lat, lon) for p, d, w, lat, lon in legacy}
    points.update({f"{p}_{w}": Point(lat, lon) for p, w, lat, lon in current})
    return points


@functools.lru_cache(maxsize=1)
def _ward_table() -> dict[tuple[str, str, str], Point]:
    """(type and name, district, province) keys → point; the first unit of a key wins."""
    by_ref = _points_by_ref()
    table: dict[tuple[str, str, str], Point] = {}
    for name_key, unit in named_units():
        point = by_ref.get(unit.ref)
        if point:
            key = (unit_key(unit.type) + name_key, unit_key(unit.district or ""), unit_key(unit.province))
            table.setdefault(key, point)
    return table


def ward_point(value: str) -> Point | None:
    """The point of a ward written "type name[, district][, province]"; None when the
    gazetteer has no unit of that name there (or the value does not say where it is).

    >>> ward_point("phường Lương Khánh Thiện, Thành phố Phủ Lý, Hà Nam")
    Point(lat=20.5..., lon=105.9...)
    >>> ward_point("phường Phú Xuân, Huế")  # a unit since July 2025: no district
    Point(lat=16.4785, lon=107.577)
    >>> ward_point("phường Lương Khánh Thiện") is None, ward_point("") is None
    (True, True)
    """
    parts = [unit_key(p) for p in value.split(", ")]
    if len(parts) == 3:
        return _ward_table().get((parts[0], parts[1], parts[2]))
    if len(parts) == 2:  # "type name, province" since July 2025; else a district alone
        return _ward_table().get((parts[0], "", parts[1])) or _ward_table().get((parts[0], parts[1], ""))
    return None


@functools.lru_cache(maxsize=1)
def _province_table() -> dict[str, Point]:
    found: dict[str, Point] = {}
    for table in ("admin_units_legacy", "admin_units"):  # the older first: see province_point
        rows = _rows(f"select distinct provinceShort, provinceLat, provinceLon from {table}"
                     " where provinceLat is not null")
        for short, lat, lon in rows:
            # The gazetteer calls the pre-2025 province Thừa Thiên Huế (the package: Huế).
            name = THUA_THIEN_HUE if short == "Huế" and table == "admin_units_legacy" else short
            found.setdefault(unit_key(name), Point(lat, lon))
    return found


def province_point(name: str) -> Point | None:
    """The point of a province by its short name, as the province facet writes it.

    The 34 provinces since July 2025 keep names of the 63 before; a name in both is placed
    where the older, smaller province was, which lies inside the newer one too.

    >>> province_point("Hà Nội").lat > province_point("Hồ Chí Minh").lat
    True
    >>> province_point("Huế") != province_point("Thừa Thiên Huế"), province_point("Atlantis")
    (True, None)
    """
    return _province_table().get(unit_key(name))


@functools.lru_cache(maxsize=1)
def country_points() -> tuple[Point, ...]:
    """The point of every commune before and after July 2025: drawn faintly, they show
    the country's shape, its islands included, without any boundary data."""
    return tuple(_points_by_ref().values())
