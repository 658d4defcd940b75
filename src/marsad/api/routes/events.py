"""``/api/events``: filtered, sorted, paged events; ``/api/events/{id}``: one event and its evidence."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from marsad.api.app import get_store, json_response, settings_of
from marsad.api.params import (
    SORTS, ActorPlan, EventFilters, SortKey, actor_plan, actor_range, event_filters, invalid, is_search_error,
    only_actor_and_dates, paging, residual, where_clause,
)
from marsad.api.schemas import EventDetail, EventPage
from marsad.api.text import TextPlan, column_values, from_matches, text_plan, with_facet
from marsad.store import Store
from marsad.store.rows import EVENT_COLUMNS

router = APIRouter(tags=["events"])


@router.get("/events", response_model=EventPage, summary="Events matching the filters")
def list_events(
    request: Request,
    filters: Annotated[EventFilters, Depends(event_filters)],
    page: Annotated[tuple[int, int], Depends(paging)],
    store: Annotated[Store, Depends(get_store)],
    sort: Annotated[SortKey, Query(description="Sort key; a leading '-' sorts descending.")] = "-event_date",
    fields: Annotated[list[str] | None, Query(description="Only these columns (repeat; event_id is always "
                                               "included). Default: every column of the events table.")] = None,
) -> Response:
    limit, offset = page
    columns = _columns(fields)
    settings = settings_of(request)
    try:
        actor = actor_plan(store.conn, filters, settings.event_actors)
        text = text_plan(store.conn, filters, settings.event_search)
        total = _total(store, filters, actor, text)
        rows = _page(store, filters, actor, text, sort, columns, limit, offset)
    except sqlite3.OperationalError as exc:
        if is_search_error(exc):
            raise invalid("q", f"cannot search for {filters.q!r}: {exc}", filters.q) from exc
        raise
    return json_response({"total": total, "limit": limit, "offset": offset, "sort": sort, "events": rows})


def _total(store: Store, filters: EventFilters, actor: ActorPlan, text: TextPlan) -> int:
    if text.exact and text.n_events is not None:  # the index query is the whole filter
        return text.n_events
    if actor.n_events is not None and only_actor_and_dates(filters):
        return actor.n_events
    if text.few:  # read each match once, testing the filters the index leaves out
        where, params = where_clause(residual(filters))
        return _one(store, f"SELECT count(*) AS n {from_matches(where)}", [*text.params, *params])["n"]
    where, params = where_clause(filters, actor, text)
    return _one(store, f"SELECT count(*) AS n FROM events e {where}", params)["n"]


def _page(store: Store, filters: EventFilters, actor: ActorPlan, text: TextPlan, sort: str, columns: str,
          limit: int, offset: int) -> list[dict[str, Any]]:
    if text.mode == "events" and sort in _VALUE_SORTS and not text.few:
        return _value_walk(store, filters, text, sort, columns, limit, offset)
    if text.mode == "events" and (sort in _DATE_SORTS or text.few):
        # By date, the index's key order is the sort order: the walk stops once the page is full.
        # Otherwise the few matches are read and sorted.
        where, params = where_clause(residual(filters))
        order = _DATE_SORTS.get(sort, SORTS[sort])
        sql = f"SELECT {columns} {from_matches(where)} ORDER BY {order} LIMIT ? OFFSET ?"
        return list(store.query(sql, [*text.params, *params, limit, offset]))
    if actor.n_events is not None and only_actor_and_dates(filters) and sort in _ACTOR_DATE_ORDER:
        # One actor in a period, by date: walk event_actors' (actor, event_date) key in order.
        actor_sql, actor_params = actor_range(filters)
        sql = (f"SELECT {columns} FROM event_actors ea JOIN events e ON e.event_id = ea.event_id"
               f" WHERE {actor_sql} ORDER BY {_ACTOR_DATE_ORDER[sort]} LIMIT ? OFFSET ?")
        return list(store.query(sql, [*actor_params, limit, offset]))
    where, params = where_clause(filters, actor, text)
    return list(store.query(f"SELECT {columns} FROM events e {where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
                            [*params, limit, offset]))


def _value_walk(store: Store, filters: EventFilters, text: TextPlan, sort: str, columns: str,
                limit: int, offset: int) -> list[dict[str, Any]]:
    """Many matches by n_sources or fatalities: one index walk per value of the column, in sort order.

    Within a value the order is by date, newest first: the key order. The walk
    stops once ``offset + limit`` rows are found.
    """
    column, wanted = sort.lstrip("-"), limit + offset
    where, params = where_clause(residual(filters))
    sql = f"SELECT {columns} {from_matches(where)} ORDER BY s.rowid DESC LIMIT ?"
    floor = filters.min_sources if column == "n_sources" else None
    rows: list[dict[str, Any]] = []
    for value in column_values(store.conn, column, descending=sort.startswith("-"), at_least=floor):
        rows += store.query(sql, [*with_facet(text, column, value), *params, wanted - len(rows)])
        if len(rows) >= wanted:
            break
    return rows[offset:]


_VALUE_SORTS = frozenset({"n_sources", "-n_sources", "fatalities", "-fatalities"})
_DATE_SORTS = {"event_date": "s.rowid ASC", "-event_date": "s.rowid DESC"}  # key order = (event_date, rowid)
_ACTOR_DATE_ORDER = {
    "event_date": "ea.event_date ASC, ea.event_id ASC",
    "-event_date": "ea.event_date DESC, ea.event_id DESC",
}


def _columns(fields: list[str] | None) -> str:
    if not fields:
        return "e.*"
    unknown = sorted(set(fields) - set(EVENT_COLUMNS))
    if unknown:
        raise invalid("fields", f"unknown column(s) {', '.join(unknown)}; columns: {', '.join(EVENT_COLUMNS)}", fields)
    chosen = ["event_id", *(f for f in dict.fromkeys(fields) if f != "event_id")]
    return ", ".join(f"e.{c}" for c in chosen)


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event with its mentions, sources, claims and evidence",
            responses={404: {"description": "No such event"}})
def get_event(event_id: str, store: Annotated[Store, Depends(get_store)]) -> dict[str, Any]:
    event = _one(store, "SELECT * FROM events WHERE event_id = ?", [event_id])
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    mentions = list(store.query(_MENTIONS_SQL, [event_id]))
    claims = list(store.query(_CLAIMS_SQL, [event_id]))
    return {
        "event": event,
        "mentions": [_mention(m) for m in mentions],
        "sources": _sources(mentions),
        "claims": claims,
        "evidence": [_evidence(m) for m in mentions],
    }


_MENTIONS_SQL = """
SELECT m.*, a.title AS article_title, coalesce(a.source, d.source, d.sitename) AS outlet,
       coalesce(a.url, d.url) AS url, coalesce(a.published, d.published) AS published,
       a.lang AS article_lang, a.char_start AS article_start, a.char_end AS article_end
FROM mentions m
LEFT JOIN articles a ON a.article_id = m.article_id
LEFT JOIN documents d ON d.doc_id = m.doc_id
WHERE m.event_id = ?
ORDER BY m.lead DESC, published, m.doc_id, m.char_start
"""

_CLAIMS_SQL = """
SELECT c.*, a.title AS article_title, coalesce(a.url, d.url) AS url
FROM claims c
LEFT JOIN articles a ON a.article_id = c.article_id
LEFT JOIN documents d ON d.doc_id = c.doc_id
WHERE c.event_id = ?
ORDER BY c.doc_id, c.char_start
"""


def _one(store: Store, sql: str, params: list[Any]) -> dict[str, Any] | None:
    return next(iter(list(store.query(sql, params))), None)


def _mention(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["lead"] = bool(out["lead"])
    out["background"] = bool(out["background"])
    return out


def _relative(row: dict[str, Any], key: str) -> int | None:
    start = row.get("article_start")
    return None if start is None else row[key] - start


def _evidence(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "mention_id": row["mention_id"], "doc_id": row["doc_id"], "article_id": row["article_id"],
        "char_start": row["char_start"], "char_end": row["char_end"],
        "start": _relative(row, "char_start"), "end": _relative(row, "char_end"),
        "text": row["evidence"], "status": row["status"], "lead": bool(row["lead"]),
    }


def _sources(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Distinct outlets, each with the articles of it that report the event."""
    by_outlet: dict[str, dict[str, Any]] = {}
    for m in mentions:
        outlet = m["outlet"] or m["doc_id"]
        entry = by_outlet.setdefault(outlet, {"outlet": outlet, "n_mentions": 0, "articles": []})
        entry["n_mentions"] += 1
        if all(a["article_id"] != m["article_id"] for a in entry["articles"]):
            entry["articles"].append({
                "article_id": m["article_id"], "doc_id": m["doc_id"], "title": m["article_title"],
                "url": m["url"], "published": m["published"], "lang": m["article_lang"],
            })
    return sorted(by_outlet.values(), key=lambda s: (-s["n_mentions"], s["outlet"]))
