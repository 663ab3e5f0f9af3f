"""The official list of communes, districts and provinces, before and after 1 July 2025.

Built once per process from the data files of the `vietnamadminunits` package (MIT): the
10,040 units in force just before the 2025 reform with the names they absorbed in the
2019–2025 merger waves, the 3,321 units since, and the package's old→new mapping.
The package itself is never imported (it pulls in geocoding libraries); only its data is read.

Conventions: a province is named without its type ("Hà Nam", "Hồ Chí Minh"); a district
with it ("Thành phố Phủ Lý", "Quận 3"); a commune's `name` without it ("Lương Khánh Thiện",
"7"), its `type` in lower case ("phường", "xã", "thị trấn", "đặc khu"). `now_of` names
the post-2025 unit in full: "Phường Phủ Lý, Tỉnh Ninh Bình".
Lookups take any spelling: keys are folded (no diacritics, đ→d) with everything but
letters and digits removed, so "Nâm N'Jang", "nam njang" and "NÂM N’JANG" meet.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .normalise import fold, search_key

__all__ = [
    "Unit",
    "CENTRAL_CITIES",
    "unit_key",
    "wards_named",
    "provinces_named",
    "districts_named",
    "now_of",
    "spelling_of",
    "all_province_names",
    "REORGANISED",
    "dataset_file",
    "named_units",
]

# The day the two-tier reorganisation took effect: units before it had districts, after it none.
REORGANISED = dt.date(2025, 7, 1)

# The centrally-run cities: their party committee is a Thành ủy, never a Tỉnh ủy.  Huế joined
# them on 1 January 2025; before that it was Thừa Thiên Huế province with a Tỉnh ủy.
CENTRAL_CITIES = frozenset({"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"})
CENTRAL_CITIES_2025 = CENTRAL_CITIES | {"Huế"}

# The package files the units in force just before July 2025 under "Thành phố Huế", with the
# quận Thuận Hóa and Phú Xuân that existed only from January to June 2025.  For the decades
# of news before that, the same wards lay in thành phố Huế, tỉnh Thừa Thiên Huế, which is how
# the archive shows them; the units since July 2025 stay in (Thành phố) Huế.
THUA_THIEN_HUE = "Thừa Thiên Huế"
_HUE_CITY = "Thành phố Huế"
_HUE_CITY_DISTRICTS = {"Quận Thuận Hóa", "Quận Phú Xuân"}

# Other ways news writes a province, by folded key; the short official names come from the data.
_PROVINCE_ALIASES = {
    "thuathienhue": THUA_THIEN_HUE,
    "tphcm": "Hồ Chí Minh",
    "hcm": "Hồ Chí Minh",
    "hcmc": "Hồ Chí Minh",
    "thanhphohochiminh": "Hồ Chí Minh",
    "hn": "Hà Nội",
    "brvt": "Bà Rịa - Vũng Tàu",
    "daklak": "Đắk Lắk",
    "daknong": "Đắk Nông",
    "tthue": THUA_THIEN_HUE,
}

_TYPE_PREFIXES = (("thitran", "thị trấn"), ("phuong", "phường"), ("xa", "xã"))
_DISTRICT_PREFIXES = ("thanhpho", "thixa", "huyen", "quan")
_NOT_KEY = re.compile(r"[^a-z0-9]")
_TYPE_SUFFIX = re.compile(r"\s*\([^)]*\)$")  # "Yên Viên (Thị trấn)", "Duyên Hải (Huyện)"
_NUMBERED = re.compile(r"^(?:Phường\s+)?(\d+)\b")


@dataclass(frozen=True)
class Unit:
    """A commune name as the official lists know it, with where it lies and when it held."""

    type: str  # "phường", "xã", "thị trấn", "đặc khu"
    name: str | None  # official spelling; None for an absorbed name known only by its key
    district: str | None  # "Thành phố Phủ Lý"; None for units since 1 July 2025
    province: str  # "Hà Nam"
    current: bool  # True for the units in force since 1 July 2025
    official: str  # the unit this name stands for, in full: "Phường Châu Cầu"
    ref: str = field(default="", repr=False)  # the package's key, used to follow the mapping


@functools.lru_cache(maxsize=1 << 16)
def unit_key(name: str) -> str:
    """The lookup key of a name: folded, lower case, letters and digits only.

    >>> unit_key("Nâm N'Jang"), unit_key("07"), unit_key("Văn Miếu - Quốc Tử Giám")
    ('namnjang', '7', 'vanmieuquoctugiam')
    """
    key = _NOT_KEY.sub("", fold(name).lower())
    return str(int(key)) if key.isdigit() else key


def _data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits is not installed; it carries the unit lists")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _short_key(keyword: str, names: set[str]) -> tuple[str, str] | None:
    """(type, key) of a typed package keyword such as "phuongluongkhanhthien", if it is one."""
    for prefix, kind in _TYPE_PREFIXES:
        if keyword.startswith(prefix):
            rest = keyword[len(prefix) :]
            if rest in names or rest.isdigit():
                return kind, str(int(rest)) if rest.isdigit() else rest
    return None


def _short_name(ward_short: str) -> str:
    """The commune name without the package's disambiguating additions ("Yên Viên (Thị trấn)")."""
    numbered = _NUMBERED.match(ward_short)
    if numbered:
        return numbered.group(1)
    return _TYPE_SUFFIX.sub("", ward_short)


class _Gazetteer:
    """The lookup tables; built once by `_load`."""

    def __init__(self) -> None:
        self.wards: dict[str, list[Unit]] = {}
        self.provinces: dict[str, set[str]] = {}
        self.districts: dict[str, set[tuple[str, str]]] = {}
        self.now: dict[str, str] = {}
        self.spellings: dict[str, set[str]] = {}
        self.province_names: set[str] = set()

    def add_ward(self, key: str, unit: Unit) -> None:
        units = self.wards.setdefault(key, [])
        if unit not in units:
            units.append(unit)

    def add_province(self, name: str, short: str) -> None:
        self.province_names.add(short)
        self.provinces.setdefault(unit_key(name), set()).add(short)


def _legacy(gaz: _Gazetteer, db: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Add the pre-2025 units and the names they absorbed; return ref → (province, ward) keys."""
    refs = {}
    rows = db.execute(
        "select provinceShort, district, districtShort, districtType, ward, wardShort, wardType,"
        " provinceKey, districtKey, wardKey, wardKeywords, wardAlias, districtAlias"
        " from admin_units_legacy"
    )
    for (prov, dist, dist_short, dist_type, ward, ward_short, ward_type,
         pkey, dkey, wkey, keywords, aliases, dist_aliases) in rows:
        dist_name = _TYPE_SUFFIX.sub("", dist_short)
        dist_name = dist_name[len(dist_type) :].strip() if dist_name.startswith(dist_type) else dist_name
        dist = f"{dist_type} {dist_name}"  # the data writes "Thành Phố Bắc Kạn" beside "Thành phố Phủ Lý"
        if prov == "Huế":
            prov = THUA_THIEN_HUE
            if dist in _HUE_CITY_DISTRICTS:
                dist = _HUE_CITY
                gaz.districts.setdefault("hue", set()).add((dist, prov))
        gaz.add_province(prov, prov)
        gaz.districts.setdefault(unit_key(dist_name), set()).add((dist, prov))
        for alias in json.loads(dist_aliases or "[]"):
            for prefix in _DISTRICT_PREFIXES:
                if alias.startswith(prefix):
                    gaz.districts.setdefault(alias[len(prefix) :], set()).add((dist, prov))
        if not ward:
            continue  # island districts without communes
        ref = f"{pkey}_{dkey}_{wkey}"
        refs[ref] = (pkey, wkey)
        kind = ward_type.lower()
        name = _short_name(ward_short)
        own = unit_key(name)
        gaz.add_ward(own, Unit(kind, name, dist, prov, False, ward, ref))
        gaz.spellings.setdefault(own, set()).add(name)
        words = set(json.loads(keywords or "[]")) | set(json.loads(aliases or "[]"))
        bare = {w for w in words if not any(w.startswith(p) for p, _ in _TYPE_PREFIXES)} | {own}
        for word in words:
            typed = _short_key(word, bare)
            if typed is None:
                continue
            alias_kind, key = typed
            if key == own and alias_kind == kind:
                continue
            # An absorbed or retyped name: no official spelling of its own is recorded.
            gaz.add_ward(key, Unit(alias_kind, name if key == own else None, dist, prov, False, ward, ref))
    return refs


def _current(gaz: _Gazetteer, db: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """Add the units since 1 July 2025; return (province, ward) keys → "Phường X, Tỉnh Y"."""
    full = {}
    rows = db.execute(
        "select province, provinceShort, ward, wardShort, wardType, provinceKey, wardKey from admin_units"
    )
    for prov_full, prov, ward, ward_short, ward_type, pkey, wkey in rows:
        gaz.add_province(prov, prov)
        name = _short_name(ward_short)
        label = f"{ward}, {prov_full}"
        full[(pkey, wkey)] = label
        gaz.add_ward(unit_key(name), Unit(ward_type.lower(), name, None, prov, True, ward, f"{pkey}_{wkey}"))
        gaz.spellings.setdefault(unit_key(name), set()).add(name)
        gaz.now[f"{pkey}_{wkey}"] = label
    return full


def _mapping(gaz: _Gazetteer, refs: dict, labels: dict, converter: dict) -> None:
    """Follow the package's old→new mapping: undivided units first, then divided ones' default."""
    for new_prov, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            for old in olds:
                if (new_prov, new_ward) in labels:
                    gaz.now.setdefault(old, labels[(new_prov, new_ward)])
    for new_prov, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, choices in olds.items():
            default = next((c["newWardKey"] for c in choices if c["isDefaultNewWard"]), None)
            if default and (new_prov, default) in labels:
                gaz.now.setdefault(old, labels[(new_prov, default)])


@functools.lru_cache(maxsize=1)
def _load() -> _Gazetteer:
    """Build the tables from the package's data; once per process."""
    data = _data_dir()
    gaz = _Gazetteer()
    with sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True) as db:
        refs = _legacy(gaz, db)
        labels = _current(gaz, db)
    converter = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    _mapping(gaz, refs, labels, converter)
    for key, short in _PROVINCE_ALIASES.items():
        gaz.provinces.setdefault(key, set()).add(short)
    # "Huế" alone names the city that was in Thừa Thiên Huế before it became a province.
    gaz.provinces.setdefault("hue", set()).add(THUA_THIEN_HUE)
    return gaz


def wards_named(name: str) -> tuple[Unit, ...]:
    """Every commune, before or after 2025, that has had this name (type not included).

    >>> sorted(u.province for u in wards_named("Lương Khánh Thiện"))
    ['Hà Nam', 'Hải Phòng']
    """
    return tuple(_load().wards.get(unit_key(name), ()))


def provinces_named(name: str) -> tuple[str, ...]:
    """The provinces (short official names, old and new) a name can mean.

    >>> provinces_named("tỉnh Hà Nam"), provinces_named("TP.HCM"), provinces_named("Thừa Thiên - Huế")
    (('Hà Nam',), ('Hồ Chí Minh',), ('Thừa Thiên Huế',))
    """
    key = unit_key(name)
    for prefix in ("tinh", "thanhpho", "tp"):
        if key.startswith(prefix) and key not in _load().provinces and key[len(prefix) :] in _load().provinces:
            key = key[len(prefix) :]
    return tuple(sorted(_load().provinces.get(key, ())))


def districts_named(name: str) -> tuple[tuple[str, str], ...]:
    """The pre-2025 districts a name (type not included) can mean, as (district, province).

    >>> districts_named("Phủ Lý")
    (('Thành phố Phủ Lý', 'Hà Nam'),)
    """
    return tuple(sorted(_load().districts.get(unit_key(name), ())))


def now_of(unit: Unit) -> str | None:
    """The commune a unit belongs to since 1 July 2025, by the package's mapping.

    >>> now_of(next(u for u in wards_named("Lương Khánh Thiện") if u.province == "Hà Nam"))
    'Phường Phủ Lý, Tỉnh Ninh Bình'
    """
    return _load().now.get(unit.ref)


def spelling_of(name: str) -> str | None:
    """The official spelling of a name when the lists agree on one, for text typed without marks.

    >>> spelling_of("luong khanh thien") is None, spelling_of("Chau Cau")
    (True, 'Châu Cầu')
    """
    spellings = {search_key(s): s for s in _load().spellings.get(unit_key(name), ())}
    return next(iter(spellings.values())) if len(spellings) == 1 else None


def all_province_names() -> frozenset[str]:
    """The short official names of every province, the 63 before 2025 and the 34 since.

    The 34 keep names of the 63, but Huế (since 2025) and Thừa Thiên Huế (before) are two.

    >>> len(all_province_names()), "Hà Nam" in all_province_names()
    (64, True)
    """
    return frozenset(_load().province_names)


def merged_into(now: str) -> tuple[Unit, ...]:
    """The units before July 2025 that became the unit `now` ("Phường Phủ Lý, Tỉnh Ninh
    Bình"), by the package's mapping, sorted by name.

    >>> [u.name for u in merged_into("Phường Phủ Lý, Tỉnh Ninh Bình")]
    ['Châu Cầu', 'Liêm Chính', 'Thanh Châu']
    """
    return _merged().get(now, ())


@functools.lru_cache(maxsize=1)
def _merged() -> dict[str, tuple[Unit, ...]]:
    gaz = _load()
    found: dict[str, dict[str, Unit]] = {}
    for units in gaz.wards.values():
        for unit in units:
            label = gaz.now.get(unit.ref)
            if not unit.current and unit.name and label:
                found.setdefault(label, {})[unit.ref] = unit
    return {label: tuple(sorted(units.values(), key=lambda u: (u.name, u.district or "")))
            for label, units in found.items()}


def dataset_file() -> Path:
    """The package's SQLite file of units, for modules that read more of it (places.py)."""
    return _data_dir() / "dataset.db"


def named_units() -> tuple[tuple[str, Unit], ...]:
    """Every name key with each commune record it names: the units before and since July
    2025, and the names they absorbed (an absorbed name stands for the unit that took it in).

    >>> sorted(u.official for key, u in named_units() if key == "luongkhanhthien")
    ['Phường Châu Cầu', 'Phường Cầu Đất']
    """
    return tuple((key, unit) for key, units in _load().wards.items() for unit in units)
