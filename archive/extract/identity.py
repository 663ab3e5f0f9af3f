"""Who an official is: one person per name *and place*, so two people with one name are two.

Local news names thousands of officials and Vietnamese names repeat (there are many a
Nguyễn Văn Hải).  A name alone cannot tell a police officer in Hà Giang from a district
chairman in Hà Nội, but the roles can: a role names its organ's place ("Chủ tịch UBND huyện
Mê Linh" is in Hà Nội).  The rule, in order:

1. the province a role names: a province ("tỉnh Hà Nam", "Tỉnh ủy Nghệ An"), a district
   whose name belongs to one province ("huyện Mê Linh"), or a commune the article places;
2. "Trung ương" for national posts (Tổng Bí thư, Thủ tướng, Bộ trưởng, Quốc hội,
   Ủy viên Bộ Chính trị ...) when no role names a province;
3. for a local post that names no place ("Chủ tịch UBND xã"), the province of the wards
   the article is about, or the folder's declared province;
4. else no place: the person is known by the name alone.

Across the archive (index/columns.py), two more steps join what one article cannot: a
person an article names with both a national post and a province's ("Ủy viên Bộ Chính trị,
Bí thư Thành ủy TP HCM") links that province's entity with the national one, when only one
province is so linked; and a name no article places joins the one placed person of the name.

An official is then the entity "Name (place)".  What this cannot see: one person who moves
between provinces, or up to a national post, becomes two entities (linked on the official's
page as people with the same name); two people with one name in one province stay one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import gazetteer as gz
from ..article import Official, Ward
from .role_forms import canonical_role

__all__ = ["NATIONAL", "holds_national_post", "official_place", "with_identity"]

NATIONAL = "Trung ương"
_NATIONAL_POSTS = re.compile(
    r"(?<!\w)(?i:tổng bí thư|chủ tịch nước|phó chủ tịch nước|thủ tướng|phó thủ tướng|"
    r"bộ trưởng|thứ trưởng|bộ chính trị|ban bí thư|trung ương|quốc hội|chính phủ|"
    r"tổng thanh tra|tổng kiểm toán|tổng tham mưu|ủy viên trung ương|uỷ viên trung ương|"
    r"tổng cục|cục trưởng|phó cục trưởng|vụ trưởng|phó vụ trưởng)(?!\w)"
    # a ministry by its name ("Bộ Công an", "Bộ Tài nguyên và Môi trường"); a Cục with no
    # province named is a central department (a province's is "Cục Thuế tỉnh X")
    r"|(?<!\w)(?:Bộ|Cục) [A-ZĐÀ-Ỹ]"
)
# "… tỉnh Hà Nam", "… huyện Mê Linh", "… Tỉnh ủy Nghệ An": a unit word and the capitalised
# name after it.
_NAME = r"((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*|\d{1,2}(?!\d))(?: [A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})"
# Lookaheads, so that every unit word is tried ("Thành ủy Thành phố Hồ Chí Minh").
_PROVINCE = re.compile(r"(?<!\w)(?=(?i:tỉnh|thành phố|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ) " + _NAME + ")")
_DISTRICT = re.compile(r"(?<!\w)(?=(?i:huyện|quận|thị xã|thành phố|huyện ủy|huyện uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ) "
                       + _NAME + ")")
_COMMUNE = re.compile(r"(?<!\w)(?=(?i:xã|phường|thị trấn) " + _NAME + ")")
_DELEGATE = re.compile(r"(?i)đại biểu")
_LOCAL_POSTS = re.compile(r"(?i)(?<!\w)(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố)(?!\w)")


def official_place(roles: tuple[str, ...], wards: tuple[Ward, ...] = (),
                   province: str | None = None, canonical: tuple[str, ...] | None = None) -> str | None:
    """The place that tells an official apart: a province, "Trung ương", or None.

    >>> official_place(("Chủ tịch UBND huyện Mê Linh",)), official_place(("Tổng Bí thư",))
    ('Hà Nội', 'Trung ương')
    >>> official_place(("Bí thư Tỉnh ủy Nghệ An", "Ủy viên Trung ương Đảng"))
    'Nghệ An'
    >>> official_place(("Chủ tịch UBND xã",), province="Hà Nam"), official_place(("Giám đốc",))
    ('Hà Nam', None)

    `canonical` holds the roles' canonical forms when the caller has them already.
    """
    canonical = _canonical(roles, canonical)
    # A post names its place before a constituency does ("Bí thư Thành ủy TP.HCM, đại biểu
    # Quốc hội tỉnh Trà Vinh" is Hồ Chí Minh's); each role as written first, its capitals
    # marking the names, then in its canonical form, abbreviations written out.
    for written, role in sorted(zip(roles, canonical), key=lambda pair: _DELEGATE.search(pair[1]) is not None):
        named = _province_in(written, wards) or _province_in(role, wards)
        if named:
            return named
    if any(_NATIONAL_POSTS.search(r) for r in canonical):
        return NATIONAL
    if any(_LOCAL_POSTS.search(r) for r in canonical):
        subjects = {w.province for w in wards if w.subject and w.province}
        if len(subjects) == 1:
            return subjects.pop()
        if province:
            return province
    return None


def holds_national_post(roles: tuple[str, ...], canonical: tuple[str, ...] | None = None) -> bool:
    """Whether any of the roles is a national post, as written or in canonical form."""
    return any(_NATIONAL_POSTS.search(r) for r in (*roles, *_canonical(roles, canonical)))


def _canonical(roles: tuple[str, ...], canonical: tuple[str, ...] | None) -> tuple[str, ...]:
    """The roles' canonical forms: those given (one per role), else computed."""
    return tuple(canonical) if canonical else tuple(canonical_role(r) for r in roles)


def _province_in(role: str, wards: tuple[Ward, ...]) -> str | None:
    """The province a role's place names, when it names one province."""
    for found in _PROVINCE.finditer(role):
        for end in range(len(found.group(1).split(" ")), 0, -1):
            provinces = gz.provinces_named(" ".join(found.group(1).split(" ")[:end]))
            if len(provinces) == 1:
                return provinces[0]
    for found in _DISTRICT.finditer(role):
        for end in range(len(found.group(1).split(" ")), 0, -1):
            districts = {p for _, p in gz.districts_named(" ".join(found.group(1).split(" ")[:end]))}
            if len(districts) == 1:
                return districts.pop()
            if districts:
                break
    for found in _COMMUNE.finditer(role):
        name = found.group(1)
        placed = {w.province for w in wards if w.province and name.startswith(w.name)}
        if len(placed) == 1:
            return placed.pop()
        provinces = {u.province for u in gz.wards_named(name)}
        if len(provinces) == 1:
            return provinces.pop()
    return None


def with_identity(officials: tuple[Official, ...], wards: tuple[Ward, ...] = (),
                  province: str | None = None) -> tuple[Official, ...]:
    """The officials with their canonical roles and the place that tells them apart."""
    found = []
    for official in officials:
        canonical = tuple(canonical_role(r) for r in official.roles)
        found.append(replace(official, canonical=canonical,
                             place=official_place(official.roles, wards, province, canonical)))
    return tuple(found)
