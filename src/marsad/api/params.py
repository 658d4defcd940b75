"""Query parameters shared by routes: event filters, sorting, paging, and 422s.

``event_filters`` is a FastAPI dependency that turns the query string into an
:class:`EventFilters`; :func:`where_clause` turns that into SQL over ``events e``
with bound parameters only (values are never pasted into SQL).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from marsad.api.text import TextPlan, text_clause
from marsad.store.store import fts_query

MAX_LIMIT = 1000
STATUSES = ("reported", "claimed", "disputed", "denied")
Status = Literal["reported", "claimed", "disputed", "denied"]
SortKey = Literal["event_date", "-event_date", "n_sources", "-n_sources", "fatalities", "-fatalities"]
# Ties are broken by rowid, which every index carries: an index on (key, event_date)
# then yields rows already in order and LIMIT stops early.
SORTS: dict[str, str] = {
    "event_date": "e.event_date ASC, e.rowid ASC",
    "-event_date": "e.event_date DESC, e.rowid DESC",
    "n_sources": "e.n_sources ASC, e.event_date DESC, e.rowid DESC",
    "-n_sources": "e.n_sources DESC, e.event_date DESC, e.rowid DESC",
    "fatalities": "e.fatalities ASC, e.event_date DESC, e.rowid DESC",
    "-fatalities": "e.fatalities DESC, e.event_date DESC, e.rowid DESC",
}


def invalid(param: str, message: str, value: Any = None) -> RequestValidationError:
    """A 422 naming the query parameter, shaped like FastAPI's own validation errors."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", param), "msg": message, "input": value}])


@dataclass(frozen=True, slots=True)
class BBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


def parse_bbox(text: str) -> BBox:
    """``minlon,minlat,maxlon,maxlat`` in degrees; the box may not cross the antimeridian."""
    parts = text.split(",")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(values) != 4 or any(v != v for v in values):
        raise invalid("bbox", "bbox must be four numbers: minlon,minlat,maxlon,maxlat", text)
    box = BBox(*values)
    if not (-180 <= box.min_lon <= box.max_lon <= 180):
        raise invalid("bbox", "bbox longitudes must satisfy -180 <= minlon <= maxlon <= 180", text)
    if not (-90 <= box.min_lat <= box.max_lat <= 90):
        raise invalid("bbox", "bbox latitudes must satisfy -90 <= minlat <= maxlat <= 90", text)
    return box


@dataclass(frozen=True, slots=True)
class EventFilters:
    date_from: date | None = None
    date_to: date | None = None
    bbox: BBox | None = None
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: str | None = None
    status: tuple[str, ...] = ()
    min_sources: int | None = None
    q: str | None = None


Q_DESCRIPTION = (
    "Full-text search. Every word, or \"quoted phrase\", must occur in the event's text: the titles and bodies "
    "of all the articles reporting it, its actors (actor1, actor2, associated actors) and its places (location, "
    "admin2, admin1, country). Case and Latin diacritics are folded, and Arabic letter variants in the "
    "articles. `total` is exact. "
    "(A database not yet migrated to schema 6, served read-only, matches the words within one article.)"
)


def event_filters(
    date_from: Annotated[date | None, Query(description="Earliest event_date, YYYY-MM-DD (inclusive).")] = None,
    date_to: Annotated[date | None, Query(description="Latest event_date, YYYY-MM-DD (inclusive).")] = None,
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat in degrees.")] = None,
    country: Annotated[list[str] | None, Query(description="Country name as in events.country; repeat for several.")] = None,
    admin1: Annotated[list[str] | None, Query(description="Admin-1 (GeoNames) name; repeat for several.")] = None,
    event_type: Annotated[list[str] | None, Query(description="ACLED event type; repeat for several.")] = None,
    sub_event_type: Annotated[list[str] | None, Query(description="ACLED sub-event type; repeat for several.")] = None,
    actor: Annotated[str | None, Query(min_length=1, description="An actor named as actor1, actor2 or among the associated actors.")] = None,
    status: Annotated[list[Status] | None, Query(description="reported, claimed, disputed or denied; repeat for several.")] = None,
    min_sources: Annotated[int | None, Query(ge=1, description="At least this many distinct sources.")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=500, description=Q_DESCRIPTION)] = None,
) -> EventFilters:
    if date_from and date_to and date_from > date_to:
        raise invalid("date_from", f"date_from ({date_from}) is after date_to ({date_to})", str(date_from))
    if q is not None and fts_query(q) == '""':
        raise invalid("q", "q has no searchable words", q)
    return EventFilters(
        date_from=date_from, date_to=date_to, bbox=parse_bbox(bbox) if bbox else None,
        country=tuple(country or ()), admin1=tuple(admin1 or ()), event_type=tuple(event_type or ()),
        sub_event_type=tuple(sub_event_type or ()), actor=(actor.strip() or None) if actor else None,
        status=tuple(status or ()), min_sources=min_sources, q=q,
    )


ActorMode = Literal["scan", "in", "exists"]
# Events naming the actor (in the date range) above which the actor is matched
# row by row (EXISTS), letting the other filters' indexes or the sort order
# drive the query; at or below it, the query is driven from event_actors (IN).
FREQUENT_ACTOR = 10_000


@dataclass(frozen=True, slots=True)
class ActorPlan:
    mode: ActorMode = "scan"
    n_events: int | None = None  # events naming the actor in the date range, when counted in full


def actor_range(filters: EventFilters) -> tuple[str, list[Any]]:
    """The actor's rows of event_actors within the date filters: one range of its primary key."""
    sql, params = "ea.actor = ?", [filters.actor]
    if filters.date_from:
        sql += " AND ea.event_date >= ?"
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        sql += " AND ea.event_date <= ?"
        params.append(filters.date_to.isoformat())
    return sql, params


def actor_plan(conn: sqlite3.Connection, filters: EventFilters, event_actors: bool) -> ActorPlan:
    """How to match ``filters.actor``: a scan without event_actors, else IN or EXISTS by its frequency."""
    if not filters.actor or not event_actors:
        return ActorPlan("scan")
    sql, params = actor_range(filters)
    if only_actor_and_dates(filters):  # the count is the answer's total: count them all
        n = conn.execute(f"SELECT count(*) FROM event_actors ea WHERE {sql}", params).fetchone()[0]
        return ActorPlan("exists" if n > FREQUENT_ACTOR else "in", n)
    capped = f"SELECT count(*) FROM (SELECT 1 FROM event_actors ea WHERE {sql} LIMIT {FREQUENT_ACTOR + 1})"
    n = conn.execute(capped, params).fetchone()[0]
    return ActorPlan("exists" if n > FREQUENT_ACTOR else "in", None)


def only_actor_and_dates(filters: EventFilters) -> bool:
    """True when no filter but the actor and the dates is set: the actor plan's count is then the total."""
    return bool(filters.actor) and replace(filters, actor=None, date_from=None, date_to=None) == EventFilters()


def residual(filters: EventFilters) -> EventFilters:
    """The filters that the event text index does not cover (see :mod:`marsad.api.text`): the box."""
    return EventFilters(bbox=filters.bbox)


def where_clause(filters: EventFilters, actor: ActorPlan = ActorPlan(), text: TextPlan | None = None
                 ) -> tuple[str, list[Any]]:
    """``WHERE ...`` (or "") over ``events e`` and its parameters.

    ``q`` is matched as ``text`` says (without a plan: through the articles' index).
    """
    clauses: list[str] = []
    params: list[Any] = []
    if filters.date_from:
        clauses.append("e.event_date >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        clauses.append("e.event_date <= ?")
        params.append(filters.date_to.isoformat())
    if filters.bbox:
        box = filters.bbox
        clauses.append("e.longitude BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?")
        params += [box.min_lon, box.max_lon, box.min_lat, box.max_lat]
    for column in ("country", "admin1", "event_type", "sub_event_type", "status"):
        values = getattr(filters, column)
        if values:
            clauses.append(f"e.{column} IN ({','.join('?' * len(values))})")
            params += list(values)
    if filters.min_sources:
        clauses.append("e.n_sources >= ?")
        params.append(filters.min_sources)
    if filters.actor and actor.mode == "in":
        sql, actor_params = actor_range(filters)
        clauses.append(f"e.event_id IN (SELECT ea.event_id FROM event_actors ea WHERE {sql})")
        params += actor_params
    elif filters.actor and actor.mode == "exists":
        clauses.append("EXISTS (SELECT 1 FROM event_actors ea"
                       " WHERE ea.actor = ? AND ea.event_date = e.event_date AND ea.event_id = e.event_id)")
        params.append(filters.actor)
    elif filters.actor:
        clauses.append(_ACTOR_SCAN)
        params += [filters.actor] * 4
    if filters.q:
        sql, text_params = text_clause(text or TextPlan("articles", fts_query(filters.q)))
        clauses.append(sql)
        params += text_params
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


# actor1/actor2 are one actor each; ACLED's assoc_actor_N hold several, ";"-separated.
_ACTOR_SCAN = (
    "(e.actor1 = ? OR e.actor2 = ?"
    " OR instr(';' || replace(e.assoc_actor_1, '; ', ';') || ';', ';' || ? || ';') > 0"
    " OR instr(';' || replace(e.assoc_actor_2, '; ', ';') || ';', ';' || ? || ';') > 0)"
)


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page, at most {MAX_LIMIT}.")] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")] = 0,
) -> tuple[int, int]:
    return limit, offset


def is_search_error(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "fts5" in str(exc).lower()
