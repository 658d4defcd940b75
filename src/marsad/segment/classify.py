"""Say what each line of a page is: body, headline candidate, date, byline …

Classification looks at one line at a time (plus, for dates, the date helper
of :mod:`marsad.normalize.dates`).  Grouping lines into the units the
boundary finder walks over is done by :func:`build_units`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Callable, Protocol

from marsad.segment import patterns as P
from marsad.segment.lines import Line, group_blocks, uses_blank_lines, word_count

# A line this long (or with this many words) is body text whatever it ends with.
BODY_MIN_CHARS = 200
BODY_MIN_WORDS = 26
# A short line needs this many words and a terminal mark to count as body.
SENTENCE_MIN_WORDS = 4
# A question or exclamation this short can still be a headline.
HEADLINE_QUESTION_MAX_WORDS = 16
# In a block of several lines, one body line of this size makes it a paragraph.
BLOCK_BODY_MIN_WORDS = 10
BLOCK_BODY_MIN_CHARS = 80
# Headline candidates of at most this many words are "minor" lines.
MINOR_MAX_WORDS = 3
MINOR_MAX_CHARS = 40
# How much of a line's end the end-of-line patterns look at.
TAIL_CHARS = 16
# Widget lines are short; notices say what they are early on.
CHROME_MAX_CHARS = 300
NOTICE_PREFIX_CHARS = 300
BIO_MAX_CHARS = 200
# Captions are short; their credit stands at the end.
CAPTION_MAX_CHARS = 300
CAPTION_TAIL_CHARS = 120
# An outlet's bare name ("Tigris Wire", "Euphrates Monitor") is this short;
# after "Source:" it may be a little longer ("Al-Manar English Website").
OUTLET_MAX_WORDS = 4
OUTLET_MAX_NAME_WORDS = 6
# How much of a text tells its script.
SCRIPT_SAMPLE_CHARS = 400
# A "By …" line ending with a full stop is a byline only if this short.
BYLINE_SENTENCE_MAX_WORDS = 5
# "By Monday, the troops …": a sentence, not a byline.
_SENTENCE_AFTER_BY = re.compile(r"^\S+,\s+[a-z]")
# Date lines (with a weekday, a time or an outlet's name) are this short.
DATE_LINE_MAX_CHARS = 60
# Lines longer than this are never a date, byline or outlet line.
META_MAX_CHARS = 160
META_MAX_WORDS = 14


class Kind(StrEnum):
    BODY = "body"  # paragraph of article text
    HEADLINE = "headline"  # short line that may be a title (or a teaser)
    MINOR = "minor"  # very short line: caption, name, section label
    DATE = "date"  # a line that is only a date
    BYLINE = "byline"  # "By …", "Written by …", "Posted by …"
    SOURCE = "source"  # "Source: …", a bare outlet name
    MARKER = "marker"  # "Related News" and the like
    CHROME = "chrome"  # widgets, notices, disclaimers: breaks a header
    IMAGE = "image"  # image placeholder or caption inside a header/body
    LIST = "list"  # a block of short lines (teasers, credits, captions)


BREAKS = frozenset({Kind.MARKER, Kind.CHROME})
META = frozenset({Kind.DATE, Kind.BYLINE, Kind.SOURCE})
CANDIDATES = frozenset({Kind.HEADLINE, Kind.MINOR})

class FoundDate(Protocol):
    """What the date helper returns (:class:`marsad.normalize.dates.ParsedDate`)."""

    start: int
    end: int
    text: str


DateProbe = Callable[[str], FoundDate | None]


@dataclass(frozen=True, slots=True)
class Unit:
    """A line or block with its kind; offsets are into the document text."""

    start: int
    end: int
    text: str
    kind: Kind
    lines: tuple[Line, ...]
    after_image: bool = False  # directly under an image placeholder (a caption)


def is_arabic(text: str) -> bool:
    """Whether Arabic letters outnumber Latin ones (in the text's opening)."""
    sample = text[:SCRIPT_SAMPLE_CHARS]
    return len(P.ARABIC_LETTER.findall(sample)) > len(P.LATIN_LETTER.findall(sample))


def _strip_closers(text: str) -> str:
    return text.rstrip(P.CLOSERS)


def is_body_text(text: str, words: int) -> bool:
    """Whether a line reads as article prose rather than a heading."""
    if words >= BODY_MIN_WORDS or len(text) >= BODY_MIN_CHARS:
        return True
    core = _strip_closers(text)
    if not core or P.ELLIPSIS_END.search(core):
        return False
    last = core[-1]
    if last in P.QUESTION_END:
        return words > HEADLINE_QUESTION_MAX_WORDS
    if last in P.SENTENCE_END:
        return words >= SENTENCE_MIN_WORDS and not P.ABBREVIATION_END.search(core[-TAIL_CHARS:])
    return False


def _is_short_meta(text: str, words: int) -> bool:
    return len(text) <= META_MAX_CHARS and words <= META_MAX_WORDS


def _starts_like_name(text: str) -> bool:
    first = text[:1]
    return bool(first) and (not first.isascii() or first.isupper() or first.isdigit())


def is_byline(text: str, words: int) -> bool:
    """Author or credit lines: "By …", "Written by …", "Posted on <date> by …"."""
    if P.DATED_CREDIT_LINE.match(text) and _is_short_meta(text, words):
        return True
    match = P.BYLINE_LINE.match(text)
    if match is None or not _is_short_meta(text, words):
        return False
    who = match.group("who")
    if not _starts_like_name(who) or _SENTENCE_AFTER_BY.match(who):
        return False
    core = _strip_closers(text)
    ends_sentence = core.endswith(".") and not P.ABBREVIATION_END.search(core[-TAIL_CHARS:])
    return not (ends_sentence and words > BYLINE_SENTENCE_MAX_WORDS)



def source_name(text: str) -> str | None:
    """The outlet a source line names ("" for a bare "Source"), or None."""
    words = word_count(text)
    if not _is_short_meta(text, words) or words > 8:
        return None
    match = P.SOURCE_LINE.match(text)
    if match is not None:
        name = match.group("name").strip(" :–—-~|")
        if not name or (_starts_like_name(name) and word_count(name) <= OUTLET_MAX_NAME_WORDS):
            if not is_body_text(text, words):
                return name
    if P.outlet_key(text) in P.KNOWN_OUTLETS:
        return text
    if words <= OUTLET_MAX_WORDS and _is_name_like(text) and P.OUTLET_WORDS.search(text):
        return text
    return None


def _is_name_like(text: str) -> bool:
    return bool(P.ENGLISH_NAME.match(text) or P.ARABIC_NAME.match(text))



def is_chrome(text: str) -> bool:
    """Widgets, notices, disclaimers, punctuation-only lines, author bios."""
    return bool(
        (len(text) <= CHROME_MAX_CHARS and P.CHROME_LINE.match(text))
        or is_notice(text)
        or not P.HAS_WORD_CHAR.search(text)
        or (len(text) <= CHROME_MAX_CHARS and P.MENU_LINE.match(text))
        or (len(text) <= BIO_MAX_CHARS and P.BIO_LINE.match(text))
    )


def is_notice(text: str) -> bool:
    """Disclaimers, copyright and fair-use notices."""
    if P.NOTICE_START.match(text):
        return True
    opening = text[:NOTICE_PREFIX_CHARS]
    lowered = opening.lower()
    return any(hint in lowered for hint in P.NOTICE_HINTS) and bool(P.NOTICE_WORDS.search(opening))


def is_image(text: str) -> bool:
    """Image placeholders, file names, caption sentences and profile credits."""
    if len(text) > CAPTION_MAX_CHARS:
        return False
    return bool(
        P.IMAGE_LINE.match(text)
        or P.CAPTION_TAIL.search(text[-CAPTION_TAIL_CHARS:])
        or P.SOCIAL_PROFILE.search(text)
    )


def is_minor(text: str, words: int) -> bool:
    """Very short headline-like lines: captions, names, section labels, kickers."""
    return (
        (words <= MINOR_MAX_WORDS and len(text) <= MINOR_MAX_CHARS)
        or bool(P.SERIAL_CAPTION.search(text[-TAIL_CHARS:]))
        or bool(P.KICKER_LINE.match(text))
    )


def is_dated_credit(text: str, find_date: DateProbe | None) -> bool:
    """"Global Research, October 06, 2015", "Al Mayadeen | 27 Jul 2021": outlet and date."""
    if find_date is None or len(text) > DATE_LINE_MAX_CHARS:
        return False
    found = find_date(text)
    if found is None or not P.FOUR_DIGITS.search(found.text):
        return False
    before = text[: found.start].rstrip()
    after = text[found.end :].strip()
    if before and after:
        return False
    joined = before[-1:] in P.CREDIT_SEPARATORS if before else after[:1] in P.CREDIT_SEPARATORS
    name = (before or after).strip("".join(P.CREDIT_SEPARATORS) + " ")
    return joined and bool(name) and word_count(name) <= OUTLET_MAX_WORDS and _is_name_like(name)


def classify_line(text: str, probe_date: DateProbe, find_date: DateProbe | None = None) -> Kind:
    """The kind of one trimmed line taken on its own."""
    if len(text) > CHROME_MAX_CHARS:  # too long for anything but prose or a notice
        return Kind.CHROME if is_notice(text) else Kind.BODY
    words = word_count(text)
    if P.MARKER_LINE.match(text):
        return Kind.MARKER
    if is_chrome(text):
        return Kind.CHROME
    if is_image(text):
        return Kind.IMAGE
    if len(text) <= DATE_LINE_MAX_CHARS and P.HAS_DIGIT.search(text):
        if probe_date(text) is not None or is_dated_credit(text, find_date):
            return Kind.DATE
    if is_byline(text, words):
        return Kind.BYLINE
    if source_name(text) is not None:
        return Kind.SOURCE
    if is_body_text(text, words):
        return Kind.BODY
    return Kind.MINOR if is_minor(text, words) else Kind.HEADLINE


def _is_strong_body(line: Line, kind: Kind) -> bool:
    return kind is Kind.BODY and (
        len(line.text) >= BLOCK_BODY_MIN_CHARS or word_count(line.text) >= BLOCK_BODY_MIN_WORDS
    )


def is_strong_body(unit: Unit) -> bool:
    """A body unit substantial enough to anchor an article (not a stray short line)."""
    return any(_is_strong_body(line, unit.kind) for line in unit.lines)


def _span_unit(lines: tuple[Line, ...], kind: Kind, text: str) -> Unit:
    start, end = lines[0].start, lines[-1].end
    return Unit(start, end, text[start:end], kind, lines)


def _line_units(lines: tuple[Line, ...], kinds: list[Kind]) -> list[Unit]:
    units: list[Unit] = []
    for index, (line, kind) in enumerate(zip(lines, kinds)):
        after_image = index > 0 and kinds[index - 1] is Kind.IMAGE and lines[index - 1].block == line.block
        units.append(Unit(line.start, line.end, line.text, kind, (line,), after_image))
    return units


def _block_units(block: tuple[Line, ...], kinds: list[Kind], text: str) -> list[Unit]:
    """Units for one blank-separated block of several lines."""
    if Kind.DATE in kinds or Kind.MARKER in kinds:
        return _line_units(block, kinds)
    if any(_is_strong_body(line, kind) for line, kind in zip(block, kinds)):
        first_body = kinds.index(Kind.BODY)
        head = _line_units(block[:first_body], kinds[:first_body])
        return head + [_span_unit(block[first_body:], Kind.BODY, text)]
    if Kind.CHROME in kinds:
        return [_span_unit(block, Kind.CHROME, text)]
    if all(kind is Kind.IMAGE for kind in kinds):
        return [_span_unit(block, Kind.IMAGE, text)]
    return [_span_unit(block, Kind.LIST, text)]


def build_units(
    lines: tuple[Line, ...], text: str, probe_date: DateProbe, find_date: DateProbe | None = None
) -> tuple[Unit, ...]:
    """Classify ``lines`` and group them into the units boundaries are found on.

    ``probe_date`` tells a line that is only a date (``looks_like_date_line``);
    ``find_date`` finds a date inside a line (``parse_date``).
    """
    kinds = [classify_line(line.text, probe_date, find_date) for line in lines]
    if not uses_blank_lines(lines):
        return tuple(_line_units(lines, kinds))
    units: list[Unit] = []
    position = 0
    for block in group_blocks(lines):
        block_kinds = kinds[position : position + len(block)]
        position += len(block)
        if len(block) == 1:
            units.extend(_line_units(block, block_kinds))
        else:
            units.extend(_block_units(block, block_kinds, text))
    return tuple(units)
