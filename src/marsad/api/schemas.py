"""Response shapes for the OpenAPI document (the events table is typed column by column)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class EventRow(BaseModel):
    event_id: str
    event_date: str
    time_precision: int
    disorder_type: str | None = None
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: str | None = None
    interaction: str | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int | None = None
    tags: str | None = None
    n_mentions: int
    n_sources: int
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    status: str


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    sort: str
    events: list[EventRow]


class EvidenceSpan(BaseModel):
    mention_id: str
    doc_id: str
    article_id: str
    char_start: int
    char_end: int
    start: int | None = None
    end: int | None = None
    text: str | None = None
    status: str
    lead: bool


class Source(BaseModel):
    outlet: str
    n_mentions: int
    articles: list[dict[str, Any]]


class EventDetail(BaseModel):
    event: EventRow
    mentions: list[dict[str, Any]]
    sources: list[Source]
    claims: list[dict[str, Any]]
    evidence: list[EvidenceSpan]
