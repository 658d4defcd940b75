"""Records to table rows: one function per table, columns named once."""

from __future__ import annotations

import json
from typing import Any

from marsad.models import (
    ActorMention,
    Article,
    Claim,
    Document,
    Event,
    EventMention,
    IngestFailure,
    Toponym,
)

DOCUMENT_COLUMNS = (
    "doc_id", "kind", "origin", "content_sha", "title", "published", "url", "source",
    "author", "sitename", "lang", "encoding", "n_chars", "text",
)
ARTICLE_COLUMNS = (
    "rid", "article_id", "doc_id", "idx", "char_start", "char_end", "body_start", "body_end",
    "title", "title_start", "title_end", "published", "date_precision", "date_source",
    "lang", "source", "byline", "url", "duplicate_of", "related_titles", "boilerplate",
    "component", "version",
)
TOPONYM_COLUMNS = (
    "toponym_id", "doc_id", "article_id", "text", "char_start", "char_end", "geonameid",
    "name", "latitude", "longitude", "country", "admin1", "feature_class", "score",
    "component", "version",
)
ACTOR_COLUMNS = (
    "mention_id", "doc_id", "article_id", "text", "char_start", "char_end", "actor",
    "actor_type", "country", "component", "version",
)
MENTION_COLUMNS = (
    "mention_id", "doc_id", "article_id", "event_id", "lead", "event_type", "sub_event_type",
    "date", "time_precision", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "actor1", "actor1_type", "actor2", "actor2_type", "fatalities",
    "fatalities_min", "fatalities_max", "claimed_by", "status", "background", "cameo",
    "plover", "tags", "evidence", "char_start", "char_end", "component", "version",
)
CLAIM_COLUMNS = (
    "claim_id", "doc_id", "article_id", "claimant", "outlet", "verb", "content", "event_id",
    "status", "char_start", "char_end", "mention_id", "component", "version",
)
EVENT_COLUMNS = tuple(f for f in Event.__dataclass_fields__)
ERROR_COLUMNS = ("error_id", "doc_id", "origin", "stage", "reason", "detail")


def document_row(doc: Document) -> tuple:
    return (
        doc.doc_id, doc.kind.value, doc.origin, doc.content_sha, doc.title, doc.published, doc.url,
        doc.source, doc.author, doc.sitename, doc.lang, doc.encoding, len(doc.text), doc.text,
    )


def article_row(article: Article, rid: int) -> tuple:
    span = article.title_span
    return (
        rid, article.article_id, article.doc_id, article.index, article.char_start,
        article.char_end, article.body_start, article.body_end, article.title,
        span.start if span else None, span.end if span else None, article.published,
        _value(article.date_precision), article.date_source, article.lang, article.source,
        article.byline, article.url, article.duplicate_of,
        json.dumps(list(article.related_titles), ensure_ascii=False),
        json.dumps([[s.start, s.end] for s in article.boilerplate]),
        article.evidence.component, article.evidence.version,
    )


def toponym_row(t: Toponym) -> tuple:
    return _with_evidence(t, TOPONYM_COLUMNS)


def actor_row(a: ActorMention) -> tuple:
    return _with_evidence(a, ACTOR_COLUMNS)


def claim_row(c: Claim) -> tuple:
    return _with_evidence(c, CLAIM_COLUMNS)


def mention_row(m: EventMention, doc_text: str) -> tuple:
    values = _fields(m)
    values["evidence"] = doc_text[m.char_start : m.char_end]
    values["lead"] = int(m.lead)
    values["background"] = int(m.background)
    return tuple(values[c] for c in MENTION_COLUMNS)


def event_row(e: Event) -> tuple:
    values = _fields(e)
    return tuple(values[c] for c in EVENT_COLUMNS)


def error_row(f: IngestFailure) -> tuple:
    return (f.error_id, f.doc_id, f.origin, f.stage, f.reason, f.detail)


def _with_evidence(record: Any, columns: tuple[str, ...]) -> tuple:
    values = _fields(record)
    return tuple(values[c] for c in columns)


def _fields(record: Any) -> dict[str, Any]:
    values = {name: _value(getattr(record, name)) for name in record.__dataclass_fields__}
    evidence = getattr(record, "evidence", None)
    if evidence is not None and not isinstance(evidence, str):
        values["component"] = evidence.component
        values["version"] = evidence.version
    return values


def _value(value: Any) -> Any:
    return getattr(value, "value", value)
