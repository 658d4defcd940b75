"""``/api/stats``: counts of the events matching the filters, by day, type, place and status."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from marsad.api.app import get_store, json_response, settings_of
from marsad.api.params import (
    EventFilters, actor_plan, event_filters, invalid, is_search_error, residual, where_clause,
)
from marsad.api.text import TextPlan, from_matches, text_plan
from marsad.api.text_stats import text_stats
from marsad.store import Store

router = APIRouter(tags=["stats"])

Group = Literal["fatalities", "by_day", "by_event_type", "by_sub_event_type", "by_country", "by_admin1", "by_status"]
# name: (columns grouped, order); each is one pass over an index when the filters allow it.
_GROUPS: dict[str, tuple[tuple[str, ...], str]] = {
    "by_day": (("event_date",), "e.event_date"),
    "by_event_type": (("event_type",), "n DESC, e.event_type"),
    "by_sub_event_type": (("sub_event_type",), "n DESC, e.sub_event_type"),
    "by_country": (("country",), "n DESC, e.country"),
    "by_admin1": (("country", "admin1"), "n DESC, e.admin1"),
    "by_status": (("status",), "n DESC, e.status"),
}


@router.get("/stats", summary="Totals and counts by day, event type, sub-event type, country, admin-1 and status")
def get_stats(
    request: Request,
    filters: Annotated[EventFilters, Depends(event_filters)],
    store: Annotated[Store, Depends(get_store)],
    include: Annotated[list[Group] | None, Query(description="What to compute besides the totals (events, "
                                                  "first and last date), repeated: 'fatalities' (their sum, in "
                                                  "totals) and groups. Default: all, plus row counts per table.")] = None,
) -> Response:
    settings = settings_of(request)
    groups = list(dict.fromkeys(include)) if include else ["fatalities", *_GROUPS]
    key = f"stats?{request.url.query}"
    try:
        out = settings.cache.get_or_compute(
            key, lambda: _compute(store, filters, groups, settings.event_actors, settings.event_search,
                                  tables=not include))
    except sqlite3.OperationalError as exc:
        if is_search_error(exc):
            raise invalid("q", f"cannot search for {filters.q!r}: {exc}", filters.q) from exc
        raise
    return json_response(out)


def _compute(store: Store, filters: EventFilters, groups: list[str], event_actors: bool, event_search: bool,
             tables: bool) -> dict[str, Any]:
    text = text_plan(store.conn, filters, event_search, count=False)
    if text.mode == "events":  # q through the event text index: keys, then one pass over the matches
        where, params = where_clause(residual(filters))
        out = text_stats(store, text, from_matches(where), [*text.params, *params], groups)
    else:
        out = _indexed(store, filters, groups, event_actors, text)
    if tables:
        out["tables"] = store.counts()
    return out


def _indexed(store: Store, filters: EventFilters, groups: list[str], event_actors: bool, text: TextPlan
             ) -> dict[str, Any]:
    where, params = where_clause(filters, actor_plan(store.conn, filters, event_actors), text)
    # Every events index ends with event_date, so these totals need no row lookups; a sum of
    # fatalities does (one per matching row), hence it is asked for by name.
    fatalities = ", coalesce(sum(e.fatalities), 0) AS fatalities" if "fatalities" in groups else ""
    out: dict[str, Any] = {"totals": next(store.query(
        f"SELECT count(*) AS events, min(e.event_date) AS first_date, max(e.event_date) AS last_date{fatalities}"
        f" FROM events e {where}", params))}
    for name in groups:
        if name in _GROUPS:
            out[name] = _group(store, name, where, params)
    return out


def _group(store: Store, name: str, where: str, params: list[Any]) -> list[dict[str, Any]]:
    columns, order = _GROUPS[name]
    select = ", ".join(f"e.{c} AS {c}" for c in columns)
    # With filters, "+" keeps SQLite from walking a grouping index row by row (and looking
    # up each row to test the filters): the filters' own index drives, then a sort groups.
    group = ", ".join(f"{'+' if where else ''}e.{c}" for c in columns)
    rows = list(store.query(f"SELECT {select}, count(*) AS n FROM events e {where} GROUP BY {group} ORDER BY {order}", params))
    if name == "by_sub_event_type":  # a sub-event type belongs to one event type: look it up, don't group by it
        for row in rows:
            found = list(store.query("SELECT event_type FROM events WHERE sub_event_type IS ? LIMIT 1", [row["sub_event_type"]]))
            row["event_type"] = found[0]["event_type"] if found else None
    return rows
