"""Fatality counts, read the conservative way ACLED reads them.

* "at least 5 killed" -> 5; "between 5 and 10 killed", "5-10 dead" -> min 5,
  max 10, fatalities 5 (the lower bound);
* number words ("three soldiers"), vague quantities from the lexicon
  (several = 3, dozens = 12, hundreds = 100), Arabic digits and number words;
* "killed or injured", "killed and wounded six" give no death count;
* "no casualties" gives 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.events.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A death count: the value kept (the lower bound) and the range read."""

    fatalities: int
    minimum: int | None
    maximum: int | None


_QUALIFIER = r"(?:(?:at least|some|about|around|nearly|almost|approximately|more than|over|up to|as many as|an estimated|a total of) )?"
_EN_DEATH = r"(?:killed|dead|died|slain|shot dead|lost (?:their|his|her) lives?|executed|murdered|massacred|beheaded)"
_AR_DEATH = r"(?:قتيل\w*|قتلي|قتلوا|لقوا حتفهم|مصرع\w*)"


_DEATH_GATE = re.compile(r"kill|dead|died|death|slain|lives|execut|murder|massacr|behead|bodies|fatalit|قتل|قتيل|مصرع|حتف|استشهاد|وفاه|اعدام")


def _quantity(lex: Lexicon) -> str:
    words = lex.number_words.pattern
    number = rf"(?:\d[\d,]*|{words})"
    return rf"(?P<q>{_QUALIFIER})(?P<a>{number})(?:(?: to | or | and |-|–)(?P<b>{number}))?"


@lru_cache(maxsize=4)
def _patterns(lang: str, words: str) -> tuple[re.Pattern[str], ...]:
    del words  # part of the cache key only
    from marsad.events.lexicon import lexicon

    quantity = _quantity(lexicon(lang))
    if lang == "ar":
        return (
            re.compile(rf"(?:مقتل|قتل|مصرع|استشهاد|وفاه|اعدام) {quantity}"),
            re.compile(rf"{quantity} (?:\S+ ){{0,2}}?{_AR_DEATH}"),
        )
    return (
        re.compile(rf"{quantity} (?:[^\s,.;]+ ){{0,6}}?(?:(?:were|was|have been|had been|are|is|being) )?(?:reportedly |all |also )?{_EN_DEATH}(?! or (?:injured|wounded|hurt))"),
        re.compile(rf"\b(?:killing|killed|leaving|left|claimed the lives of|death toll (?:\S+ ){{0,3}}?(?:to|at|of)|dead numbered) (?:at least )?{quantity}(?! (?:others )?(?:wounded|injured))"),
        re.compile(rf"{quantity} (?:people |civilians |soldiers |fighters |militants |persons )?(?:deaths|fatalities|bodies|dead)\b"),
    )


def _value(text: str, lex: Lexicon) -> int | None:
    text = text.replace(",", "")
    if text.isdigit():
        return int(text)
    key = text.strip()
    return lex.numbers.get(key)


def _from_match(match: re.Match[str], lex: Lexicon) -> Fatalities | None:
    low = _value(match.group("a"), lex)
    if low is None or low > 100000:
        return None
    if match.group("a").strip() in {"a", "an"} and match.re.pattern.startswith("(?P<q>"):
        return None  # "a convoy ... killed": the article is no count here
    high = _value(match.group("b"), lex) if match.group("b") else None
    qualifier = match.group("q").strip()
    if high is not None and high > low:
        return Fatalities(low, low, high)
    if qualifier == "up to":
        return Fatalities(1, 1, low)
    return Fatalities(low, low, None)


def fatalities_in(folded: str, lex: Lexicon) -> Fatalities | None:
    """The death count a folded sentence gives (the largest it reports), or None."""
    if lex.no_casualties.search(folded):
        return Fatalities(0, 0, 0)
    if not _DEATH_GATE.search(folded):
        return None
    if re.search(r"\bkilled (?:or|and|and/or) (?:injured|wounded)\b", folded):
        folded = re.sub(r"\bkilled (?:or|and|and/or) (?:injured|wounded)\b.*", "", folded)
    found = [
        value
        for pattern in _patterns(lex.lang, lex.number_words.pattern)
        for match in pattern.finditer(folded)
        if (value := _from_match(match, lex)) is not None
    ]
    return max(found, key=lambda f: f.fatalities) if found else None
