"""One event row from the mentions that report it.

The most precise date and place win; fatalities follow ACLED's most
conservative rule (the lowest reported figure, with the range kept beside
it); the status rolls up so that a claim never reads as a fact; notes are
composed from the evidence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from marsad.fuse.rules import MentionView, is_generic
from marsad.models import Event, Status

DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso_numeric: int | None


CountryLookup = Callable[[str], Country | None]


def roll_up(event_id: str, mentions: Sequence[MentionView], country_of: CountryLookup) -> Event:
    """The fused event of ``mentions`` (at least one)."""
    actor_types = _actor_types(mentions)
    when = min((m for m in mentions if m.day), key=lambda m: (m.time_precision, m.day), default=mentions[0])
    where = _best_place(mentions)
    actor1 = _most_common([m.claimed_by or m.actor1 for m in mentions])
    actor2 = _most_common([m.actor2 for m in mentions])
    inter1, inter2 = actor_types.get(actor1 or ""), actor_types.get(actor2 or "")
    country = country_of(where.country) if where.country else None
    outlets = independent_sources(mentions)
    low, high = fatalities_range(mentions)
    event_type = mentions[0].event_type
    status = roll_up_status([m.status for m in mentions])
    event = Event(
        event_id=event_id,
        event_date=when.day.isoformat() if when.day else "",
        time_precision=when.time_precision if when.day else 3,
        event_type=event_type,
        sub_event_type=_most_common([m.sub_event_type for m in mentions]) or mentions[0].sub_event_type,
        n_mentions=len({m.article_id for m in mentions}),
        n_sources=len(outlets),
        status=status,
        disorder_type=DISORDER_TYPES.get(event_type),
        actor1=actor1, inter1=inter1, actor2=actor2, inter2=inter2,
        interaction=f"{inter1}-{inter2}" if inter1 and inter2 else (f"{inter1} only" if inter1 else None),
        civilian_targeting="Civilian targeting" if inter2 == "Civilians" else None,
        iso=country.iso_numeric if country else None,
        country=country.name if country else where.country,
        admin1=where.admin1, location=where.location,
        latitude=where.latitude, longitude=where.longitude, geo_precision=where.geo_precision,
        source="; ".join(outlets) or None,
        fatalities=low if low is not None else 0, fatalities_min=low, fatalities_max=high,
    )
    return _with_notes(event, mentions)


def _actor_types(mentions: Sequence[MentionView]) -> dict[str, str]:
    types: dict[str, str] = {}
    for m in mentions:
        for actor, kind in ((m.actor1, m.actor1_type), (m.claimed_by, None), (m.actor2, m.actor2_type)):
            if actor and kind:
                types.setdefault(actor, kind)
    return types


def independent_sources(mentions: Sequence[MentionView]) -> list[str]:
    """Distinct outlets of the mentions that are not reposts, sorted; "TIGRIS WIRE" and
    "Tigris Wire" are one outlet, named by its spelling not in capitals (then the first in order)."""
    outlets: dict[str, str] = {}
    for m in mentions:
        if not m.is_repost:
            name = m.outlet or f"(unnamed outlet of {m.article_id})"
            known = outlets.get(outlet_key(name))
            if known is None or (name.isupper(), name) < (known.isupper(), known):
                outlets[outlet_key(name)] = name
    return sorted(outlets.values()) or [mentions[0].outlet or "(unnamed outlet)"]


def outlet_key(name: str) -> str:
    """An outlet's name compared without case or spacing."""
    return " ".join(name.casefold().split())


def fatalities_range(mentions: Sequence[MentionView]) -> tuple[int | None, int | None]:
    lows = [m.fatalities_min for m in mentions if m.fatalities_min is not None]
    highs = [m.fatalities_max for m in mentions if m.fatalities_max is not None]
    return (min(lows) if lows else None, max(highs) if highs else (max(lows) if lows else None))


def roll_up_status(statuses: Sequence[str]) -> Status:
    """Claimed only → claimed; any dispute → disputed; denied by all → denied."""
    kinds = set(statuses)
    if kinds == {Status.DENIED.value}:
        return Status.DENIED
    if kinds & {Status.DISPUTED.value, Status.DENIED.value}:
        return Status.DISPUTED
    if kinds == {Status.CLAIMED.value}:
        return Status.CLAIMED
    return Status.REPORTED


def _best_place(mentions: Sequence[MentionView]) -> MentionView:
    placed = [m for m in mentions if m.country]
    if not placed:
        return mentions[0]
    counts = Counter(m.location for m in placed)
    return min(placed, key=lambda m: (m.geo_precision or 3, -counts[m.location], m.mention_id))


def _most_common(values: Sequence[str | None]) -> str | None:
    named = [v for v in values if v and not is_generic(v)]
    pool = named or [v for v in values if v]
    if not pool:
        return None
    counts = Counter(pool)
    return max(pool, key=lambda v: (counts[v], -pool.index(v)))


def _with_notes(event: Event, mentions: Sequence[MentionView]) -> Event:
    from dataclasses import replace

    return replace(event, notes=compose_notes(event, mentions))


def compose_notes(event: Event, mentions: Sequence[MentionView]) -> str:
    """An ACLED-style note: when, who, what, where, toll, standing, sources."""
    place = ", ".join(p for p in (event.location, event.admin1) if p) or event.country or "an unknown place"
    who = event.actor1 or "unidentified perpetrators"
    target = f" against {event.actor2}" if event.actor2 else ""
    parts = [f"On {event.event_date or 'an unknown date'}, {who}: {event.sub_event_type.lower()}{target} in {place}."]
    if event.fatalities_min is None:
        parts.append("No fatalities reported.")
    elif event.fatalities_max and event.fatalities_max != event.fatalities_min:
        parts.append(f"Fatalities reported: {event.fatalities_min} to {event.fatalities_max}.")
    else:
        parts.append(f"Fatalities reported: {event.fatalities_min}.")
    claimants = sorted({m.claimed_by for m in mentions if m.claimed_by})
    if claimants:
        parts.append(f"Responsibility claimed by {', '.join(claimants)}.")
    if event.status in (Status.DISPUTED, Status.DENIED):
        parts.append(f"The report is {event.status.value}.")
    parts.append(f"{event.n_sources} independent source(s), {event.n_mentions} mention(s).")
    return " ".join(parts)
