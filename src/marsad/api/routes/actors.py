"""``/api/actors``: actors with the number of events and of mentions naming them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from marsad.api.app import get_store, settings_of
from marsad.api.params import MAX_LIMIT
from marsad.store import Store

router = APIRouter(tags=["actors"])

# With migration 3's event_actors, associated actors count too; without it, actor1 and actor2.
_EVENT_COUNTS_INDEXED = "SELECT actor, count(*) AS n FROM event_actors GROUP BY actor"
_EVENT_COUNTS_SCAN = """
SELECT actor, sum(n) AS n FROM (
  SELECT actor1 AS actor, count(*) AS n FROM events WHERE actor1 IS NOT NULL GROUP BY actor1
  UNION ALL
  SELECT actor2 AS actor, count(*) AS n FROM events WHERE actor2 IS NOT NULL AND actor2 IS NOT actor1 GROUP BY actor2
) GROUP BY actor
"""
_MENTION_COUNTS = """
SELECT actor, actor_type, count(*) AS n, count(DISTINCT article_id) AS n_articles
FROM actor_mentions WHERE actor IS NOT NULL GROUP BY actor, actor_type
"""


def _entry(actor: str) -> dict[str, Any]:
    return {"actor": actor, "actor_type": None, "n_events": 0, "n_mentions": 0, "n_articles": 0}


@router.get("/actors", summary="Actors with counts of events and of mentions in articles")
def list_actors(
    request: Request,
    store: Annotated[Store, Depends(get_store)],
    q: Annotated[str | None, Query(max_length=200, description="Keep actors whose name contains this (case-insensitive).")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 200,
) -> dict[str, Any]:
    actors: dict[str, dict[str, Any]] = {}
    event_sql = _EVENT_COUNTS_INDEXED if settings_of(request).event_actors else _EVENT_COUNTS_SCAN
    for row in store.query(event_sql):
        actors.setdefault(row["actor"], _entry(row["actor"]))["n_events"] = row["n"]
    for row in store.query(_MENTION_COUNTS):
        entry = actors.setdefault(row["actor"], _entry(row["actor"]))
        entry["actor_type"] = entry["actor_type"] or row["actor_type"]
        entry["n_mentions"] += row["n"]
        entry["n_articles"] += row["n_articles"]
    needle = (q or "").casefold()
    found = [a for a in actors.values() if needle in a["actor"].casefold()]
    found.sort(key=lambda a: (-a["n_events"], -a["n_mentions"], a["actor"]))
    return {"total": len(found), "actors": found[:limit]}
