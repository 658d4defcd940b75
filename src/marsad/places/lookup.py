"""Name-key lookups with a memory: each form is hashed and searched for once per process.

News text repeats its capitalised words ("The", "Iraq", "Baghdad", "Monday") from article to article,
so most lookups of a corpus are answered from two dictionaries instead of hashing the form and
searching the sorted key table again.  A :class:`Lookup` belongs to one geoparser (no module state);
it forgets everything when it grows past ``limit`` forms.
"""

from __future__ import annotations

import numpy as np

from marsad.places.evidence import KeyFacts
from marsad.places.gazetteer import Gazetteer, key_digest


def _hashes(forms: list[str]) -> np.ndarray:
    """The key hashes of ``forms`` (see :func:`~marsad.places.gazetteer.key_hash`) as one array."""
    return np.frombuffer(b"".join(map(key_digest, forms)), dtype="<u8")


class Lookup:
    """``starts(forms)``: whether each form is the first token of some key; ``keys(grams)``: the key index
    of each n-gram, -1 where absent; ``facts[key]``: the gazetteer's facts about a key."""

    def __init__(self, gaz: Gazetteer, limit: int = 400_000) -> None:
        self.gaz = gaz
        self.limit = limit
        self.facts = KeyFacts(gaz)  # what the gazetteer says about each key met
        self._first: dict[str, bool] = {}
        self._key: dict[str, int] = {}

    def starts(self, forms: list[str]) -> list[bool]:
        memo = self._first
        missing = [f for f in dict.fromkeys(forms) if f not in memo]
        if missing:
            if len(memo) > self.limit:
                memo.clear()
            memo.update(zip(missing, self.gaz.has_first(_hashes(missing)).tolist()))
        return [memo[f] for f in forms]

    def keys(self, grams: list[str]) -> list[int]:
        memo = self._key
        missing = [g for g in dict.fromkeys(grams) if g not in memo]
        if missing:
            if len(memo) > self.limit:
                memo.clear()
                self.facts.clear()
            memo.update(zip(missing, self.gaz.find(_hashes(missing)).tolist()))
        return [memo[g] for g in grams]
