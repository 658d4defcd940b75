"""ACLED's event taxonomy, with the CAMEO root code and PLOVER category of each sub-type.

The table lives in ``marsad/data/events/taxonomy.json`` (6 event types, 25
sub-event types, spelled exactly as ACLED spells them).  ACLED's ``disorder_type``
is given per sub-type: "Political violence; Demonstrations" for *Protest with
intervention* and *Excessive force against protesters*.

Interaction codes follow ACLED: each actor category has an inter code 1–8
(State forces 1 … External/Other forces 8); the interaction of an event is the
two codes joined with the lower first ("17"), or the code followed by 0 when
there is only one actor ("60" for a protest without intervention).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from marsad.events.data import data_json


CIVILIAN_TARGETING = "Civilian targeting"


@dataclass(frozen=True, slots=True)
class SubType:
    """One ACLED sub-event type and where it sits in the other schemes."""

    event_type: str
    sub_event_type: str
    disorder_type: str
    cameo: str | None
    plover: str | None


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The whole table, looked up by sub-event type."""

    sub_types: tuple[SubType, ...]
    inter_codes: Mapping[str, int]

    def get(self, sub_event_type: str) -> SubType:
        for sub in self.sub_types:
            if sub.sub_event_type == sub_event_type:
                return sub
        raise KeyError(f"not an ACLED sub-event type: {sub_event_type!r}")

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(sub.event_type for sub in self.sub_types))

    def of_type(self, event_type: str) -> tuple[SubType, ...]:
        return tuple(sub for sub in self.sub_types if sub.event_type == event_type)


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The ACLED taxonomy as shipped in the package data (read once)."""
    raw = data_json("taxonomy.json")
    subs = tuple(SubType(*row) for row in raw["sub_types"])
    return Taxonomy(subs, MappingProxyType(dict(raw["inter_codes"])))


def sub_type(sub_event_type: str) -> SubType:
    """The :class:`SubType` named ``sub_event_type`` (KeyError when not ACLED's)."""
    return taxonomy().get(sub_event_type)


def inter_code(actor_type: str | None) -> int | None:
    """ACLED's inter code (1–8) of an actor category, None when unknown."""
    if not actor_type:
        return None
    return taxonomy().inter_codes.get(actor_type)


def interaction(actor1_type: str | None, actor2_type: str | None) -> str | None:
    """ACLED's two-digit interaction code of two actor categories.

    >>> interaction("Protesters", None)
    '60'
    >>> interaction("Civilians", "State forces")
    '17'
    """
    codes = sorted(c for c in (inter_code(actor1_type), inter_code(actor2_type)) if c is not None)
    if not codes:
        return None
    if len(codes) == 1:
        return f"{codes[0]}0"
    return f"{codes[0]}{codes[1]}"


def civilian_targeting(sub_event_type: str, actor2_type: str | None) -> str | None:
    """ACLED's civilian_targeting value: set when civilians are the target."""
    event_type = sub_type(sub_event_type).event_type
    if actor2_type == "Civilians" and event_type in {
        "Violence against civilians",
        "Explosions/Remote violence",
        "Riots",
    }:
        return CIVILIAN_TARGETING
    if event_type == "Violence against civilians":
        return CIVILIAN_TARGETING
    return None
