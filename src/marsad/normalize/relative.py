"""Date expressions in article bodies, resolved against the publication date.

News is written in the past tense about the days just before publication, so
a bare weekday ("on Tuesday", "Wednesday morning", "يوم الأربعاء") means the
most recent such day *on or before* the anchor: the anchor itself when it is
that weekday, else the latest earlier one.  With "last"/"الماضي" the day is
strictly before the anchor; with "next"/"المقبل" strictly after.

Other rules:

* "yesterday", "last night", "أمس" -> anchor - 1; "the day before
  yesterday", "أول أمس" -> anchor - 2; "today", "اليوم" -> anchor.
* Weeks run Monday to Sunday; a WEEK date is the Monday, ``date_end`` the
  Sunday (or the anchor, for "earlier this week").
* MONTH and YEAR dates are the first day; ``date_end`` is the last day.
* A month without a year ("in July") is the latest such month not after the
  anchor's month; a day without a year ("on March 29th") is the latest such
  day not after the anchor plus ``dates.FUTURE_GRACE_DAYS`` (announced events).
* Without an anchor every relative expression keeps its span, with date None.

Absolute dates (see :mod:`marsad.normalize.dates`) win over relative
expressions that overlap them; relative ones are then taken longest-first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Callable, Iterable, Iterator

from marsad.models import DatePrecision
from marsad.normalize.dates import (
    ARABIC_WEEKDAYS,
    ENGLISH_WEEKDAYS,
    MAX_YEAR,
    MIN_YEAR,
    fold_for_dates,
    iter_dates,
    latest_month,
    latest_month_day,
    matches_near,
    month_number,
    month_numbers,
    month_pattern,
    shift_month,
    weekday_after,
    weekday_before,
    weekday_on_or_before,
)

REACH_BEFORE = 48  # characters a match may start before its trigger
REACH_AFTER = 96  # characters searched after a trigger
ABSOLUTE = "absolute"
RELATIVE = "relative"


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date expression of a text, with its span there and its resolved value."""

    date: dt.date | None
    precision: DatePrecision
    start: int
    end: int
    text: str
    kind: str
    date_end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class _Value:
    """What a rule makes of one match, before spans are attached."""

    date: dt.date | None
    precision: DatePrecision
    kind: str = RELATIVE
    date_end: dt.date | None = None


_Resolver = Callable[[re.Match[str], dt.date | None], "_Value | None"]


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern over folded text, what it means, and where to try it.

    Every match of ``pattern`` contains one of ``triggers`` (plain strings),
    so the pattern is only tried in a window around each trigger found by a
    fast substring search, never position by position over the whole text.
    """

    pattern: re.Pattern[str]
    resolve: _Resolver
    triggers: tuple[str, ...]


def _compile(rules: list[tuple[str, _Resolver, tuple[str, ...]]]) -> tuple[_Rule, ...]:
    return tuple(_Rule(re.compile(pattern), resolve, triggers) for pattern, resolve, triggers in rules)


# --- calendar arithmetic -------------------------------------------------


def _week(day: dt.date) -> _Value:
    monday = day - dt.timedelta(days=day.weekday())
    return _Value(monday, DatePrecision.WEEK, date_end=monday + dt.timedelta(days=6))


def _month(year: int, month: int, kind: str = RELATIVE) -> _Value:
    last = calendar.monthrange(year, month)[1]
    return _Value(dt.date(year, month, 1), DatePrecision.MONTH, kind, dt.date(year, month, last))


def _year(year: int, kind: str = RELATIVE) -> _Value:
    return _Value(dt.date(year, 1, 1), DatePrecision.YEAR, kind, dt.date(year, 12, 31))


def _day(anchor: dt.date | None, days_back: int) -> _Value:
    if anchor is None:
        return _Value(None, DatePrecision.DAY)
    return _Value(anchor - dt.timedelta(days=days_back), DatePrecision.DAY)


# --- shared rule bodies --------------------------------------------------


def _weekday_value(anchor: dt.date | None, weekday: int, which: str) -> _Value:
    """``which`` is "last", "next" or "" (the news rule, on or before)."""
    if anchor is None:
        return _Value(None, DatePrecision.DAY)
    if which == "last":
        return _Value(weekday_before(anchor, weekday), DatePrecision.DAY)
    if which == "next":
        return _Value(weekday_after(anchor, weekday), DatePrecision.DAY)
    return _Value(weekday_on_or_before(anchor, weekday), DatePrecision.DAY)


def _unit_value(anchor: dt.date | None, unit: str, offset: int, earlier: bool) -> _Value:
    """This (offset 0) or an earlier (offset < 0) week, month or year."""
    precision = {"week": DatePrecision.WEEK, "month": DatePrecision.MONTH}.get(unit, DatePrecision.YEAR)
    if anchor is None:
        return _Value(None, precision)
    if unit == "week":
        value = _week(anchor + dt.timedelta(weeks=offset))
    elif unit == "month":
        value = _month(*shift_month(anchor, offset))
    else:
        value = _year(anchor.year + offset)
    if earlier and offset == 0:
        return _Value(value.date, value.precision, RELATIVE, anchor)
    return value


def _ago_value(anchor: dt.date | None, count: int, unit: str) -> _Value:
    """``count`` days/weeks/months/years before the anchor."""
    if unit == "day":
        return _day(anchor, count)
    return _unit_value(anchor, unit, -count, earlier=False)


def _month_day_value(anchor: dt.date | None, month: int | None, day: int) -> _Value | None:
    if month is None or not 1 <= day <= 31:
        return None
    if anchor is None:
        return _Value(None, DatePrecision.DAY)
    found = latest_month_day(anchor, month, day)
    return None if found is None else _Value(found, DatePrecision.DAY)


# --- English rules ---------------------------------------------------------

_EN_COUNTS = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
})
_EN_PREP = r"in|since|during|until|till|by|through|throughout|from|of|before|after|early|late|mid-?|(?:the\s+)?(?:end|beginning|start|middle)\s+of"
_EN_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"


def _month_cased(text: str, match: re.Match[str]) -> bool:
    """English month names in running text must be capitalised ("may" is a verb)."""
    if "m" not in match.re.groupindex or match.group("m") is None:
        return True
    name = text[match.start("m") : match.end("m")]
    return not name.isascii() or name[:1].isupper()


def _en_weekday(match: re.Match[str], anchor: dt.date | None) -> _Value:
    names = [names[0] for names in ENGLISH_WEEKDAYS]
    pre = " ".join((match.group("pre") or "").split())
    which = {"last": "last", "this past": "last", "next": "next", "this coming": "next"}.get(pre, "")
    return _weekday_value(anchor, names.index(match.group("wd")), which)


def _en_unit(match: re.Match[str], anchor: dt.date | None) -> _Value:
    offset = 0 if match.group("this") == "this" else -1
    return _unit_value(anchor, match.group("unit"), offset, earlier=match.group("earlier") == "earlier")


def _en_ago(match: re.Match[str], anchor: dt.date | None) -> _Value:
    count = match.group("n")
    number = int(count) if count.isdigit() else _EN_COUNTS.get(count, 2)
    return _ago_value(anchor, number, match.group("unit"))


# Days named for what falls on them, at a fixed date of every year: (month, day).
_EN_HOLIDAYS = MappingProxyType({
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's day": (1, 1),
    "new years day": (1, 1), "new year's eve": (12, 31), "new years eve": (12, 31), "armistice day": (11, 11),
    "remembrance day": (11, 11), "veterans day": (11, 11), "may day": (5, 1), "valentine's day": (2, 14),
    "halloween": (10, 31), "bastille day": (7, 14), "international women's day": (3, 8),
})


def _holiday(match: re.Match[str], anchor: dt.date | None) -> _Value | None:
    """"Armistice Day, 1919" -> 1919-11-11; "on Christmas Eve" -> the last one before the anchor.
    A name that is no day's name alone ("Christmas", "Halloween") needs a preposition or a year
    ("the Christmas market" is no date)."""
    name = " ".join(match.group("m").replace("\u2019", "'").split())
    month, day = _EN_HOLIDAYS[name]
    if not match.group("pre") and not match.group("y") and not name.endswith(("day", "eve")):
        return None
    if match.group("y"):
        return _Value(dt.date(int(match.group("y")), month, day), DatePrecision.DAY, ABSOLUTE)
    return _month_day_value(anchor, month, day)


def _month_day(match: re.Match[str], anchor: dt.date | None) -> _Value | None:
    return _month_day_value(anchor, month_number(match.group("m")), int(match.group("d")))


def _bare_month(match: re.Match[str], anchor: dt.date | None) -> _Value | None:
    month = month_number(match.group("m"))
    if month is None or anchor is None:
        return None if month is None else _Value(None, DatePrecision.MONTH)
    return _month(latest_month(anchor, month), month)


@lru_cache(maxsize=1)
def english_rules() -> tuple[_Rule, ...]:
    """(pattern over folded, lower-cased text, resolver) for English expressions."""
    months = month_pattern()
    weekdays = "|".join(names[0] for names in ENGLISH_WEEKDAYS)
    # a year after the day is read by the absolute parser; a count is no year ("On 4 October 100,000 people")
    no_year = r"(?![0-9])(?!\.?\s*,?\s*[0-9]{1,4}(?![0-9]|,[0-9]{3}))"
    counts = "|".join(["[0-9]{1,3}", r"a\s+couple\s+of", *sorted(_EN_COUNTS, key=len, reverse=True)])
    holidays = "|".join(re.escape(name).replace("'", "['\u2019]?").replace("\\ ", r"\s+")
                        for name in sorted(_EN_HOLIDAYS, key=len, reverse=True))
    rules: list[tuple[str, _Resolver, tuple[str, ...]]] = [
        (r"\bthe\s+day\s+before\s+yesterday\b", lambda m, a: _day(a, 2), ("yesterday",)),
        (rf"\b(?:yesterday|last\s+night){_EN_PART}\b", lambda m, a: _day(a, 1), ("yesterday", "night")),
        (r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", lambda m, a: _day(a, 0), ("today", "tonight", "this")),
        (rf"\b(?:(?P<pre>on|last|next|this\s+past|this\s+coming|early|late)\s+)?(?P<wd>{weekdays})\b{_EN_PART}\b", _en_weekday, ("day",)),
        (r"\b(?:(?P<earlier>earlier|later)\s+)?(?P<this>this|last|previous)\s+(?P<unit>week|month|year)\b", _en_unit, ("week", "month", "year")),
        (rf"\b(?P<n>{counts})\s+(?P<unit>day|week|month|year)s?\s+ago\b", _en_ago, ("ago",)),
        (rf"\b(?:(?P<pre>on|after|before|since|during|until|by|of)\s+)?(?P<m>{holidays})(?:,?\s+(?P<y>(?:19|20)[0-9]{{2}})\b)?\b", _holiday,
         ("christmas", "new year", "armistice", "remembrance", "veterans", "may day", "valentine", "halloween",
          "bastille", "women")),
        (
            rf"\b(?:(?:on\s+)?(?:{weekdays}),?\s+)?(?:on\s+)?(?:the\s+)?(?P<m>{months})\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?{no_year}\b",
            _month_day,
            month_triggers(),
        ),
        (rf"\b(?:on\s+)?(?:the\s+)?(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{months})\b{no_year}", _month_day, month_triggers()),
        (rf"\b(?:{_EN_PREP})\s+(?:(?:early|late|mid-?)\s*)?(?P<m>{months})\b{no_year}", _bare_month, month_triggers()),
        (
            rf"\b(?:{_EN_PREP})\s+(?:the\s+year\s+)?(?:(?:early|late|mid-?)\s*)?(?P<y>(?:19|20)[0-9]{{2}})\b",
            lambda m, a: _year(int(m.group("y")), ABSOLUTE),
            ("19", "20"),
        ),
    ]
    return _compile(rules)


# --- Arabic rules (over folded text: أ/إ/آ -> ا, ة -> ه, ى -> ي) ------------

_AR_START = r"(?<![\u0621-\u064a])"
_AR_END = r"(?![\u0621-\u064a])"
_AR_PART = r"(?:يوم|صباح|مساء|فجر|ظهر|ظهيره|عصر|ليل|ليله|منتصف\s+ليل|منتصف\s+ليله)"
_AR_LAST = ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق", "السابقه")
_AR_NEXT = ("المقبل", "المقبله", "القادم", "القادمه")
_AR_THIS = ("الجاري", "الجاريه", "الحالي", "الحاليه")
_AR_UNITS = MappingProxyType({"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"})
_AR_COUNTS = MappingProxyType({
    "ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "تسع": 9, "عشر": 10,
    "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9, "عشره": 10,
})
_AR_AGO_UNITS = MappingProxyType({
    "يوم": ("day", 1), "يومين": ("day", 2), "ايام": ("day", 0),
    "اسبوع": ("week", 1), "اسبوعين": ("week", 2), "اسابيع": ("week", 0),
    "شهر": ("month", 1), "شهرين": ("month", 2), "اشهر": ("month", 0), "شهور": ("month", 0),
    "عام": ("year", 1), "عامين": ("year", 2), "اعوام": ("year", 0),
    "سنه": ("year", 1), "سنتين": ("year", 2), "سنوات": ("year", 0),
})
# Words after which "العام" means "general", not "year" (الأمين العام ...).
_AR_GENERAL = ("الامين", "المدعي", "النائب", "المدير", "المفتش", "الراي", "القائد", "الامن")


@lru_cache(maxsize=1)
def month_triggers() -> tuple[str, ...]:
    """The first word of every (folded) month name: what month rules look for."""
    return tuple(sorted({name.split()[0] for name in month_numbers()}))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def arabic_ordinals() -> dict[str, int]:
    """Folded ordinal day words, "الاول" .. "الحادي والثلاثين"."""
    units = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
    ordinals = {word: number for number, word in enumerate(units, start=1)}
    ordinals["العاشر"] = 10
    compound = ["الحادي", *units[1:]]
    for number, word in enumerate(compound, start=1):
        ordinals[f"{word} عشر"] = 10 + number
        ordinals[f"{word} والعشرين"] = 20 + number
    ordinals["العشرين"] = 20
    ordinals["الثلاثين"] = 30
    ordinals["الحادي والثلاثين"] = 31
    return ordinals


def _ar_weekday(match: re.Match[str], anchor: dt.date | None) -> _Value | None:
    weekday, which = match.group("wd"), match.group("which") or ""
    if weekday in ("الاثنين", "الاحد") and not (match.group("part") or which):
        return None  # also "the two" / "the one"
    direction = "last" if which in _AR_LAST else "next" if which in _AR_NEXT else ""
    return _weekday_value(anchor, ARABIC_WEEKDAYS.index(weekday), direction)


def _ar_unit(match: re.Match[str], anchor: dt.date | None) -> _Value | None:
    unit, which = _AR_UNITS[match.group("unit")], match.group("which") or ""
    before = match.string[max(0, match.start() - 12) : match.start()].split()
    if unit == "year" and (which.startswith("السابق") or (before and before[-1] in _AR_GENERAL)):
        return None
    offset = -1 if which in _AR_LAST else 0
    earlier = match.group("edge") in ("مطلع", "اوائل", "بدايه")
    return _unit_value(anchor, unit, offset, earlier=earlier)


def _ar_ago(match: re.Match[str], anchor: dt.date | None) -> _Value | None:
    unit, implied = _AR_AGO_UNITS[match.group("unit")]
    count = match.group("n")
    number = (int(count) if count.isdigit() else _AR_COUNTS[count]) if count else implied
    return _ago_value(anchor, number, unit) if number else None


def _ar_ordinal_day(match: re.Match[str], anchor: dt.date | None) -> _Value | None:
    day = arabic_ordinals()[" ".join(match.group("d").split())]
    month = month_number(match.group("m"))
    if month and match.group("y"):
        year = int(match.group("y"))
        if not MIN_YEAR <= year <= MAX_YEAR or day > calendar.monthrange(year, month)[1]:
            return None
        return _Value(dt.date(year, month, day), DatePrecision.DAY, ABSOLUTE)
    return _month_day_value(anchor, month, day)


@lru_cache(maxsize=1)
def arabic_rules() -> tuple[_Rule, ...]:
    """(pattern over folded text, resolver) for Arabic expressions."""
    s, e, part = _AR_START, _AR_END, _AR_PART
    months = month_pattern()
    twin = rf"(?:\s*[/(]\s*(?:{months})\s*\)?)?"
    no_year = r"(?!\s*[,،]?\s*[0-9])"
    which = _alternation(_AR_LAST + _AR_NEXT)
    ordinals = _alternation(re.escape(o).replace(r"\ ", r"\s+") for o in arabic_ordinals())
    counts = _alternation(["[0-9]{1,3}", *_AR_COUNTS])
    rules: list[tuple[str, _Resolver, tuple[str, ...]]] = [
        (rf"{s}[وف]?(?:اول\s+(?:من\s+)?امس|امس\s+الاول){e}", lambda m, a: _day(a, 2), ("امس",)),
        (rf"{s}[وف]?(?:{part}\s+)?(?:(?:بال|ال)?امس|البارحه){e}", lambda m, a: _day(a, 1), ("امس", "البارحه")),
        (
            rf"{s}[وف]?(?:{part}\s+)?(?:اليوم|الليله){e}(?!\s+(?:التالي|الاول|الثاني|السابق|نفسه|ذاته|الذي|التي))",
            lambda m, a: _day(a, 0),
            ("اليوم", "الليله"),
        ),
        (
            rf"{s}[وف]?(?:(?P<part>{part})\s+)?(?P<wd>{_alternation(ARABIC_WEEKDAYS)}){e}(?:\s+(?P<which>{which}){e})?",
            _ar_weekday,
            ARABIC_WEEKDAYS,
        ),
        (
            rf"{s}[وف]?(?:(?P<edge>مطلع|اوائل|اواخر|منتصف|بدايه|نهايه|خلال)\s+)?(?P<unit>{_alternation(_AR_UNITS)})"
            rf"\s+(?P<which>{_alternation(_AR_LAST + _AR_THIS)}){e}",
            _ar_unit,
            tuple(_AR_UNITS),
        ),
        (rf"{s}(?:هذا|هذه)\s+(?P<edge>)(?P<unit>{_alternation(_AR_UNITS)})(?P<which>){e}", _ar_unit, ("هذا", "هذه")),
        (rf"{s}(?:منذ|قبل)\s+(?:(?P<n>{counts})\s+)?(?P<unit>{_alternation(_AR_AGO_UNITS)}){e}(?!\s*[0-9])", _ar_ago, ("منذ", "قبل")),
        (
            rf"{s}(?:في\s+)?(?P<d>[0-9]{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<m>{months}){twin}{e}{no_year}",
            _month_day,
            month_triggers(),
        ),
        (
            rf"{s}(?:في\s+)?(?P<d>{ordinals})\s+من\s+(?:شهر\s+)?(?P<m>{months}){twin}{e}(?:\s*[,،]?\s*(?P<y>[0-9]{{4}})(?![0-9]))?",
            _ar_ordinal_day,
            month_triggers(),
        ),
        (
            rf"{s}[وف]?(?:(?:في|خلال|منذ|مطلع|اوائل|اواخر|منتصف|حتى|بدايه|نهايه)\s+(?:شهر\s+)?|شهر\s+)(?P<m>{months}){twin}{e}{no_year}",
            _bare_month,
            month_triggers(),
        ),
        (
            rf"{s}[وف]?(?:عام|العام|سنه|السنه|في|منذ|خلال|حتى|قبل|بعد|مطلع|اواخر|اوائل|منتصف|بدايه|نهايه)\s+(?:(?:عام|العام)\s+)?(?P<y>(?:19|20)[0-9]{{2}})(?![0-9])",
            lambda m, a: _year(int(m.group("y")), ABSOLUTE),
            ("19", "20"),
        ),
    ]
    return _compile(rules)


# --- matching --------------------------------------------------------------


def _absolute(text: str, order: str | None) -> Iterator[ResolvedDate]:
    for found in iter_dates(text, order=order, two_digit_year=False):
        date_end = None
        if found.precision is DatePrecision.MONTH:
            date_end = _month(found.date.year, found.date.month).date_end
        yield ResolvedDate(found.date, found.precision, found.start, found.end, found.text, ABSOLUTE, date_end)


def _trigger_places(folded: str, triggers: tuple[str, ...]) -> list[int]:
    places = []
    for trigger in triggers:
        at = folded.find(trigger)
        while at != -1:
            places.append(at)
            at = folded.find(trigger, at + 1)
    return sorted(places)


def _relative(text: str, folded: str, rules: Iterable[_Rule], anchor: dt.date | None) -> Iterator[ResolvedDate]:
    places: dict[tuple[str, ...], list[int]] = {}  # rules often share triggers
    for rule in rules:
        if rule.triggers not in places:
            places[rule.triggers] = _trigger_places(folded, rule.triggers)
        for match in matches_near(rule.pattern, folded, places[rule.triggers], REACH_BEFORE, REACH_AFTER):
            value = rule.resolve(match, anchor) if _month_cased(text, match) else None
            if value is None:
                continue
            start, end = match.span()
            yield ResolvedDate(value.date, value.precision, start, end, text[start:end], value.kind, value.date_end)


def _select(absolute: list[ResolvedDate], relative: list[ResolvedDate]) -> list[ResolvedDate]:
    """Non-overlapping expressions, longest first; on a tie a date the absolute
    parser found beats a rule's reading of the same words."""
    ranked = [(r.start - r.end, 0, r.start, r) for r in absolute]
    ranked += [(r.start - r.end, 1, r.start, r) for r in relative]
    taken: list[ResolvedDate] = []
    for *_, candidate in sorted(ranked, key=lambda item: item[:3]):
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda r: (r.start, r.end))


def resolve_dates_in_text(
    text: str,
    anchor: dt.date | None,
    *,
    lang: str = "en",
    order: str | None = None,
) -> list[ResolvedDate]:
    """Every date expression of ``text``, resolved against ``anchor``.

    ``lang`` picks the rule sets: "en" English, "ar" Arabic, anything else
    (e.g. "mixed") both; a script present in the text adds its rule set too.
    """
    folded = fold_for_dates(text)
    rules: tuple[_Rule, ...] = ()
    if lang != "ar" or re.search(r"[a-z]", folded):
        rules += english_rules()
    if lang != "en" or re.search(r"[\u0621-\u064a]", folded):
        rules += arabic_rules()
    absolute = list(_absolute(text, order))
    relative = list(_relative(text, folded, rules, anchor))
    return _select(absolute, relative)
