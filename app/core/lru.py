"""A least-recently-used map bounded by the total size of its values (bytes, mostly)."""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SizedLRU(Generic[K, V]):
    """Thread-safe: SQLite reads run on the event loop and PostgreSQL reads in the thread
    pool, both through one instance. A value larger than the bound is not kept."""

    def __init__(self, max_bytes: int, size_of: Callable[[V], int]) -> None:
        self.max_bytes = max_bytes
        self._size_of = size_of
        self._values: OrderedDict[K, V] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._values.get(key)
            if value is None:
                self.misses += 1
            else:
                self.hits += 1
                self._values.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        size = self._size_of(value)
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._values.pop(key, None)
            if old is not None:
                self._size -= self._size_of(old)
            self._values[key] = value
            self._size += size
            while self._size > self.max_bytes:
                _, evicted = self._values.popitem(last=False)
                self._size -= self._size_of(evicted)

    def pop(self, key: K) -> None:
        with self._lock:
            old = self._values.pop(key, None)
            if old is not None:
                self._size -= self._size_of(old)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._values)

    @property
    def size(self) -> int:
        return self._size
