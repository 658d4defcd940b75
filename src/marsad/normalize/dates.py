"""Publication dates: parse the date forms news pages print, fast.

The segmenter calls :func:`parse_date` and :func:`looks_like_date_line` on
many candidate lines, so the common forms go through one compiled regular
expression over a *length-preserving* fold of the line (Arabic-Indic digits
to ASCII, alef/ya/ta-marbuta variants to one letter); spans found in the fold
are therefore spans of the original line.  dateparser is only a fallback,
loaded when a caller asks for it.

Forms read: "27 Jul 2021", "22 Jul 21", "MARCH 30, 2021", "Sep 21, 2021",
"18/07/2021", "31.12.2017", "2021-07-27", "July 2021", Levantine and
Egyptian Arabic month names ("أيلول 4 2021", "الثلاثاء 13 نيسان 2021",
"4 أيلول/سبتمبر 2021"), with or without a weekday in front.

Numeric day/month order: a first field above 12 means day-month-year, a
second field above 12 means month-day-year; otherwise ``order`` decides and
defaults to day-month-year (the outlets are mostly Middle-Eastern).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping

from marsad.models import DatePrecision

MIN_YEAR = 1900
MAX_YEAR = 2100
MAX_DATE_LINE = 60
DIGIT_REACH = 64  # weekday + month + twin month can precede the first digit
TWO_DIGIT_PIVOT = 70  # "21" -> 2021, "85" -> 1985
FUTURE_GRACE_DAYS = 7  # a day without a year may lie this far after the anchor

ENGLISH_MONTHS = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"),
)
_LEVANTINE_MONTHS = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
)
_EGYPTIAN_MONTHS = (
    ("يناير",), ("فبراير",), ("مارس",), ("أبريل", "إبريل", "ابريل"),
    ("مايو", "ماي"), ("يونيو", "يونيه"), ("يوليو", "يوليه"), ("أغسطس", "اغسطس"),
    ("سبتمبر",), ("أكتوبر", "اكتوبر"), ("نوفمبر",), ("ديسمبر",),
)
ENGLISH_WEEKDAYS = (
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"), ("friday", "fri"),
    ("saturday", "sat"), ("sunday", "sun"),
)
# Folded spellings (see fold_for_dates), Monday first like datetime.weekday().
ARABIC_WEEKDAYS = (
    "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد",
)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date found in a piece of text; ``start:end`` is its span there."""

    date: dt.date
    precision: DatePrecision
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _fold_pairs() -> tuple[tuple[str, str], ...]:
    pairs = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"}
    for value in range(10):
        pairs[chr(0x0660 + value)] = str(value)
        pairs[chr(0x06F0 + value)] = str(value)
    return tuple(pairs.items())


def fold_for_dates(text: str) -> str:
    """Same-length fold: lower case, Eastern digits to ASCII, Arabic letter
    variants to one letter; offsets in the fold are offsets in ``text``."""
    folded = text.lower()
    if folded.isascii():
        return folded
    if len(folded) != len(text):  # "İ" and a few others grow when lowered
        folded = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    for variant, plain in _fold_pairs():
        if variant in folded:
            folded = folded.replace(variant, plain)
    return folded


@lru_cache(maxsize=1)
def month_numbers() -> Mapping[str, int]:
    """Folded, lower-cased month name or abbreviation -> month number."""
    numbers: dict[str, int] = {}
    for number, names in enumerate(ENGLISH_MONTHS, start=1):
        numbers.update((name, number) for name in names)
    for number, name in enumerate(_LEVANTINE_MONTHS, start=1):
        numbers[fold_for_dates(name)] = number
    for number, names in enumerate(_EGYPTIAN_MONTHS, start=1):
        numbers.update((fold_for_dates(name), number) for name in names)
    return MappingProxyType(numbers)


def month_number(name: str) -> int | None:
    """Month number of a (folded or not) month name, spaces squeezed."""
    key = " ".join(fold_for_dates(name).lower().rstrip(".").split())
    return month_numbers().get(key)


@lru_cache(maxsize=1)
def month_pattern() -> str:
    """Regex alternation of every month name (longest first), no groups."""
    names = sorted(month_numbers(), key=len, reverse=True)
    return "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names)


@lru_cache(maxsize=1)
def weekday_pattern() -> str:
    """Regex alternation of English and folded Arabic weekday names."""
    english = sorted((n for names in ENGLISH_WEEKDAYS for n in names), key=len, reverse=True)
    arabic = (f"(?:يوم\\s+)?{name}" for name in ARABIC_WEEKDAYS)
    return "|".join([*english, *arabic])


_WORD_BEFORE = r"(?<![0-9A-Za-z\u0621-\u064a])"
_WORD_AFTER = r"(?![0-9A-Za-z\u0621-\u064a])"
_NUMBER_BEFORE = r"(?<![0-9.,/:-])"


def _month_group(name: str) -> str:
    """A month name, optionally followed by its other-calendar twin: "نيسان/أبريل"."""
    months = month_pattern()
    twin = rf"(?:\s*[/(]\s*(?:{months})\.?\s*\)?)?"
    return rf"(?P<{name}>{months})\.?{twin}{_WORD_AFTER}"


@lru_cache(maxsize=4)
def date_regex(allow_year: bool, two_digit_year: bool) -> re.Pattern[str]:
    """The one expression for every absolute form; each form has its groups."""
    short = r"|[0-9]{2}" if two_digit_year else ""
    sfx = r"(?:st|nd|rd|th)?"
    time = r"(?:[t ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:z|[+-][0-9]{2}:?[0-9]{2})?)?"
    iso = rf"(?P<iy>[0-9]{{4}})(?P<isep>[-/.])(?P<im>[0-9]{{1,2}})(?P=isep)(?P<id>[0-9]{{1,2}})(?![0-9]){time}"
    num = (
        r"(?P<na>[0-9]{1,2})(?P<nsep>[./-])(?P<nb>[0-9]{1,2})(?P=nsep)"
        rf"(?P<ny>[0-9]{{4}}{short})(?![0-9]|[./-][0-9])"
    )
    dmy = (
        rf"(?P<dd>[0-9]{{1,2}}){sfx}(?:\s*(?:of\s+|من\s+)?|[-.])" + _month_group("dm")
        + rf"(?:\s*[-.,،]?\s*)(?:(?:سنه|عام)\s+)?(?P<dy>[0-9]{{4}}{short})(?![0-9:])"
    )
    mdy = (
        _month_group("mm") + rf"(?:[\s,،-]*(?P<md>[0-9]{{1,2}}){sfx}(?![0-9])\s*[,،]?)?"
        + r"\s*[,،]?\s*(?P<my>[0-9]{4})(?![0-9])"
    )
    forms = [iso, num, dmy, mdy]
    if allow_year:
        forms.append(r"(?P<year>(?:19|20)[0-9]{2})(?![0-9])")
    weekday = rf"(?:(?:{weekday_pattern()})\.?\s*[,،]?\s*)?"
    body = "|".join(f"(?:{_NUMBER_BEFORE}{form})" for form in forms)
    return re.compile(rf"{_WORD_BEFORE}{weekday}(?:{body})")


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < TWO_DIGIT_PIVOT else 1900
    return year


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_month(first: int, second: int, order: str | None) -> tuple[int, int] | None:
    """(day, month) of a numeric date's first two fields."""
    if first > 12 and second > 12:
        return None
    if first > 12:
        return first, second
    if second > 12:
        return second, first
    if (order or "DMY").upper() == "MDY":
        return second, first
    return first, second


def _value_of(match: re.Match[str], order: str | None) -> tuple[dt.date | None, DatePrecision]:
    """Date and precision of a match of :func:`date_regex`."""
    group = match.group
    if group("iy"):
        return _make_date(int(group("iy")), int(group("im")), int(group("id"))), DatePrecision.DAY
    if group("na"):
        day_month = _day_month(int(group("na")), int(group("nb")), order)
        if day_month is None:
            return None, DatePrecision.DAY
        return _make_date(_full_year(group("ny")), day_month[1], day_month[0]), DatePrecision.DAY
    if group("dm"):
        month = month_number(group("dm"))
        return _make_date(_full_year(group("dy")), month or 0, int(group("dd"))), DatePrecision.DAY
    if group("mm"):
        month = month_number(group("mm")) or 0
        if group("md") is None:
            return _make_date(int(group("my")), month, 1), DatePrecision.MONTH
        return _make_date(int(group("my")), month, int(group("md"))), DatePrecision.DAY
    return _make_date(int(group("year")), 1, 1), DatePrecision.YEAR


def iter_dates(
    text: str,
    *,
    order: str | None = None,
    allow_year: bool = False,
    two_digit_year: bool = True,
) -> Iterator[ParsedDate]:
    """Every valid absolute date in ``text``, left to right, spans into ``text``."""
    folded = fold_for_dates(text)
    digits = (run.start() for run in _digit_run().finditer(folded))
    # Every form holds a digit at most DIGIT_REACH characters from its start.
    for match in matches_near(date_regex(allow_year, two_digit_year), folded, digits, DIGIT_REACH, 2 * DIGIT_REACH):
        value, precision = _value_of(match, order)
        if value is not None:
            start, end = match.span()
            yield ParsedDate(value, precision, start, end, text[start:end])


def matches_near(
    pattern: re.Pattern[str], text: str, places: Iterable[int], before: int, after: int
) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` that contain one of ``places``
    (sorted), searched only from ``before`` characters ahead of each place to
    ``after`` characters past it: much faster than scanning a long text
    position by position when every match must hold such a place."""
    done = 0
    for place in places:
        if place < done:
            continue
        end = place + after
        match = pattern.search(text, max(done, place - before), end)
        while match is not None and match.end() <= place:
            match = pattern.search(text, match.end(), end)
        if match is not None and match.start() <= place:
            done = match.end()
            yield match


@lru_cache(maxsize=1)
def _digit_run() -> re.Pattern[str]:
    return re.compile(r"[0-9]+")


@lru_cache(maxsize=1)
def _has_digit() -> re.Pattern[str]:
    return re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")


def parse_date(
    text: str,
    *,
    order: str | None = None,
    allow_year: bool = False,
    fallback: bool = False,
) -> ParsedDate | None:
    """The first date in ``text`` or None.

    ``order`` ("DMY" or "MDY") settles numeric dates such as 10/7/2021; a bare
    year counts only with ``allow_year``; ``fallback`` lets dateparser try
    when no known form is present (slow: milliseconds, not microseconds).
    """
    if not _has_digit().search(text):
        return None
    found = next(iter_dates(text, order=order, allow_year=allow_year), None)
    if found is None and fallback:
        return _parse_with_dateparser(text, order)
    return found


def _parse_with_dateparser(text: str, order: str | None) -> ParsedDate | None:
    """Whole-text parse by dateparser, for forms the regex does not know."""
    import dateparser  # heavy: imported only on this slow path

    stripped = text.strip()
    if not stripped or len(stripped) > MAX_DATE_LINE:
        return None
    settings = {
        "DATE_ORDER": (order or "DMY").upper(),
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    # dateparser's plain "ar" lacks the Levantine month names; ar-IQ has them.
    locales = ["ar-IQ", "ar"] if re.search("[\u0621-\u064a]", stripped) else None
    try:
        parsed = dateparser.parse(stripped, locales=locales, settings=settings)
    except (ValueError, TypeError, OverflowError):
        return None
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    start = text.index(stripped)
    return ParsedDate(parsed.date(), DatePrecision.DAY, start, start + len(stripped), stripped)


@lru_cache(maxsize=1)
def _numeric_pair() -> re.Pattern[str]:
    return re.compile(r"(?<![0-9.,/:-])([0-9]{1,2})([./-])([0-9]{1,2})\2(?:[0-9]{4}|[0-9]{2})(?![0-9])")


def infer_order(texts: Iterable[str]) -> str | None:
    """"DMY" or "MDY" from the unambiguous numeric dates of a page, else None."""
    dmy = mdy = 0
    for text in texts:
        for match in _numeric_pair().finditer(fold_for_dates(text)):
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second >= 1:
                dmy += 1
            elif second > 12 >= first >= 1:
                mdy += 1
    if dmy == mdy:
        return None
    return "DMY" if dmy > mdy else "MDY"


_LINE_WORDS = frozenset(
    {
        "today", "updated", "update", "last", "posted", "published", "on", "at",
        "date", "am", "pm", "gmt", "utc", "ast", "local", "time",
        "bst", "cet", "cest", "eet", "eest", "est", "edt", "pst", "pdt", "msk", "eat", "wat", "cat", "pkt", "ict", "ist",
        "اليوم", "نشر", "في", "بتاريخ", "تاريخ", "النشر", "اخر", "تحديث", "الساعه",
        "صباحا", "مساء", "مساءا", "م", "ص", "يوم",
    }
)


@lru_cache(maxsize=1)
def _line_token() -> re.Pattern[str]:
    return re.compile(r"[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?|[^\W\d_]+|[0-9]+|\S", re.UNICODE)  # "11:02", "11.02 BST"


def _allowed_leftover(token: str) -> bool:
    if token[0].isdigit():
        return ":" in token or "." in token
    if len(token) == 1 and not token.isalpha():
        return token in ",.-|•·:/()[]–—،"
    word = token.lower()
    if word in _LINE_WORDS:
        return True
    return any(word in names for names in ENGLISH_WEEKDAYS) or word in ARABIC_WEEKDAYS


def looks_like_date_line(line: str, *, order: str | None = None) -> ParsedDate | None:
    """The date if ``line`` is essentially only a date, else None.

    Besides the date the line may hold a weekday, "Today", "Updated",
    "Posted on", a clock time and punctuation; any other word (an outlet's
    name, a headline) disqualifies it.  Lines over 60 characters never count.
    """
    if len(line.strip()) > MAX_DATE_LINE:
        return None
    found = parse_date(line, order=order)
    if found is None:
        return None
    leftover = fold_for_dates(line[: found.start] + " " + line[found.end :])
    if all(_allowed_leftover(token) for token in _line_token().findall(leftover)):
        return found
    return None


# --- calendar helpers for relative expressions ---------------------------


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    """The latest day with ``weekday`` (Monday=0) not after ``anchor``."""
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_before(anchor: dt.date, weekday: int) -> dt.date:
    """The latest day with ``weekday`` strictly before ``anchor``."""
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7 or 7)


def weekday_after(anchor: dt.date, weekday: int) -> dt.date:
    """The earliest day with ``weekday`` strictly after ``anchor``."""
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def shift_month(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` months after (before, if negative) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def latest_month(anchor: dt.date, month: int) -> int:
    """Year of the latest ``month`` not after the anchor's month."""
    return anchor.year if month <= anchor.month else anchor.year - 1


def latest_month_day(anchor: dt.date, month: int, day: int) -> dt.date | None:
    """The latest ``month``/``day`` not after anchor + grace (None if no such day)."""
    limit = anchor + dt.timedelta(days=FUTURE_GRACE_DAYS)
    for year in range(limit.year, limit.year - 8, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None
