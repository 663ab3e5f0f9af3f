"""The index read as files (the default) answers exactly as memory-mapped reading does, from
many threads at once, with caches bounded in bytes (issue 11)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from wardnews import Archive
from wardnews.index.cache import ByteCache

QUERIES = ["đại hội", "dai hoi", '"Lương Khánh Thiện"', "phường NOT Hà", "bầu cử", "Thiệ*",
           "official:\"Trần Minh Đức\"", "date:--09-02", "ubnd", "hội đồng nhân dân"]


def answers(archive, query):
    result = archive.search(query, limit=50, facet_limit=50)
    return (result.total, [h.id for h in result.hits],
            {name: [(v.value, v.count) for v in values] for name, values in result.facets.items()})


@pytest.fixture(scope="module")
def both(demo_index):
    with Archive(demo_index) as files, Archive(demo_index, mmap=True) as mapped:
        yield files, mapped


@pytest.mark.parametrize("query", QUERIES)
def test_files_and_memory_maps_give_the_same_answers(both, query):
    files, mapped = both
    assert answers(files, query) == answers(mapped, query)


def test_many_threads_get_what_one_gets(both):
    files, _ = both
    expected = {q: answers(files, q) for q in QUERIES}
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda q: (q, answers(files, q)), QUERIES * 6))
    assert all(answer == expected[q] for q, answer in got)


def test_caches_are_bounded_in_bytes_not_entries():
    cache = ByteCache(max_bytes=1_000)
    for i in range(100):
        cache.put(i, np.zeros(10))  # 80 bytes each
    assert cache.bytes <= 1_000 and len(cache) == 12
    cache.put("huge", np.zeros(1_000))  # larger than the whole cache: not kept
    assert cache.get("huge") is None and cache.get(99) is not None
