"""Give every article a publication date and say where the date came from.

In order of preference an article is dated by

* its own date line (or a dated "Posted by … on …" line) under the title —
  ``date_source="dateline"``;
* a full date standing as its own segment of the title ("WAR REPORT –
  NOVEMBER 27, 2017: …") — also ``"dateline"``;
* for the first article, the container's date (``"container"``); for
  container kinds (HTML, WARC, feed, JSON Lines) the container's date wins
  for the first article;
* otherwise the page context: the date of the nearest dated article before
  it, else the container's date, at month precision (``"page context"``).

Date values come from :mod:`marsad.normalize.dates`; nothing here parses
month names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from marsad.models import DatePrecision
from marsad.segment.boundaries import Skeleton
from marsad.segment.classify import Kind

DATELINE = "dateline"
CONTAINER = "container"
PAGE_CONTEXT = "page context"

# A container's date field longer than this is cut before parsing.
CONTAINER_DATE_MAX_CHARS = 200
_COARSENESS = (DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR)
_FOUR_DIGITS = re.compile(r"\d{4}")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?")
# What may stand right before/after a date that is its own segment of a title.
_SEGMENT_BEFORE = frozenset("–—-:|,([/")
_SEGMENT_AFTER = frozenset("–—-:|,)]/")


@dataclass(frozen=True, slots=True)
class DateTools:
    """The date helper's functions (see :mod:`marsad.normalize.dates`)."""

    parse_date: Callable[..., Any]
    looks_like_date_line: Callable[..., Any]
    infer_order: Callable[..., str | None]

    @classmethod
    def from_module(cls, module: Any | None = None) -> "DateTools":
        """Tools from ``module`` (anything with the three functions), default the helper."""
        if module is None:
            from marsad.normalize import dates as module
        return cls(module.parse_date, module.looks_like_date_line, module.infer_order)


@dataclass(frozen=True, slots=True)
class Dating:
    """An article's date: ISO day, precision and where it came from."""

    published: str | None = None
    precision: DatePrecision | None = None
    source: str | None = None


def coarser(first: DatePrecision, second: DatePrecision) -> DatePrecision:
    return max(first, second, key=_COARSENESS.index)


def page_order(skeletons: Iterable[Skeleton], tools: DateTools) -> str | None:
    """Day/month order of the page's numeric dates ("DMY", "MDY" or None)."""
    texts = [
        unit.text
        for skeleton in skeletons
        for unit in skeleton.header + skeleton.lead_in + skeleton.trailer
        if unit.kind in (Kind.DATE, Kind.BYLINE)
    ]
    return tools.infer_order(texts) if texts else None


def _dating(found: object, source: str) -> Dating:
    return Dating(found.date.isoformat(), found.precision, source)  # type: ignore[attr-defined]


def own_date(skeleton: Skeleton, order: str | None, tools: DateTools) -> Dating | None:
    """The date printed under the article's title, if any."""
    for unit in skeleton.header + skeleton.preface:
        if unit.kind is Kind.DATE:
            found = tools.looks_like_date_line(unit.text, order=order) or tools.parse_date(
                unit.text, order=order
            )
            if found is not None:
                return _dating(found, DATELINE)
    for unit in skeleton.header + skeleton.preface:
        if unit.kind is Kind.BYLINE:
            found = tools.parse_date(unit.text, order=order)
            if found is not None and found.precision is DatePrecision.DAY:
                return _dating(found, DATELINE)
    return None


def title_date(title: str, order: str | None, tools: DateTools) -> Dating | None:
    """A full date (with its year) that stands as a segment of the title."""
    found = tools.parse_date(title, order=order)
    if found is None or found.precision is not DatePrecision.DAY:
        return None
    if not _FOUR_DIGITS.search(found.text):
        return None
    before = title[: found.start].rstrip()
    after = title[found.end :].lstrip()
    if before and before[-1] not in _SEGMENT_BEFORE:
        return None
    if after and after[0] not in _SEGMENT_AFTER:
        return None
    return _dating(found, DATELINE)


def container_date(published: object, tools: DateTools) -> Dating | None:
    """The container's date (ISO or any form the date helper reads)."""
    if not published:
        return None
    value = str(published)
    iso = _ISO_DATE.match(value)
    if iso is not None:
        year, month, day = iso.groups()
        precision = DatePrecision.DAY if day else DatePrecision.MONTH
        return _checked(f"{year}-{month}-{day or '01'}", precision)
    found = tools.parse_date(value[:CONTAINER_DATE_MAX_CHARS])
    return _dating(found, CONTAINER) if found is not None else None


def _checked(iso: str, precision: DatePrecision) -> Dating | None:
    try:
        dt.date.fromisoformat(iso)
    except ValueError:
        return None
    return Dating(iso, precision, CONTAINER)


def in_context(context: Dating) -> Dating:
    """``context`` passed on to an undated article: month precision at best."""
    precision = coarser(context.precision or DatePrecision.DAY, DatePrecision.MONTH)
    return Dating(context.published, precision, PAGE_CONTEXT)


def date_articles(
    skeletons: tuple[Skeleton, ...],
    published: str | None,
    tools: DateTools,
    *,
    container_first: bool,
) -> tuple[Dating, ...]:
    """One :class:`Dating` per skeleton, in order."""
    order = page_order(skeletons, tools)
    container = container_date(published, tools)
    datings: list[Dating] = []
    context: Dating | None = None
    for number, skeleton in enumerate(skeletons):
        found = own_date(skeleton, order, tools)
        if found is None and skeleton.title is not None:
            found = title_date(skeleton.title.text, order, tools)
        if number == 0 and container is not None and (container_first or found is None):
            found = container
        if found is None:
            base = context or container
            found = in_context(base) if base is not None else Dating()
        else:
            context = found
        datings.append(found)
    return tuple(datings)
