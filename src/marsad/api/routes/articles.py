"""``/api/articles/{id}``: an article's text with every span found in it.

Each span carries its offsets twice: ``char_start``/``char_end`` into the
document's text (as stored), and ``start``/``end`` into the returned article
``text`` (the document's text from the article's ``char_start`` to its
``char_end``). Offsets count Unicode code points.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException

from marsad.api.app import get_store
from marsad.store import Store

router = APIRouter(tags=["articles"])

_ARTICLE_SQL = """
SELECT a.*, d.kind, d.origin, d.n_chars AS document_chars,
       substr(d.text, a.char_start + 1, a.char_end - a.char_start) AS text
FROM articles a JOIN documents d ON d.doc_id = a.doc_id
WHERE a.article_id = ?
"""
_SPAN_QUERIES = {
    "toponyms": "SELECT toponym_id AS id, text, char_start, char_end, geonameid, name, latitude, longitude,"
                " country, admin1, feature_class, score FROM toponyms WHERE doc_id = ? AND article_id = ?",
    "actors": "SELECT mention_id AS id, text, char_start, char_end, actor, actor_type, country"
              " FROM actor_mentions WHERE doc_id = ? AND article_id = ?",
    "mentions": "SELECT mention_id AS id, event_id, lead, event_type, sub_event_type, date, location, actor1,"
                " actor2, fatalities, claimed_by, status, background, evidence AS text, char_start, char_end"
                " FROM mentions WHERE doc_id = ? AND article_id = ?",
    "claims": "SELECT claim_id AS id, claimant, outlet, verb, content, event_id, status, char_start, char_end"
              " FROM claims WHERE doc_id = ? AND article_id = ?",
}


@router.get("/articles/{article_id}", summary="An article's text with its title, body, boilerplate, "
            "toponym, actor, event-mention and claim spans", responses={404: {"description": "No such article"}})
def get_article(article_id: str, store: Annotated[Store, Depends(get_store)]) -> dict[str, Any]:
    rows = list(store.query(_ARTICLE_SQL, [article_id]))
    if not rows:
        raise HTTPException(404, f"no article {article_id!r}")
    article = rows[0]
    origin = article["char_start"]
    spans: dict[str, Any] = {
        "title": _span(article["title_start"], article["title_end"], origin),
        "body": _span(article["body_start"], article["body_end"], origin),
        "boilerplate": [_span(s, e, origin) for s, e in json.loads(article["boilerplate"] or "[]")],
    }
    for kind, sql in _SPAN_QUERIES.items():
        found = list(store.query(sql + " ORDER BY char_start, char_end", [article["doc_id"], article_id]))
        spans[kind] = [_with_relative(row, origin) for row in found]
    article["related_titles"] = json.loads(article["related_titles"] or "[]")
    article.pop("boilerplate")
    return {"article": article, "spans": spans}


def _span(start: int | None, end: int | None, origin: int) -> dict[str, int] | None:
    if start is None or end is None:
        return None
    return {"char_start": start, "char_end": end, "start": start - origin, "end": end - origin}


def _with_relative(row: dict[str, Any], origin: int) -> dict[str, Any]:
    for flag in ("lead", "background"):
        if flag in row:
            row[flag] = bool(row[flag])
    row["start"], row["end"] = row["char_start"] - origin, row["char_end"] - origin
    return row
