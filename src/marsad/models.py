"""Typed, frozen records passed between the stages of the pipeline.

ingest -> segment -> normalize -> dedup -> places -> actors -> events/claims -> fuse -> store

Every record has a deterministic id (see :mod:`marsad.ids`) and every extracted
record carries :class:`Evidence`: the document, the character span in that
document's text, and the component (with its version) that produced it.
Offsets are always into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Mapping

from marsad.ids import make_id


class DocKind(StrEnum):
    """The input kinds of the public contract."""

    PAGE = "page"  # plain-text page dump
    HTML = "html"  # web page
    WARC = "warc"  # one HTML response record of a web archive
    FEED = "feed"  # one item of an RSS/Atom feed
    JSONL = "jsonl"  # one line of JSON Lines


class Status(StrEnum):
    """How a mention or claim stands: a claim is never stored as a fact."""

    REPORTED = "reported"
    CLAIMED = "claimed"
    DISPUTED = "disputed"
    DENIED = "denied"


class DatePrecision(StrEnum):
    """How exact a date is; maps onto the contract's time_precision 1/2/3."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @property
    def time_precision(self) -> int:
        return {"day": 1, "week": 2}.get(self.value, 3)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a field came from: document, span, and the producing component."""

    doc_id: str
    char_start: int
    char_end: int
    component: str
    version: str


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One document as read from the input, before decoding or extraction.

    ``meta`` holds what the container told us (title, url, published, source,
    lang for JSON Lines; target URI and date for WARC; entry fields for feeds).
    ``fmt`` says how to turn ``payload`` into text: ``text`` (bytes of unknown
    encoding), ``html`` (bytes or str of HTML) or ``str`` (already text).
    """

    doc_id: str
    kind: DocKind
    origin: str
    payload: bytes
    fmt: str
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class Document:
    """One input document with its text and what its container said of it."""

    doc_id: str
    kind: DocKind
    origin: str
    text: str
    content_sha: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    sitename: str | None = None
    lang: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article cut from a document; offsets are into the document's text."""

    article_id: str
    doc_id: str
    index: int
    char_start: int
    char_end: int
    body_start: int
    body_end: int
    evidence: Evidence
    title: str | None = None
    title_span: Span | None = None
    published: str | None = None
    date_precision: DatePrecision | None = None
    date_source: str | None = None
    byline: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    related_titles: tuple[str, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    duplicate_of: str | None = None

    @staticmethod
    def make_id(doc_id: str, char_start: int, char_end: int) -> str:
        return make_id("art", doc_id, char_start, char_end)


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place mention and, when resolved, the GeoNames entry it names."""

    toponym_id: str
    doc_id: str
    article_id: str
    text: str
    char_start: int
    char_end: int
    evidence: Evidence
    geonameid: int | None = None
    name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature_class: str | None = None
    score: float | None = None
    geo_precision: int | None = None

    @staticmethod
    def make_id(doc_id: str, char_start: int, char_end: int) -> str:
        return make_id("top", doc_id, char_start, char_end)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in an article, mapped to a known or generic actor."""

    mention_id: str
    doc_id: str
    article_id: str
    text: str
    char_start: int
    char_end: int
    evidence: Evidence
    actor: str | None = None
    actor_type: str | None = None
    country: str | None = None

    @staticmethod
    def make_id(doc_id: str, char_start: int, char_end: int) -> str:
        return make_id("act", doc_id, char_start, char_end)


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one article reports it (a row of the mentions table)."""

    mention_id: str
    doc_id: str
    article_id: str
    char_start: int
    char_end: int
    evidence: Evidence
    event_type: str
    sub_event_type: str
    lead: bool = False
    event_id: str | None = None
    date: str | None = None
    time_precision: int | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    actor1: str | None = None
    actor1_type: str | None = None
    actor2: str | None = None
    actor2_type: str | None = None
    fatalities: int | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    claimed_by: str | None = None
    status: Status = Status.REPORTED
    background: bool = False
    cameo: str | None = None
    plover: str | None = None
    tags: str | None = None

    @staticmethod
    def make_id(doc_id: str, char_start: int, char_end: int, sub_event_type: str) -> str:
        return make_id("men", doc_id, char_start, char_end, sub_event_type)


@dataclass(frozen=True, slots=True)
class Event:
    """One real event, fused from its mentions (ACLED column names)."""

    event_id: str
    event_date: str
    time_precision: int
    event_type: str
    sub_event_type: str
    n_mentions: int
    n_sources: int
    status: Status
    disorder_type: str | None = None
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
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    tags: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """Who says what: a statement attributed to a speaker, never a fact."""

    claim_id: str
    doc_id: str
    article_id: str
    char_start: int
    char_end: int
    evidence: Evidence
    content: str
    verb: str
    status: Status
    claimant: str | None = None
    outlet: str | None = None
    mention_id: str | None = None  # the event mention the claim concerns
    event_id: str | None = None  # filled by fusion from ``mention_id``

    @staticmethod
    def make_id(doc_id: str, char_start: int, char_end: int) -> str:
        return make_id("clm", doc_id, char_start, char_end)


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """A document (or input) that could not be processed, and why."""

    doc_id: str
    origin: str
    stage: str
    reason: str
    detail: str = ""

    @property
    def error_id(self) -> str:
        return make_id("err", self.doc_id, self.stage, self.reason)


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything the processing stages produced for one document."""

    document: Document
    articles: tuple[Article, ...] = ()
    toponyms: tuple[Toponym, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    mentions: tuple[EventMention, ...] = ()
    claims: tuple[Claim, ...] = ()
