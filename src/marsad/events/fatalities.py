"""Fatality counts, read the conservative way ACLED reads them.

* "at least 5 killed" -> 5; "between 5 and 10 killed", "5-10 dead" -> min 5,
  max 10, fatalities 5 (the lower bound);
* number words ("three soldiers"), vague quantities from the lexicon
  (several = 3, dozens = 12, hundreds = 100), Arabic digits and number words;
* "killed or injured", "killed and wounded six" give no death count;
* "no casualties" gives 0;
* groups are added up: "killed five soldiers and three civilians" -> 8,
  "two policemen and a soldier were killed" -> 3 ("including four children"
  adds nothing);
* one victim is one death: "a journalist was shot dead", "gunmen killed him",
  "beaten to death", "the murder of Raman Bandarenka" -> 1 (``lone=True``: the
  caller says whether the event is one that kills; an arrest sentence that
  recalls a murder is no death in the arrest).
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
_EN_DEATH = r"(?:killed|dead|died|slain|shot dead|lost (?:their|his|her) lives?|executed|murdered|massacred|beheaded|assassinated|lynched|to death)"
_EN_KILLED = r"(?:killed|shot dead|murdered|slain|assassinated|beheaded|lynched|gunned down|executed|shot and killed|found dead|(?:strangled|stabbed|hacked|beaten|burned|burnt|bludgeoned|stoned|tortured|shot|clubbed|kicked) to death)"
# one victim: "X was killed", "killed him", "beat her to death" (folded text)
_LONE_EN = (
    re.compile(rf"\b(?:was|has been|had been) (?:\w+ly )?(?:also )?{_EN_KILLED}\b"),
    re.compile(r"\b(?:killed|shot dead|murdered|assassinated|beheaded|lynched|gunned down|strangled|shot and killed) (?:him|her|a|an|one)\b(?! (?:number|few|dozen|total|couple|series|hundred|score|handful)\b)"),
    re.compile(r"\b(?:strangled|stabbed|hacked|beat|beaten|burned|burnt|bludgeoned|stoned|tortured|shot|clubbed|kicked) (?:him|her|(?:a|an) [a-z-]+(?<!s)) to death\b"),
    re.compile(r"\b(?:he|she) died\b"),
)
# "the murder of Raman Bandarenka" (original text: a capitalised name, not "and"-joined)
_LONE_NAMED = re.compile(r"\b(?:murder|killing|assassination|lynching|beheading|slaying) of (?:(?:journalist|activist|lawyer|reporter|blogger|teacher|priest|student|doctor|leader|mayor|judge) )?[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3}\b")
_AND_ANOTHER = re.compile(r",? (?:and|&) [A-Z]")
_AR_DEATH = r"(?:قتيل\w*|قتلي|قتلوا|لقوا حتفهم|مصرع\w*)"


_DEATH_GATE = re.compile(r"kill|dead|died|death|slain|lives|execut|murder|massacr|behead|assassin|lynch|gunned down|strangl|slaying|bodies|fatalit|قتل|قتيل|مصرع|حتف|استشهاد|وفاه|اعدام")


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
        re.compile(rf"\b(?:killing|killed|shot dead|murdered|assassinated|massacred|gunned down|executed(?! an? )|leaving|left|claimed the lives of|death toll (?:\S+ ){{0,3}}?(?:to|at|of)|dead numbered) (?:at least )?{quantity}(?! (?:others )?(?:wounded|injured))"),
        re.compile(rf"{quantity} (?:people |civilians |soldiers |fighters |militants |persons )?(?:deaths|fatalities|bodies|dead)\b"),
    )


def _value(text: str, lex: Lexicon) -> int | None:
    text = text.replace(",", "")
    if text.isdigit():
        return int(text)
    key = text.strip()
    return lex.numbers.get(key)


def _more_groups(rest: str, lex: Lexicon) -> int:
    """The counts of further groups joined to a first one: " soldiers and three civilians" -> 3."""
    group = _group_pattern(lex.lang, lex.number_words.pattern)
    total, at = 0, 0
    while (match := group.match(rest, at)) is not None:
        value = _value(match.group("n"), lex)
        if value is None or value > 1000:
            break
        total, at = total + value, match.end()
    return total


@lru_cache(maxsize=4)
def _group_pattern(lang: str, words: str) -> re.Pattern[str]:
    number = rf"(?:\d[\d,]*|{words})"
    hurt = r"(?:wounded|injured|hurt|missing|arrested|detained|abducted|kidnapped)"
    return re.compile(rf"(?: [a-z'-]+){{1,3}}?(?:,? and|,) (?:at least |another |a further )?(?P<n>{number})(?! of )(?!(?: \S+){{0,3}} {hurt})\b")


def _from_match(match: re.Match[str], lex: Lexicon, folded: str) -> Fatalities | None:
    low = _value(match.group("a"), lex)
    if low is None or low > 100000:
        return None
    verb_first = not match.re.pattern.startswith("(?P<q>")
    if match.group("a").strip() in {"a", "an"} and not verb_first:
        return None  # "a convoy ... killed": the article is no count here
    high = _value(match.group("b"), lex) if match.group("b") else None
    qualifier = match.group("q").strip()
    if high is not None and high > low:
        return Fatalities(low, low, high)
    if qualifier == "up to":
        return Fatalities(1, 1, low)
    if lex.lang == "en":
        counted_to = match.end("a")
        rest = folded[counted_to:counted_to + 80] if verb_first else folded[counted_to:match.end()]
        low += _more_groups(rest, lex)
    return Fatalities(low, low, None)


def _lone_victim(folded: str, text: str) -> bool:
    """Whether an English sentence reports one person killed ("a journalist was shot dead")."""
    if any(pattern.search(folded) for pattern in _LONE_EN):
        return True
    named = _LONE_NAMED.search(text) if text else None
    return named is not None and not _AND_ANOTHER.match(text, named.end())


def fatalities_in(folded: str, lex: Lexicon, text: str = "", lone: bool = False) -> Fatalities | None:
    """The death count a folded sentence gives (the largest it reports), or None.

    ``lone``: the sentence's event is one that kills, so one victim killed counts 1
    (``text``, the sentence as written, finds "the murder of" a named person).
    """
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
        if (value := _from_match(match, lex, folded)) is not None
    ]
    if found:
        return max(found, key=lambda f: f.fatalities)
    if lone and lex.lang == "en" and _lone_victim(folded, text):
        return Fatalities(1, 1, None)
    return None
