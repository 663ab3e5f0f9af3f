"""Dates typed in a query (`date:2020`, `date:2015..2021`, `date:--06-18`) as full-text tokens.

compile.py makes such a date a NumericRange over the day number (yyyymmdd; yyyymm00 known
to the month, yyyy0000 to the year) inside the boolean tree, where searchd allows no
attribute condition.  So each article's day is also written as three tokens, of its year,
its month and its day number, and a range as the fewest tokens whose values it wholly
holds, read as columns.within reads them (a month known alone is inside a range only if all
its days are): whole years, whole months at its edges, single days at the edges of those.
"""

from __future__ import annotations

DATES_FIELD = "dates"


def date_keys(day: int, md: int) -> list[str]:
    """The keys of an article's date: year, month and day number, and its month and day.

    >>> date_keys(20200504, 504), date_keys(20200000, 0), date_keys(0, 618)
    (['y2020', 'm202005', 'd20200504', 'md504'], ['y2020', 'm202000', 'd20200000'], ['md618'])
    """
    keys = [f"y{day // 10000}", f"m{day // 100}", f"d{day}"] if day else []
    return keys + ([f"md{md}"] if md else [])


def cover(start: int, end: int, years: tuple[int, int]) -> list[str]:
    """The keys of every date wholly inside `start` to `end` (yyyymmdd, both included) as
    columns.within reads a date: a day inside; a month known alone if all its days are; a
    year known alone if all of it is.  For the years the archive holds (`years`).

    >>> cover(20200101, 20201231, (2015, 2025))
    ['y2020']
    >>> cover(20200601, 20200731, (2015, 2025)), cover(20200615, 20200617, (2015, 2025))
    (['m202006', 'm202007'], ['d20200615', 'd20200616', 'd20200617'])
    >>> [k for k in cover(20191215, 20210131, (2015, 2025)) if not k.startswith("d")]
    ['y2020', 'm202101']
    """
    first, last = max(start // 10000, years[0]), min(end // 10000, years[1])
    keys = []
    for year in range(first, last + 1):
        base = year * 10000
        if start <= base + 101 and base + 1231 <= end:  # the year known alone is inside
            keys.append(f"y{year}")
            continue
        for month in range(1, 13):
            low = base + month * 100
            if start <= low + 1 and low + 31 <= end:  # the month known alone is inside
                keys.append(f"m{year * 100 + month}")
            elif low + 31 >= start and low + 1 <= end:
                keys += [f"d{low + d}" for d in range(1, 32) if start <= low + d <= end]
    return keys
