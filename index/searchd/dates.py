"""Dates typed in a query (`date:2020`, `date:2015..2021`, `date:--06-18`) as full-text tokens.

compile.py makes such a date a NumericRange over the day number (yyyymmdd; yyyymm00 known
to the month, yyyy0000 to the year) inside the boolean tree, where searchd allows no
attribute condition.  So each article's day is also written as three tokens, of its year,
its month and its day number, and a range as the fewest tokens whose values it wholly
holds: whole years, whole months at its edges, single day numbers at the edges of those.
Any day number is then inside the range exactly when one of its tokens is.
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
    """The keys of every day number from `start` to `end` (both included), for the years the
    archive holds (`years`: the first and the last).

    >>> cover(20200000, 20209999, (2015, 2025))
    ['y2020']
    >>> cover(20200601, 20200731, (2015, 2025))[:2], len(cover(20200601, 20200731, (2015, 2025)))
    (['d20200601', 'd20200602'], 63)
    >>> [k for k in cover(20191215, 20210131, (2015, 2025)) if not k.startswith("d")]
    ['y2020', 'm202100']
    """
    first, last = max(start // 10000, years[0]), min(end // 10000, years[1])
    keys = []
    for year in range(first, last + 1):
        base = year * 10000
        if start <= base and base + 9999 <= end:
            keys.append(f"y{year}")
            continue
        for month in range(13):
            low = base + month * 100
            if start <= low and low + 99 <= end:
                keys.append(f"m{year * 100 + month}")
            elif low + 99 >= start and low <= end:
                keys += [f"d{low + d}" for d in range(32) if start <= low + d <= end]
    return keys
