"""Find where articles start: which headline lines open an article.

The units of a page alternate between stretches of body paragraphs and
*gaps* of other lines (headlines, dates, bylines, captions, widgets).  Each
gap before a body stretch is read as the possible header of a new article:

* lines up to the last break (a "Related News" marker, a widget, a notice)
  close the article before; the header zone is what follows the break;
* in the zone, the title is the last headline before the first date, byline
  or outlet line that follows a headline (a repeated headline counts at its
  first occurrence); with none of those, the last headline of the zone;
  very short lines (captions, names) are titles only when nothing else is;
* headlines before the title are teasers; headlines that repeat the current
  article's title, or sit under an image placeholder, are captions;
* whether the gap opens a new article at all is :func:`opens_article`: a
  lone short line between paragraphs is a subheading of the running article.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from enum import StrEnum

from marsad.segment import patterns as P
from marsad.segment.classify import BREAKS, CANDIDATES, META, Kind, Unit, is_arabic, is_strong_body
from marsad.segment.lines import word_count

# A lone headline between body paragraphs with at most this many words is
# taken for a subheading of the running article.
SUBHEADING_MAX_WORDS = 8
# Shorter lone lines are always subheadings.
HEADLINE_MIN_WORDS = 5
# A longer lone line opens an article only if most of its longer words
# (at least this many letters) are capitalised.
HEADLINE_WORD_MIN = 4
HEADLINE_CASE_SHARE = 0.6


class Layout(StrEnum):
    """How much evidence a new article needs, by the kind of text."""

    BLOCKS = "blocks"  # page dump with blank lines between paragraphs
    LINES = "lines"  # page dump with single line breaks only: layout says less
    CONTAINER = "container"  # HTML/WARC/feed/JSON Lines: usually one article


@dataclass(frozen=True, slots=True)
class Skeleton:
    """An article as a run of units: ``units[title]`` (if any) to the last body."""

    title: Unit | None
    lead_in: tuple[Unit, ...]  # units before the first article's title (page header)
    header: tuple[Unit, ...]  # units between the title and the first body unit
    content: tuple[Unit, ...]  # first body unit .. last body unit, with what is between
    trailer: tuple[Unit, ...]  # units after the last body up to the next title
    preface: tuple[Unit, ...] = ()  # a date or credit line standing right above the title


def headline_key(text: str) -> str:
    """A headline reduced to lower-case letters and digits, for comparison."""
    return P.NON_ALNUM.sub("", text).casefold()


def _zone_start(gap: tuple[Unit, ...]) -> int:
    breaks = [index for index, unit in enumerate(gap) if unit.kind in BREAKS]
    return breaks[-1] + 1 if breaks else 0


def _earliest_repeat(gap: tuple[Unit, ...], pool: list[int], chosen: int) -> int:
    key = headline_key(gap[chosen].text)
    return next((index for index in pool if headline_key(gap[index].text) == key), chosen)


def _pick_title(gap: tuple[Unit, ...], low: int, current_key: str) -> int | None:
    candidates = [
        index
        for index in range(low, len(gap))
        if gap[index].kind in CANDIDATES
        and not gap[index].after_image
        and headline_key(gap[index].text) != current_key
    ]
    if not candidates:
        return None
    majors = [index for index in candidates if gap[index].kind is Kind.HEADLINE]
    pool = majors or candidates
    metas = [index for index in range(pool[0] + 1, len(gap)) if gap[index].kind in META]
    if metas:
        chosen = [index for index in pool if index < metas[0]][-1]
    else:
        chosen = pool[-1]
    return _earliest_repeat(gap, pool, chosen)


def choose_title(gap: tuple[Unit, ...], current_key: str = "") -> int | None:
    """Index in ``gap`` of the headline that titles the body after it, or None."""
    zone = _zone_start(gap)
    chosen = _pick_title(gap, zone, current_key)
    if chosen is None and zone > 0:
        chosen = _pick_title(gap, 0, current_key)
    return chosen


def _is_repeated(gap: tuple[Unit, ...], title: int) -> bool:
    key = headline_key(gap[title].text)
    return any(headline_key(unit.text) == key for unit in gap[title + 1 :])


def opens_article(gap: tuple[Unit, ...], title: int, previous_body: Unit, layout: Layout) -> bool:
    """Whether the headline ``gap[title]`` starts a new article (not a subheading).

    Any layout: a date, byline or outlet line, or the title repeated, or a
    switch of script from the body before.  Blank-separated pages also take
    a break (marker, widget), another headline or caption in the gap, or a
    lone line that reads as a headline.  Line-separated pages, where teaser
    lists look like headers, take a break only when one headline follows it,
    and otherwise a change of script or a caption line before the title.
    """
    heading = gap[title]
    if layout is Layout.CONTAINER:
        after = gap[title + 1 :]
        return _is_repeated(gap, title) or any(unit.kind in (Kind.DATE, Kind.BYLINE) for unit in after)
    if _is_repeated(gap, title) or any(unit.kind in META for unit in gap):
        return True
    has_break = any(unit.kind in BREAKS for unit in gap)
    if layout is Layout.LINES:
        return _opens_in_lines(gap, title, previous_body, has_break)
    if is_arabic(heading.text) != is_arabic(previous_body.text):
        return True
    if has_break or any(unit.kind in CANDIDATES for index, unit in enumerate(gap) if index != title):
        return True
    return reads_as_headline(heading.text)


def _opens_in_lines(gap: tuple[Unit, ...], title: int, previous_body: Unit, has_break: bool) -> bool:
    """The weaker signals, as line-separated pages allow them."""
    if has_break:
        zone = gap[_zone_start(gap) :]
        return sum(1 for unit in zone if unit.kind is Kind.HEADLINE) == 1
    if is_arabic(gap[title].text) != is_arabic(previous_body.text):
        return True
    return any(unit.kind is Kind.MINOR for unit in gap[:title])


def reads_as_headline(text: str) -> bool:
    """Whether a lone line between paragraphs reads as a headline, not a subheading.

    Subheadings are short ("Background", "What comes next") or numbered
    items; headlines are longer and in Title Case, or name a place or topic
    before a colon ("Kirkuk: farmers agree …"), or are Arabic lines of
    several words (Arabic has no letter case to go by).
    """
    words = word_count(text)
    if words < HEADLINE_MIN_WORDS or P.NUMBERED_ITEM.match(text):
        return False
    if words > SUBHEADING_MAX_WORDS and is_headline_cased(text):
        return True
    return bool(P.COLON_HEADLINE.match(text)) or is_arabic(text)


def is_headline_cased(text: str) -> bool:
    """Whether a Latin-script line is in Title Case or capitals, as headlines are."""
    words = [word for word in P.LATIN_WORD.findall(text) if len(word) >= HEADLINE_WORD_MIN]
    if not words:
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised / len(words) >= HEADLINE_CASE_SHARE


def _body_positions(units: tuple[Unit, ...]) -> list[int]:
    return [index for index, unit in enumerate(units) if unit.kind is Kind.BODY]


def find_starts(units: tuple[Unit, ...], layout: Layout) -> list[tuple[int, int | None]]:
    """(first unit, title unit or None) of every article, in order."""
    bodies = _body_positions(units)
    starts: list[tuple[int, int | None]] = []
    current_key = ""
    previous = -1
    for body in bodies:
        gap = units[previous + 1 : body]
        title = choose_title(gap, current_key)
        if not starts:
            first = previous + 1 + title if title is not None else body
            starts.append((first, first if title is not None else None))
        elif (
            title is not None
            and (layout is not Layout.LINES or is_strong_body(units[body]))
            and opens_article(gap, title, units[previous], layout)
        ):
            starts.append((previous + 1 + title, previous + 1 + title))
        if starts[-1][1] is not None:
            current_key = headline_key(units[starts[-1][1]].text)
        previous = body
    return starts


def _preface(units: tuple[Unit, ...], first: int, title: int | None) -> tuple[Unit, ...]:
    if title is None or first == 0 or units[first - 1].kind not in (Kind.DATE, Kind.BYLINE):
        return ()
    return (units[first - 1],)


def build_skeletons(units: tuple[Unit, ...], layout: Layout) -> tuple[Skeleton, ...]:
    """Cut ``units`` into article skeletons (empty if there is no body unit)."""
    starts = find_starts(units, layout)
    bodies = _body_positions(units)
    skeletons: list[Skeleton] = []
    for number, (first, title) in enumerate(starts):
        limit = starts[number + 1][0] if number + 1 < len(starts) else len(units)
        first_body = bodies[bisect_left(bodies, first)]
        last_body = bodies[bisect_left(bodies, limit) - 1]
        skeletons.append(
            Skeleton(
                title=units[title] if title is not None else None,
                lead_in=units[:first] if number == 0 else (),
                header=units[first + 1 : first_body] if title is not None else (),
                content=units[first_body : last_body + 1],
                trailer=units[last_body + 1 : limit],
                preface=_preface(units, first, title),
            )
        )
    return tuple(skeletons)
