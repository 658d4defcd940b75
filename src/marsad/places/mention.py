"""The recogniser's record of one name in a text (its own module so that the rules that refine
mentions, such as :mod:`marsad.places.parenthetical`, need not import the recogniser)."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Mention"]


class Mention(NamedTuple):
    """A recognised name: span in the original text, the key it matched, and how it reads."""

    start: int
    end: int
    text: str
    key: int
    kind: str  # "place", "demonym" or "org"
    cue: str | None  # "admin", "admin2", "settlement", "near", "part", "in", "dateline", "pair", "list" or None
    confidence: float
    sentence: int
    nest: int = -1  # start of the town a parenthetical qualifies, on it and on every place inside "(Admin2, Admin1)"
