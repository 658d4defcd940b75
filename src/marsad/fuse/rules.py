"""ACLED's rule for one event, as pure functions over mentions.

Two mentions report the same real event when they share the event type, the
day (within their time precision), the place (same spot or within a few km;
a province-level mention joins a finer event in that province) and
compatible actors. Reposts add mentions, never independent sources.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta

NEARBY_KM = 10.0
GENERIC_PREFIXES = ("Unidentified", "Civilians", "Protesters", "Rioters")


@dataclass(frozen=True, slots=True)
class MentionView:
    """What fusion needs of one stored mention."""

    mention_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    day: date | None
    time_precision: int
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    actor1: str | None
    actor1_type: str | None
    actor2: str | None
    actor2_type: str | None
    fatalities_min: int | None
    fatalities_max: int | None
    status: str
    claimed_by: str | None
    outlet: str | None
    is_repost: bool


def date_window(m: MentionView) -> tuple[date, date] | None:
    """The days a mention's date may stand for, by its precision."""
    if m.day is None:
        return None
    if m.time_precision <= 1:
        return m.day, m.day
    if m.time_precision == 2:
        return m.day, m.day + timedelta(days=6)
    last = calendar.monthrange(m.day.year, m.day.month)[1]
    return m.day.replace(day=1), m.day.replace(day=last)


def dates_compatible(a: MentionView, b: MentionView) -> bool:
    wa, wb = date_window(a), date_window(b)
    if wa is None or wb is None:
        return False
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def places_compatible(a: MentionView, b: MentionView, km: float = NEARBY_KM) -> bool:
    if not a.country or a.country != b.country:
        return False
    coarse = (a.geo_precision or 3) >= 3 or (b.geo_precision or 3) >= 3
    if coarse:
        return bool(a.admin1) and a.admin1 == b.admin1
    if a.location and a.location == b.location:
        return True
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= km


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def is_generic(actor: str | None) -> bool:
    return actor is None or actor.startswith(GENERIC_PREFIXES)


def actors_compatible(a: MentionView, b: MentionView) -> bool:
    """Named actors must agree; an unnamed or generic one agrees with anyone."""
    first_a = a.claimed_by or a.actor1
    first_b = b.claimed_by or b.actor1
    if not (is_generic(first_a) or is_generic(first_b) or first_a == first_b or a.actor1 == b.actor1):
        return False
    return is_generic(a.actor2) or is_generic(b.actor2) or a.actor2 == b.actor2


def same_event(a: MentionView, b: MentionView) -> bool:
    return (
        a.event_type == b.event_type
        and dates_compatible(a, b)
        and places_compatible(a, b)
        and actors_compatible(a, b)
    )
