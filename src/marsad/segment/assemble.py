"""Turn skeletons into the spans and fields of articles (dates aside)."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.models import Document, Span
from marsad.segment.boundaries import Skeleton, headline_key
from marsad.segment.classify import CANDIDATES, Unit
from marsad.segment.fields import boilerplate_of, byline_of, related_of, source_of

# A first line at most this long may stand in as the title of an untitled text.
FALLBACK_TITLE_MAX_CHARS = 150
# How much text the language detector is shown.
LANGUAGE_SAMPLE_CHARS = 600


@dataclass(frozen=True, slots=True)
class Draft:
    """An article's spans and fields before dating."""

    char_start: int
    char_end: int
    body_start: int
    body_end: int
    title: str | None
    title_span: Span | None
    byline: str | None
    source: str | None
    related_titles: tuple[str, ...]
    boilerplate: tuple[Span, ...]


def fallback_skeleton(units: tuple[Unit, ...]) -> Skeleton:
    """The whole text as one article, for texts without any body paragraph."""
    first = units[0]
    titled = len(units) > 1 and first.kind in CANDIDATES and len(first.text) <= FALLBACK_TITLE_MAX_CHARS
    return Skeleton(
        title=first if titled else None,
        lead_in=(),
        header=(),
        content=units[1:] if titled else units,
        trailer=(),
    )


def same_headline(first: str, second: str) -> bool:
    """Whether two headlines are the same up to case and punctuation (or one holds the other)."""
    one, other = headline_key(first), headline_key(second)
    return bool(one and other) and (one in other or other in one)


def _title_of(
    skeleton: Skeleton, doc: Document, first: bool, container_title: bool
) -> tuple[str | None, Span | None]:
    found = skeleton.title
    if found is not None and not (container_title and doc.title and not same_headline(doc.title, found.text)):
        return found.text, Span(found.start, found.end)
    if first and doc.title:
        return doc.title.strip() or None, None
    return None, None


def draft_of(skeleton: Skeleton, doc: Document, *, first: bool, container_title: bool = False,
             default_source: str | None = None) -> Draft:
    """Spans and fields of one article.

    With ``container_title`` (a container document holding one article) the
    container's title wins over a first line that is not that title.
    """
    title, title_span = _title_of(skeleton, doc, first, container_title)
    body_start, body_end = skeleton.content[0].start, skeleton.content[-1].end
    char_start = skeleton.title.start if skeleton.title is not None else body_start
    return Draft(
        char_start=char_start,
        char_end=body_end,
        body_start=body_start,
        body_end=body_end,
        title=title,
        title_span=title_span,
        byline=byline_of(skeleton) or (doc.author if first else None),
        source=source_of(skeleton, doc.source or doc.sitename or default_source),
        related_titles=related_of(skeleton),
        boilerplate=boilerplate_of(skeleton),
    )


def language_of(text: str, draft: Draft) -> str | None:
    """The article's language by :mod:`marsad.normalize.lang`, if that is installed."""
    try:
        from marsad.normalize.lang import detect_language
    except ImportError:
        return None
    body_end = min(draft.body_end, draft.body_start + LANGUAGE_SAMPLE_CHARS)
    sample = f"{draft.title or ''} {text[draft.body_start : body_end]}".strip()
    try:
        return detect_language(sample) or None
    except Exception:  # noqa: BLE001 - a detector failure must not lose the article
        return None
