"""``/api/places``: resolved places (GeoNames entries found in articles) with counts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from marsad.api.app import get_store
from marsad.api.params import MAX_LIMIT
from marsad.store import Store

router = APIRouter(tags=["places"])

_PLACES_SQL = """
SELECT geonameid, name, latitude, longitude, country, admin1, feature_class,
       count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles
FROM toponyms
WHERE geonameid IS NOT NULL {extra}
GROUP BY geonameid
ORDER BY n_mentions DESC, name
LIMIT ?
"""
_EVENT_PLACES_SQL = """
SELECT country, admin1, location, latitude, longitude, count(*) AS n_events
FROM events WHERE location IS NOT NULL {extra}
GROUP BY country, admin1, location
ORDER BY n_events DESC, location
LIMIT ?
"""


@router.get("/places", summary="Resolved places with mention counts, and event locations with event counts")
def list_places(
    store: Annotated[Store, Depends(get_store)],
    country: Annotated[str | None, Query(description="Only places in this country (as stored).")] = None,
    admin1: Annotated[str | None, Query(description="Only places in this admin-1.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 200,
) -> dict[str, Any]:
    extra, params = "", []
    for column, value in (("country", country), ("admin1", admin1)):
        if value:
            extra += f" AND {column} = ?"
            params.append(value)
    return {
        "places": list(store.query(_PLACES_SQL.format(extra=extra), [*params, limit])),
        "event_locations": list(store.query(_EVENT_PLACES_SQL.format(extra=extra), [*params, limit])),
    }
