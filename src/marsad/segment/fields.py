"""Read an article's fields off its skeleton: byline, outlet, teasers, boilerplate.

Dates are read in :mod:`marsad.segment.dating`; this module only looks at
which lines of the header, body and trailer say what.
"""

from __future__ import annotations

import re
from typing import Sequence

from marsad.models import Span
from marsad.segment import patterns as P
from marsad.segment.boundaries import Skeleton, headline_key
from marsad.segment.classify import Kind, Unit, is_body_text, source_name
from marsad.segment.lines import word_count

_SPACES = re.compile(r"\s+")
# Kinds of lines that are dropped text wherever they stand.
_DROPPED = frozenset({Kind.CHROME, Kind.MARKER, Kind.IMAGE, Kind.LIST, Kind.MINOR})


def clean(text: str) -> str:
    """``text`` with runs of whitespace (no-break spaces too) made one space."""
    return _SPACES.sub(" ", text).strip()


def _is_name(text: str) -> bool:
    return bool(P.ENGLISH_NAME.match(text) or P.ARABIC_NAME.match(text))


def _names_someone(text: str) -> bool:
    """A credit line with a name: "By …", "Written by …" (not a bare "Published: <date>")."""
    return bool(P.BYLINE_LINE.match(text)) or " by " in text.casefold()


def byline_of(skeleton: Skeleton) -> str | None:
    """The author line: "By …"/"Written by …", else a bare name, else "Posted by …"."""
    bylines = [
        unit.text
        for unit in skeleton.header + skeleton.preface
        if unit.kind is Kind.BYLINE and _names_someone(unit.text)
    ]
    preferred = [text for text in bylines if not text.casefold().startswith(("posted", "submitted"))]
    names = [unit.text for unit in skeleton.header if unit.kind is Kind.MINOR and _is_name(unit.text)]
    for found in (preferred, names, bylines):
        if found:
            return clean(P.GLUED_CREDIT.sub("", found[0])) or None
    return None


def _named_sources(units: tuple[Unit, ...]) -> list[str]:
    names = (source_name(unit.text) for unit in units if unit.kind is Kind.SOURCE)
    return [clean(name) for name in names if name]


def _agency_dateline(skeleton: Skeleton) -> list[str]:
    first = skeleton.content[0].text if skeleton.content else ""
    match = P.AGENCY_DATELINE.match(first)
    return [match.group("name")] if match else []


def source_of(skeleton: Skeleton, fallback: str | None) -> str | None:
    """The outlet: header line, agency dateline, trailer or body line, else ``fallback``."""
    for found in (
        _named_sources(skeleton.header),
        _agency_dateline(skeleton),
        _named_sources(skeleton.trailer),
        _named_sources(skeleton.content),
    ):
        if found:
            return found[0]
    return fallback


def _teasers_in(units: tuple[Unit, ...]) -> list[str]:
    """Headlines offered as teasers: headline lines, and list lines after a marker."""
    teasers: list[str] = []
    after_marker = False
    for unit in units:
        if unit.kind is Kind.MARKER:
            after_marker = True
        elif unit.kind is Kind.HEADLINE:
            teasers.append(clean(unit.text))
        elif unit.kind is Kind.LIST and after_marker:
            teasers.extend(clean(line.text) for line in unit.lines if _teaser_line(line.text))
    return teasers


def _teaser_line(text: str) -> bool:
    return not is_body_text(text, word_count(text)) and word_count(text) > 3


def related_of(skeleton: Skeleton) -> tuple[str, ...]:
    """Teaser headlines of the page header (first article) and of the trailer."""
    return tuple(_teasers_in(skeleton.lead_in) + _teasers_in(skeleton.trailer))


def _caption_in_header(unit: Unit) -> bool:
    """Captions and widgets between the title and the body (not names, dates)."""
    if unit.kind is Kind.MINOR:
        return not _is_name(unit.text)
    if unit.kind is Kind.HEADLINE:
        return unit.after_image
    return unit.kind in _DROPPED


def _dropped_in_content(unit: Unit, title_key: str) -> bool:
    """Captions, widgets and teasers inside the body (subheadings stay)."""
    if unit.kind is Kind.HEADLINE:
        return unit.after_image or headline_key(unit.text) == title_key
    if unit.kind is Kind.MINOR:
        return unit.after_image or bool(P.SERIAL_CAPTION.search(unit.text))
    return unit.kind in _DROPPED


def _dropped_around(unit: Unit) -> bool:
    """Everything before or after an article but its metadata lines."""
    return unit.kind not in (Kind.SOURCE, Kind.BODY, Kind.DATE, Kind.BYLINE)


def boilerplate_of(skeleton: Skeleton) -> tuple[Span, ...]:
    """Spans of dropped text in and around the article, in document order."""
    title_key = headline_key(skeleton.title.text) if skeleton.title else ""
    units = [unit for unit in skeleton.lead_in if _dropped_around(unit)]
    units += [unit for unit in skeleton.header if _caption_in_header(unit)]
    units += [unit for unit in skeleton.content if _dropped_in_content(unit, title_key)]
    units += [unit for unit in skeleton.trailer if _dropped_around(unit)]
    spans = sorted({(unit.start, unit.end) for unit in units})
    return tuple(Span(start, end) for start, end in spans)


_MASTHEAD = re.compile(r"^(?P<name>[^\W\d_][^|—–:\d]{1,38}?)\s+(?:\||—|–)\s+\S")
_NAV_SEPARATORS = re.compile(r"\s\|\s|\s{3,}")
MASTHEAD_WORDS = 4
MASTHEAD_CHARS = 70  # a masthead is a short line ("Name | Section"); a dateline opens a long one


def _section_or_menu(rest: str) -> bool:
    """What follows a masthead's name: a short section name, or a menu of several."""
    return len(_NAV_SEPARATORS.findall(rest)) >= 2 or len(rest.split()) <= MASTHEAD_WORDS + 1


def masthead_outlet(lines: Sequence[str]) -> str | None:
    """The outlet a page dump's masthead names: "Tigris Wire | Iraq Desk", "قلم نيوز | الرئيسية | …",
    "Levant Dispatch — Iraq notebook", or a bare name followed by a navigation line; else None.
    A masthead line is short and holds no digits; its name has at most four words."""
    if not lines:
        return None
    first = lines[0].strip()
    if len(first) > MASTHEAD_CHARS or any(c.isdigit() for c in first):
        return None
    match = _MASTHEAD.match(first)
    if match is None and len(lines) > 1 and len(_NAV_SEPARATORS.findall(lines[1])) >= 3:
        name = first
    elif match is not None and _section_or_menu(first[match.end("name"):]):
        name = match.group("name").strip()
    else:
        return None
    words = name.split()
    if not 1 <= len(words) <= MASTHEAD_WORDS or name[-1] in ".!?؟:," or any(c.isdigit() for c in name):
        return None
    return name
