"""Date ranges as tokens (index/searchd/dates.py) select exactly the dates columns.within
selects, for every kind of date: a day, a month known alone, a year known alone."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from wardnews.index.columns import within
from wardnews.index.searchd.dates import cover, date_keys

YEARS = (2015, 2025)
DATES = np.array([y * 10000 + m * 100 + d for y in range(YEARS[0], YEARS[1] + 1)
                  for m in range(13) for d in ((0,) if m == 0 else (0, 1, 2, 15, 28, 29, 30, 31))])
days = st.builds(lambda y, m, d: y * 10000 + m * 100 + d,
                 st.integers(2013, 2027), st.integers(1, 12), st.integers(1, 31))


@settings(max_examples=300, deadline=None)
@given(days, days)
def test_a_range_selects_what_within_selects(a, b):
    start, end = min(a, b), max(a, b)
    wanted = set(DATES[within(DATES, start, end)].tolist())
    keys = set(cover(start, end, YEARS))
    found = {int(v) for v in DATES if keys & set(date_keys(int(v), 0))}
    assert found == wanted


def test_open_ranges_stop_at_the_archive_years():
    keys = cover(10000101, 99991231, YEARS)
    assert keys == [f"y{y}" for y in range(YEARS[0], YEARS[1] + 1)]


def test_undated_articles_have_no_date_keys_but_their_day_and_month():
    assert date_keys(0, 0) == [] and date_keys(0, 618) == ["md618"]
