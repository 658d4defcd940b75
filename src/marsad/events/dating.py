"""When an event happened, and whether the sentence tells history.

The date is the date expression of the sentence nearest its trigger, resolved
against the article's publication date (:func:`resolve_dates_in_text`); its
precision gives ``time_precision``.  Without one, the article's date stands in
with precision 2 (an exact publication day: "within the week before") or 3,
and :attr:`EventDate.source` says ``"article"``.

A sentence is *background* when its date lies well before the article (more
than :data:`BACKGROUND_DAYS` days, or an earlier year given alone), or when it
carries a history cue ("since the", "anniversary", "in the aftermath of") with
a date before the article.  Background keeps its own date, never the article's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from marsad.models import DatePrecision
from marsad.normalize.relative import ResolvedDate, resolve_dates_in_text

_COUNT_AFTER_DAY = re.compile(r"(\b\d{1,2}), (?=\d{1,3}\b(?![,.]\d))")
_DATE_GATE = re.compile(
    r"\d|[\u0660-\u0669\u06f0-\u06f9]|(?i:\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day|tonight|overnight|"
    r"(?:last|this|next|past|previous|coming|same|that|earlier|later|each|every|a|the) (?:\w+ )?(?:night|week|weekend|month|year|morning|evening|afternoon|day)s?|"
    r"(?:days?|weeks?|months?|years?|decades?) (?:ago|earlier|later|before)|ago|"
    r"jan(?:uary)?|feb(?:ruary)?|march|mar|april|apr|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"spring|summer|autumn|winter)\b)|"
    r"امس|اليوم|الليله|يوم|اسبوع|أسبوع|شهر|عام|سنه|سنة|الماضي|المقبل|صباح|مساء|فجر|"
    r"الاثنين|الإثنين|الثلاثاء|الاربعاء|الأربعاء|الخميس|الجمعه|الجمعة|السبت|الاحد|الأحد|"
    r"كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين|"
    r"يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
)
_BARE_YEAR = re.compile(
    r"(?:\b(?i:in|since|the|of|during|by|until|from|before|after)\s+|(?:عام|العام|سنه|سنة)\s+)((?:19|20)\d{2})\b"
    r"(?!\s*(?:people|persons|soldiers|fighters|km|kilomet|dollars|troops|men|women|children|families|homes|houses|%|percent))"
)
_CLAUSE_BREAK = re.compile(r"[;؛]|\s[—–]\s|\s-\s")
_BEFORE_TODAY = (DatePrecision.YEAR, DatePrecision.MONTH)  # "in 2014", "in August 2020" beside "on Sunday"
_OPENING_REACH = 25  # characters from the sentence start within which a date opens it
BACKGROUND_DAYS = 75
FUTURE_GRACE_DAYS = 2


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date for a mention: ISO string, ACLED precision and where it came from."""

    date: str | None
    time_precision: int | None
    source: str  # "sentence", "article" or "none"
    background: bool = False
    year_only: bool = False  # the sentence names only a year ("in 2019")


NO_DATE = EventDate(None, None, "none")


def parse_anchor(published: str | None) -> dt.date | None:
    """The article's publication date as a date (None when absent or unreadable)."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def article_date(published: str | None, precision: DatePrecision | None) -> EventDate:
    """The stand-in date: the article's, at precision 2 (exact day) or 3."""
    anchor = parse_anchor(published)
    if anchor is None:
        return NO_DATE
    exact = precision in (None, DatePrecision.DAY)
    return EventDate(anchor.isoformat(), 2 if exact else 3, "article")


def _usable(found: ResolvedDate, anchor: dt.date | None) -> bool:
    if found.date is None:
        return False
    return anchor is None or found.date <= anchor + dt.timedelta(days=FUTURE_GRACE_DAYS)


def _is_old(found: ResolvedDate, anchor: dt.date | None, latest_year: int | None) -> bool:
    assert found.date is not None
    if anchor is None:
        return latest_year is not None and found.date.year < latest_year
    last = found.date_end or found.date
    if found.precision is DatePrecision.YEAR:
        return found.date.year < anchor.year
    return (anchor - last).days > BACKGROUND_DAYS


def sentence_date(
    text: str,
    trigger_at: int,
    anchor: dt.date | None,
    lang: str,
    *,
    history_cue: bool = False,
    latest_year: int | None = None,
    earliest: bool = False,
) -> EventDate | None:
    """The date the sentence gives its event, or None when it gives none.

    ``trigger_at`` is the trigger's offset in ``text``; ``latest_year`` the
    latest year the article mentions (stands in for a missing anchor).
    ``earliest``: of the sentence's dates the earliest is the event's -- the
    trigger is the crime a court or charge refers to ("found guilty on Thursday
    of the November 2019 shooting"; the others date the trial), or an arrest
    told with the detention it began ("arrested on April 2 after being detained
    since March 14").
    """
    if not _DATE_GATE.search(text):
        return None
    text = _COUNT_AFTER_DAY.sub(r"\1: ", text)  # "February 26, 317 girls": 317 is no year (same length)
    resolved = resolve_dates_in_text(text, anchor, lang=lang)
    found = [d for d in resolved if _usable(d, anchor)]
    if earliest or not found:  # "was a participant in the 2008 hostage-taking": a year standing alone
        years = {d.date.year for d in found if d.date is not None}
        found += [d for d in _bare_years(text) if _usable(d, anchor) and d.date is not None and d.date.year not in years]
    if not found:
        return None
    # without the article's date, "on Tuesday" or "yesterday" is still the time of telling: it
    # competes for the trigger, and a year or month beside it lies before it
    now = [d for d in resolved if d.date is None and d.kind == "relative"] if anchor is None and not earliest else []
    best = min(found, key=lambda d: (d.date, d.start)) if earliest else _governing_date(found + now, text, trigger_at)
    if best.date is None:
        return None
    old = _is_old(best, anchor, latest_year) or (bool(now) and best.precision in _BEFORE_TODAY)
    recent_enough = anchor is not None and best.date < anchor
    background = old or (history_cue and recent_enough and (anchor - best.date).days > 14)  # type: ignore[operator]
    return EventDate(best.date.isoformat(), best.precision.time_precision, "sentence", background, best.precision is DatePrecision.YEAR)


def _governing_date(found: list[ResolvedDate], text: str, trigger_at: int) -> ResolvedDate:
    """The date of the trigger's clause (a sentence joined by semicolons or dashes has several:
    "toured the prison on Sunday; the jail was stormed in August 2020"), and of it the one
    opening the sentence ("On 4 October, 100,000 people marched ...") when it comes before the
    trigger, else the one nearest the trigger."""
    low, high = _clause_around(text, trigger_at)
    found = [d for d in found if low <= d.start < high] or found
    opening = [d for d in found if d.start <= _OPENING_REACH and d.start <= trigger_at and not text[:d.start].strip(" ,\"'“”«").count(" ") > 2]
    if opening:
        return opening[0]
    return min(found, key=lambda d: (abs(d.start - trigger_at), d.start))


def _clause_around(text: str, at: int) -> tuple[int, int]:
    """The bounds of the clause of ``text`` holding offset ``at``."""
    low = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)), default=0)
    after = _CLAUSE_BREAK.search(text, at)
    return low, after.start() if after else len(text)


def _bare_years(text: str) -> list[ResolvedDate]:
    """Years the date parser leaves alone: "the 2019 protests", "since 2014", "في عام 2014"."""
    found = []
    for match in _BARE_YEAR.finditer(text):
        year = int(match.group(1))
        found.append(ResolvedDate(dt.date(year, 1, 1), DatePrecision.YEAR, match.start(1), match.end(1), match.group(1), "absolute", dt.date(year, 12, 31)))
    return found


def latest_year_in(text: str, lang: str) -> int | None:
    """The latest year an undated article mentions (for judging its history)."""
    years = [d.date.year for d in resolve_dates_in_text(text, None, lang=lang) if d.date is not None]
    return max(years) if years else None
