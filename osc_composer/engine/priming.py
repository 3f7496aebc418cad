"""The priming cache: a musician regenerating from the same seed with new parameters (the
common case on stage) skips priming altogether."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

import numpy as np

from .lstm import LstmState

Primed = tuple[LstmState, np.ndarray]  # a one-row state and the logits (1, vocab) after the seed


class PrimeCache:
    """The most recently used primed seeds (``size`` 0: none), ~6 KB each, by a key of the
    seed's tokens and controls. Not thread-safe: the engine's caller serialises requests."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._entries: OrderedDict[bytes, Primed] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()

    def get_many(self, keys: list[bytes], prime: Callable[[list[bytes]], list[Primed]]) -> list[Primed]:
        """The primed result for each key; ``prime`` primes the keys not cached, in one batch."""
        missing = list(dict.fromkeys(k for k in keys if k not in self._entries))
        fresh = dict(zip(missing, prime(missing), strict=True)) if missing else {}
        results = []
        for key in keys:
            result = fresh[key] if key in fresh else self._entries[key]
            if self.size:
                self._entries[key] = result
                self._entries.move_to_end(key)
            results.append(result)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return results
