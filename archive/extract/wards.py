"""The phường, xã and thị trấn an article is about, checked against the official lists.

One precompiled pattern finds the type words ("phường", "xã", "thị trấn", "P."); the one to
six syllables after each are looked up in the gazetteer, longest first.  A name counts only
when it is an official name (before or after July 2025) and is written as a name: capitalised,
a number, or all capitals after an all-capitals type word.  Each name is then placed with
what the text says (a district or province right after it, districts and provinces named
in the article, "tỉnh ủy" ruling out the centrally-run cities), then the folder's defaults;
a name that still fits several places keeps its type and name and loses the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from .. import gazetteer as gz
from ..article import Ward
import unicodedata

from ..normalise import canonical_tones, has_diacritics, search_key

__all__ = ["find_wards", "GUARDS"]

# The rules that keep false places out, each named for the measurement that counts what it
# removes (bench/annotations.py): a rule switched off lets its cases through.
#   byline:       "P.V", "P.T.H" are a reporter's initials, not phường V
#   organisation: "thị xã", "hợp tác xã", "Thông tấn xã" are a town, a cooperative, an agency
#   social:       "xã hội" (society), "XÃ HỘI", is no xã Hội ...
# Streets, villages, industrial parks and facilities ("đường Trần Hưng Đạo", "thôn Đông",
# "khu công nghiệp Quế Võ", "Trung tâm Hội nghị tỉnh") need no rule: a ward is read only
# after phường, xã, thị trấn, P. or TT., and checked against the official lists.
GUARDS = frozenset({"byline", "organisation", "social"})

# A flat alternation of literals: Python's engine scans for it ten times faster than for a
# case-insensitive pattern with a look-behind (35,000 articles to read); boundaries are
# checked after.  Text comes through clean_text, so spaces are single.
_ANCHOR = re.compile(
    r"thị trấn|Thị trấn|Thị Trấn|THỊ TRẤN|phường|Phường|PHƯỜNG|xã|Xã|XÃ|P\.|TT\."
    r"|phuong |Phuong |PHUONG |xa |Xa |XA |thi tran |Thi tran |THI TRAN "
)
_ABBREVIATIONS = {"P.": "phường", "TT.": "thị trấn"}
_AFTER_ANCHOR = re.compile(r"[ \t]*(?::[ \t]*)?")
# A syllable: letters or digits, with the apostrophes of Central Highlands names (N'Jang);
# a hyphen between syllables belongs to some post-2025 names ("Văn Miếu - Quốc Tử Giám").
_SYLLABLE = re.compile(r"(?:[ \t]*[-–][ \t]*|[ \t]+|)([^\W_]+(?:['’][^\W_]+)*)")
_MAX_SYLLABLES = 6
_PLURAL = re.compile(
    r"(?:các|những|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|gồm|tại)[ \t]+$", re.IGNORECASE
)
_LIST_SEPARATOR = re.compile(r"[ \t]*(?:,|và|&)[ \t]*")
# "thị xã", "hợp tác xã", "Thông tấn xã": a town, a cooperative, a news agency; not communes.
_NOT_COMMUNE = re.compile(r"(?:thị|tác|tấn|HTX)[ \t]+$", re.IGNORECASE)

_PLACE = re.compile(
    r"(?<![\w.])(tỉnh|thành[ \t]+phố|tp\.?|huyện|quận|thị[ \t]+xã|tx\.|q\."
    r"|tinh|thanh[ \t]+pho|huyen|quan|thi[ \t]+xa)[ \t]*",
    re.IGNORECASE,
)
_PROVINCE_WORDS = {"tỉnh", "thànhphố", "tp", "tp.", "tinh", "thanhpho"}
_DISTRICT_WORDS = {"huyện", "quận", "thịxã", "thànhphố", "tp", "tp.", "tx.", "q.", "huyen", "quan", "thixa", "thanhpho"}
_LOCAL_GAP = re.compile(r"[ \t]*[,(–-]?[ \t]*")

# "phường X cũ" is the unit before a reorganisation; "phường X (mới)" the one after.  A bare
# "mới" is left alone: "xã X mới đạt chuẩn" says "has just".
_ERA = re.compile(r"[ \t]*(?:[ \t](cũ|trước đây)(?!\w)|\((mới)\))")

_PROVINCIAL = re.compile(
    r"t[iỉ]nh[ \t]+(?:uỷ|ủy|uy)|(?:ubnd|hđnd|(?:uỷ|ủy)[ \t]+ban[ \t]+nhân[ \t]+dân|hội[ \t]+đồng[ \t]+nhân[ \t]+dân)"
    r"[ \t]+tỉnh"
)
_CITY = re.compile(r"th[aà]nh[ \t]+(?:uỷ|ủy|uy)")
_URBAN_DISTRICT = re.compile(r"(?<!\w)qu[aậ]n(?!\w)")


@dataclass
class _Mention:
    """One place in the text where a commune name stands, with what follows it."""

    kind: str
    key: str
    written: str
    start: int
    units: tuple[gz.Unit, ...]
    places: list[tuple[str, str | None]] = field(default_factory=list)  # (province, district)
    era: str | None = None  # "old" for "phường X cũ", "new" for "phường X (mới)"
    listed: bool = False  # one of a list ("các xã A, B và C"): named beside others


def _syllables(text: str, pos: int) -> list[re.Match]:
    found = []
    while len(found) < _MAX_SYLLABLES:
        match = _SYLLABLE.match(text, pos)
        if not match or "\n" in match.group(0):
            break
        found.append(match)
        pos = match.end()
    return found


def _capitalised(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def _name_at(text: str, pos: int, kind: str, upper: bool, bare: bool) -> tuple[str, str, int, tuple] | None:
    """The longest official name of this type starting at pos: (key, written, end, units).

    After a type word written without diacritics ("phuong"), only a name without them counts.
    """
    sylls = _syllables(text, pos)
    if not sylls or not _capitalised(sylls[0].group(1)):
        return None
    for n in range(len(sylls), 0, -1):
        words = [m.group(1) for m in sylls[:n]]
        written = text[sylls[0].start(1) : sylls[n - 1].end()]
        key = gz.unit_key(written)
        units = tuple(u for u in gz.wards_named(key) if u.type == kind)
        if not units or not key:
            continue
        if upper and not all(w.isupper() or w.isdigit() for w in words):
            continue
        if not all(_capitalised(w) for w in words) and not _official(written, units):
            continue
        if bare and has_diacritics(written):
            continue
        if has_diacritics(written):
            units = tuple(u for u in units if u.name is None or search_key(u.name) == search_key(written))
            if not units:
                continue
        if n == 1 and words[0].isalpha() and len(sylls) > 1 and _capitalised(sylls[1].group(1)) \
                and sylls[1].group(0)[:1] in " \t":
            return None  # "xã Phan Văn Tám": a one-syllable name running into a person's name
        return key, written, sylls[n - 1].end(), units
    return None


def _official(written: str, units: tuple) -> bool:
    return any(u.name and search_key(u.name) == search_key(written) for u in units)


def _places_after(text: str, pos: int) -> list[tuple[str, str | None]]:
    """The districts and provinces chained right after a name: ", huyện B, tỉnh C"."""
    found = []
    for _ in range(3):
        gap = _LOCAL_GAP.match(text, pos)
        match = _PLACE.match(text, gap.end())
        if not match:
            break
        place = _place_at(text, match)
        if place is None:
            break
        found.extend(place[0])
        pos = place[1]
    return found


def _place_at(text: str, match: re.Match) -> tuple[list[tuple[str, str | None]], int] | None:
    """What a "huyện X"/"tỉnh Y" mention can mean: [(province, district or None)], end."""
    word = re.sub(r"[ \t]+", "", match.group(1).lower())
    sylls = _syllables(text, match.end())
    for n in range(min(len(sylls), 5), 0, -1):
        words = [m.group(1) for m in sylls[:n]]
        if not all(_capitalised(w) for w in words):
            continue
        written = text[sylls[0].start(1) : sylls[n - 1].end()]
        meanings: list[tuple[str, str | None]] = []
        if word in _PROVINCE_WORDS:
            meanings += [(p, None) for p in gz.provinces_named(written)]
        if word in _DISTRICT_WORDS:
            meanings += [(p, d) for d, p in gz.districts_named(written)]
        if meanings:
            return meanings, sylls[n - 1].end()
    return None


def _mentions(text: str, guards: frozenset = GUARDS) -> list[_Mention]:
    """Every commune name the text writes after a type word, lists included."""
    found = []
    for anchor in _ANCHOR.finditer(text):
        word = anchor.group(0).rstrip()
        before = text[anchor.start() - 1] if anchor.start() else " "
        after = text[anchor.start() + len(word) : anchor.start() + len(word) + 1]
        if before.isalnum() or before in "_." or (after.isalnum() and word not in _ABBREVIATIONS):
            continue  # part of a longer word, or the P. of "TP."
        bare = not has_diacritics(word) and word not in _ABBREVIATIONS
        folded = gz.unit_key(word)
        if ("organisation" in guards and folded == "xa"
                and _NOT_COMMUNE.search(text, max(0, anchor.start() - 5), anchor.start())):
            continue
        kind = _ABBREVIATIONS.get(word) or {"phuong": "phường", "xa": "xã"}.get(folded, "thị trấn")
        upper = word.isupper() and len(word) > 2
        start = pos = _AFTER_ANCHOR.match(text, anchor.start() + len(word)).end()
        plural = _PLURAL.search(text, max(0, anchor.start() - 8), anchor.start())
        while True:
            named = _name_at(text, pos, kind, upper, bare)
            if named is None:
                break
            key, written, end, units = named
            if pos != start and key.isdigit() != found[-1].key.isdigit():
                break  # "3 xã A, B và C; 5 lãnh đạo ...": a count, not phường 5
            if "byline" in guards and word == "P." and _initials(text, anchor.end(), written, end):
                break  # "P.V" (phóng viên), "bà P.T.H": a byline or initials, not phường V
            if ("social" in guards and folded == "xa" and key.startswith("hoi")
                    and (upper or written.isupper() or word[0] == "X")):
                break  # "XÃ HỘI", "Xã Hội An Giang": the word xã hội, not a commune
            if pos != start:
                found[-1].listed = True
            found.append(_Mention(kind, key, written, pos, units, listed=pos != start))
            pos = end
            if not plural:
                break
            sep = _LIST_SEPARATOR.match(text, pos)
            if not sep or sep.end() == pos:
                break
            pos = sep.end()
        if found and found[-1].start >= start:
            found[-1].places = _places_after(text, pos)
            era = _ERA.match(text, pos)
            for mention in found if era else ():
                if mention.start >= start:  # "các phường A, B và C cũ": the whole list
                    mention.era = "old" if era.group(1) else "new"
    return found


def _initials(text: str, after_anchor: int, written: str, end: int) -> bool:
    """Whether "P." and what follows are a person's initials or a byline (P.V, P.T.H), not a
    ward: letters right after the dot, one or two, then another initial or no place after.

    >>> _initials("Theo P.V (90mins)", 7, "V", 8), _initials("P.V, TP Vị Thanh", 2, "V", 3)
    (True, False)
    """
    if text[after_anchor : after_anchor + 1] in (" ", "\t") or not written.isalpha() or len(written) > 2:
        return False
    if re.match(r"\.[^\W\d_]", text[end : end + 2]):
        return True  # P.T.H: initials
    return not _places_after(text, end)


@dataclass
class _Evidence:
    """What the whole article says about where it is."""

    provinces: set[str]
    districts: set[tuple[str, str]]
    provincial: bool  # a Tỉnh ủy / UBND tỉnh: not a centrally-run city
    urban: bool  # a Thành ủy and quận: likely a centrally-run city


def _evidence(text: str) -> _Evidence:
    provinces, districts = set(), set()
    for match in _PLACE.finditer(text):
        place = _place_at(text, match)
        for province, district in place[0] if place else ():
            if district:
                districts.add((district, province))
            else:
                provinces.add(province)
    for match in _province_pattern().finditer(text):
        provinces.update(gz.provinces_named(match.group(0)))
    lowered = text.lower()
    return _Evidence(
        provinces,
        districts,
        bool(_PROVINCIAL.search(lowered)),
        bool(_CITY.search(lowered) and _URBAN_DISTRICT.search(lowered)),
    )


_PROVINCE_PATTERN: list[re.Pattern] = []


def _province_pattern() -> re.Pattern:
    """Province names as written in running text, in canonical tone placement, longest first."""
    if not _PROVINCE_PATTERN:
        names = {"Thừa Thiên Huế", "Thừa Thiên - Huế", "TP.HCM", "TPHCM", "TP HCM"}
        for name in gz.all_province_names():
            names |= {name, canonical_tones(name), _older_tones(name)}
        alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        _PROVINCE_PATTERN.append(re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"))
    return _PROVINCE_PATTERN[0]


_OPEN_PAIRS = re.compile(r"(?<![gq])([oO][aAeE]|[uU][yY])$")


def _older_tones(name: str) -> str:
    """The other accepted placement, tone on the first of an open oa/oe/uy: "Hoà" → "Hòa".

    >>> _older_tones("Khánh Hoà"), _older_tones("Thanh Hóa")
    ('Khánh Hòa', 'Thanh Hóa')
    """
    words = []
    for word in name.split(" "):
        nfd = unicodedata.normalize("NFD", word)
        tones = [c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323"]
        bare = "".join(c for c in nfd if c not in tones)
        pair = _OPEN_PAIRS.search(unicodedata.normalize("NFC", bare)) if len(tones) == 1 else None
        if pair:
            base = unicodedata.normalize("NFC", bare)
            at = pair.start()
            word = unicodedata.normalize("NFC", base[: at + 1] + tones[0] + base[at + 1 :])
        words.append(word)
    return " ".join(words)


def _narrow(units: list[gz.Unit], keep) -> list[gz.Unit]:
    """The units that pass, or all of them when none does: evidence narrows, never empties."""
    kept = [u for u in units if keep(u)]
    return kept or units


def _in(places: set[str], unit: gz.Unit) -> bool:
    return unit.province in places


def _resolve(units: list[gz.Unit], local: list, ev: _Evidence, province, district, now_first: bool) -> list[gz.Unit]:
    """The candidates left once the text's and the folder's evidence is applied in order.

    A pre-2025 unit and the post-2025 unit it became are one place, not two: the old one,
    unless the text is written after the reorganisation (it marks some unit "cũ" or "(mới)");
    then the new one, chosen before the districts the text names can rule it out.
    """
    if now_first:
        currents = {gz.now_of(u) for u in units if u.current}
        units = [u for u in units if u.current or gz.now_of(u) not in currents]
    if local:
        local_districts = {d for _, d in local if d}
        local_provinces = {p for p, _ in local}
        units = _narrow(units, lambda u: u.district in local_districts or (not local_districts and _in(local_provinces, u)))
        units = _narrow(units, lambda u: _in(local_provinces, u))
    if ev.provincial:
        # A Thừa Thiên Huế article before 2025 still had a Tỉnh ủy: Huế is ruled out only
        # among the post-2025 units.
        units = _narrow(units, lambda u: u.province not in (gz.CENTRAL_CITIES_2025 if u.current else gz.CENTRAL_CITIES))
    before = len(units)
    units = _narrow(units, lambda u: (u.district, u.province) in ev.districts)
    units = _narrow(units, lambda u: _in(ev.provinces, u))
    told = len(units) < before or any(_in(ev.provinces, u) for u in units)
    if not told:
        if province:
            units = _narrow(units, lambda u: _in(province, u))
        if district:
            units = _narrow(units, lambda u: u.district in district)
    if ev.urban and not ev.provincial:
        units = _narrow(units, lambda u: u.province in gz.CENTRAL_CITIES)
    laters = {gz.now_of(u) for u in units if not u.current}
    return [u for u in units if not (u.current and gz.now_of(u) in laters)]


def _display(written: str, units: tuple) -> str:
    """The name as the article wrote it, with the capitals of the official spelling."""
    if written.isupper() or not has_diacritics(written):
        official = next((u.name for u in units if u.name and gz.unit_key(u.name) == gz.unit_key(written)), None)
        official = official or gz.spelling_of(written)
        if official:
            return official
        written = written.lower()
    for unit in units:
        if unit.name and len(unit.name) == len(written) and search_key(unit.name) == search_key(written):
            return "".join(c.upper() if o.isupper() else c.lower() for c, o in zip(written, unit.name))
    return " ".join(w[:1].upper() + w[1:] for w in written.split(" "))


def _defaults(province: str | None, district: str | None) -> tuple[set[str], set[str]]:
    provinces = set(gz.provinces_named(province)) if province else set()
    districts = set()
    if district:
        bare = re.sub(r"^(?:thành phố|thị xã|huyện|quận|tp\.?)\s*", "", district.strip(), flags=re.IGNORECASE)
        districts = {d for d, p in gz.districts_named(bare) if not provinces or p in provinces}
    return provinces, districts


def find_wards(
    text: str,
    province: str | None = None,
    district: str | None = None,
    *,
    on: dt.date | None = None,
    title_end: int = 0,
    lead_end: int | None = None,
    guards: frozenset = GUARDS,
) -> tuple[Ward, ...]:
    """The communes the text names, placed where it allows, most-mentioned first, each with
    its role: the subject of the article, or mentioned in passing.

    `on` is the article's date when known: a name that was a unit both before and after the
    July 2025 reorganisation is the unit in force that day, unless the text marks it "cũ" or
    "(mới)".  The text's title ends at `title_end` and its lead (the first paragraph) at
    `lead_end` (by default the first paragraph after the title, 500 characters at most); a
    ward is a subject when it is named in the title, in the lead (not only as
    one of a list), or more often than the others.

    >>> [(w.name, w.district, w.province, w.now, w.role) for w in find_wards(
    ...     "Đại hội Đảng bộ phường Lương Khánh Thiện; đ/c Bí thư Tỉnh ủy dự.")]
    [('Lương Khánh Thiện', 'Thành phố Phủ Lý', 'Hà Nam', 'Phường Phủ Lý, Tỉnh Ninh Bình', 'subject')]
    """
    mentions = _mentions(text, guards)
    if not mentions:
        return ()
    if lead_end is None:
        first = text[title_end:].lstrip("\n").split("\n\n", 1)[0]
        lead_end = title_end + (len(text[title_end:]) - len(text[title_end:].lstrip("\n"))) + min(len(first), 500)
    groups: dict[tuple[str, str], list[_Mention]] = {}
    for mention in mentions:
        # "Sĩ Bình" and "Sỹ Bình" are one name: i and y are interchangeable in spelling.
        key = (mention.kind, mention.key.replace("y", "i"), mention.era == "old")
        groups.setdefault(key, []).append(mention)
    dated = None if on is None else ("new" if on >= gz.REORGANISED else "old")
    after_reform = any(m.era for m in mentions) or dated == "new"
    ev = None
    defaults = _defaults(province, district)
    wards: list[tuple[int, int, Ward]] = []
    for (kind, _, old), group in groups.items():
        units = list(dict.fromkeys(u for m in group for u in m.units))
        if old:
            units = _narrow(units, lambda u: not u.current)
        elif any(m.era == "new" for m in group):
            units = _narrow(units, lambda u: u.current)
        local = [p for m in group for p in m.places]
        if len({(u.province, u.district) for u in units}) > 1 or province or district:
            ev = ev or _evidence(text)
            units = _resolve(units, local, ev, *defaults, now_first=after_reform)
        if dated and not any(m.era for m in group):
            # What the text says about the place comes first; the date then picks the unit
            # in force that day among those left.
            units = _narrow(units, lambda u: u.current == (dated == "new"))
        best = max(group, key=lambda m: (has_diacritics(m.written) and not m.written.isupper(), -m.start))
        wards.append((group, _ward(kind, _display(best.written, best.units), units)))
    return _with_roles(wards, title_end, lead_end)


def _with_roles(found: list[tuple[list[_Mention], Ward]], title_end: int, lead_end: int) -> tuple[Ward, ...]:
    """The wards, most-mentioned first, one per place, each with its role and evidence."""
    merged: dict[Ward, list[_Mention]] = {}
    for group, ward in found:
        merged.setdefault(ward, []).extend(group)
    # Named most: alone (not in a list) at least twice, and as often as any other ward.
    alone_counts = {w: sum(not m.listed for m in g) for w, g in merged.items()}
    most = max(alone_counts.values())
    leaders = sum(n == most for n in alone_counts.values())
    # A ward in the title says what the article is about: then the lead's others are not.
    titled = any(m.start < title_end for g in merged.values() for m in g)
    out = []
    for ward, group in merged.items():
        in_title = any(m.start < title_end for m in group)
        in_lead = any(title_end <= m.start < lead_end for m in group)
        alone = [m for m in group if not m.listed]
        named_most = len(alone) >= 2 and len(alone) == most and leaders <= 2
        leads = not titled and any(title_end <= m.start < lead_end for m in alone)
        subject = in_title or leads or named_most
        out.append((-len(group), min(m.start for m in group), replace(
            ward, role="subject" if subject else "mentioned", mentions=len(group),
            in_title=in_title, in_lead=in_lead)))
    return tuple(ward for _, _, ward in sorted(out, key=lambda w: (w[0], w[1])))


def _ward(kind: str, name: str, units: list[gz.Unit]) -> Ward:
    """A Ward placed as far as the remaining candidates agree."""
    provinces = {u.province for u in units}
    districts = {u.district for u in units}
    nows = {gz.now_of(u) for u in units}
    province = provinces.pop() if len(provinces) == 1 else None
    return Ward(
        type=kind,
        name=name,
        district=districts.pop() if province and len(districts) == 1 else None,
        province=province,
        now=nows.pop() if province and len(nows) == 1 else None,
    )
