"""Response shapes for the OpenAPI document (the events table is typed column by column)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, create_model


def _event_row_model() -> type[BaseModel]:
    """The events table as a response model, built from the ``Event`` record itself.

    Columns come in the export's (ACLED) order; enum-typed fields travel as strings.
    """
    from dataclasses import MISSING, fields
    from enum import Enum
    from typing import get_type_hints

    from marsad.export import TABLES
    from marsad.models import Event

    hints = get_type_hints(Event)
    defaults = {f.name: (... if f.default is MISSING else f.default) for f in fields(Event)}
    columns = {}
    for name in TABLES["events"].columns:
        kind = hints[name]
        kind = str if isinstance(kind, type) and issubclass(kind, Enum) else kind
        columns[name] = (kind, defaults[name])
    return create_model("EventRow", **columns)


EventRow = _event_row_model()


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
