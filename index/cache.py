"""A least-recently-used cache bounded in bytes, for arrays read from the index.

Counting entries says nothing of memory: one posting list of a common word holds most of the
archive's documents, a rare word's a handful.  Each entry here is charged its arrays' bytes,
and the oldest go when the total passes the bound.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

__all__ = ["ByteCache"]


def size_of(value) -> int:
    """Bytes an entry holds: its arrays' buffers (a tuple of arrays counts each)."""
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, tuple):
        return sum(size_of(v) for v in value)
    return 64  # a small Python object


class ByteCache:
    """key -> value, the least recently used dropped past `max_bytes`; thread-safe.

    >>> cache = ByteCache(max_bytes=100)
    >>> cache.put("a", np.zeros(10)); cache.put("b", np.zeros(10))  # 80 bytes each
    >>> cache.get("a") is None, cache.get("b") is not None, cache.bytes
    (True, True, 80)
    """

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key, value) -> None:
        size = size_of(value)
        if size > self.max_bytes:
            return  # larger than the whole cache: not kept
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._entries[key] = (value, size)
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.bytes -= dropped

    def __len__(self) -> int:
        return len(self._entries)
