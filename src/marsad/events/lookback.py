"""An event a sentence looks back on, beside the event it tells.

"Tuesday's shelling came two years after a missile strike on Kramatorsk
railway station killed more than 50 people" tells two events: the shelling,
and the strike it recalls.  So does "Wednesday's airstrike hit the same
monastery that soldiers burned during a raid in 2022".  The look-back clause
starts at a look-back cue ("two years after", "since", "the anniversary of",
بعد عامين على, منذ) or at a relative word whose clause names a year ("that
... in 2022", "where ... in 2014", التي ... عام 2014) and runs to the next
clause break; an event must be told inside it and another outside it.

:func:`split_lookback` returns the sentence twice: with the look-back clause
blanked (the main event, whose place, actors and dead are its own) and the
clause alone (the recalled event, always background).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.events.detect import Mood
from marsad.events.sentences import Sentence
from marsad.events.views import View, view_of

_CLAUSE_END = re.compile(r"[,;:،؛]|\s[—–]\s")
_RELATIVE = re.compile(r"\b(?:where|which|that|when|whom|whose)\b|(?<!\w)(?:التي|الذي|الذين|اللذين|اللتين|حيث)(?!\w)")
# a relative clause right after an event noun (and up to two words of its name or place) tells
# more of that event ("during a government raid that killed nine ... in December 2020"), not another
_EVENT_NOUN_BEFORE = re.compile(
    r"(?:\b(?:raids?|operations?|attacks?|assaults?|strikes?|airstrikes?|bombings?|shelling|offensives?|ambush(?:es)?|"
    r"clash(?:es)?|fighting|battles?|massacres?|explosions?|blasts?|incidents?|crackdowns?|protests?|demonstrations?|war)"
    r"|(?<!\w)(?:ال)?(?:عمليه|هجوم|الهجوم|غاره|قصف|مداهمه|اشتباكات|معارك|مجزره|تفجير|انفجار|حمله|حرب))(?:[\s,،]+[^\s,،]+){0,2}[\s,،]*$"
)
NOUN_REACH = 60  # folded characters before a relative word searched for the event noun it follows
_PARTICIPLE_NEXT = re.compile(r"\s*(?:and\s+)?\w+ing\b")
_YEAR = re.compile(r"(?:\b(?:in|since|during|of|by|until|from|before)\s+(?:\w+\s+)?|(?<!\w)(?:عام|العام|سنه|سنة)\s+|(?<!\w)(?:في|منذ)\s+\S+\s+)(?:19|20)\d{2}\b")
# the relative words that open a clause about a place or thing when the sentence's own trigger is in
# it ("visited Chibok, where ..."); "that" and "when" also open reported speech and time clauses
_MAIN_RELATIVE = re.compile(r"\b(?:where|which|whom|whose)\b|(?<!\w)(?:التي|الذي|الذين|حيث)(?!\w)")


@dataclass(frozen=True, slots=True)
class Lookback:
    """One sentence read as two: its own event, and the event it looks back on."""

    main: View  # the sentence with the look-back clause blanked
    recalled: View  # the look-back clause alone


def split_lookback(view: View) -> Lookback | None:
    """The sentence's own event apart from an event a look-back clause of it recalls, or None
    (no such clause, or no event left outside it)."""
    if view.reading.hit is None or view.reading.mood is not Mood.EVENT:
        return None
    triggers = [m.start() for m in view.lex.any_trigger.finditer(view.folded)]
    for start in _clause_starts(view):
        end = clause_end(view.folded, start)
        if not (any(start <= at < end for at in triggers) and any(at < start or at >= end for at in triggers)):
            continue  # a cheap test before reading the two parts: a trigger word in each
        recalled = _sub_view(view, start, end)
        if recalled.reading.mood is not Mood.EVENT or recalled.reading.hit is None:
            continue
        main = _blanked(view, start, end)
        if main.reading.mood is Mood.EVENT and main.reading.hit is not None:
            return Lookback(main, recalled)
    return None


def clause_end(folded: str, start: int) -> int:
    """Where the clause opened at ``start`` ends: the next break that no participle phrase
    follows ("Since IS overran Sinjar in 2014, killing and enslaving thousands, many ...")."""
    at = start + 1
    while (found := _CLAUSE_END.search(folded, at)) is not None:
        if not _PARTICIPLE_NEXT.match(folded, found.end()):
            return found.start()
        at = found.end()
    return len(folded)


def _clause_starts(view: View) -> list[int]:
    """Where a look-back clause may begin: a look-back cue, or a relative word whose clause
    names a year."""
    starts = [m.start() for m in view.lex.recalled.finditer(view.folded)]
    for match in _RELATIVE.finditer(view.folded):
        if _YEAR.search(view.folded, match.end(), clause_end(view.folded, match.start())) and not _EVENT_NOUN_BEFORE.search(view.folded, max(0, match.start() - NOUN_REACH), match.start()):
            starts.append(match.start())
    return sorted(starts)


def in_dated_relative(view: View) -> bool:
    """Whether the sentence's trigger sits in a relative clause that names a year ("visited
    Chibok, where Boko Haram abducted 276 schoolgirls in 2014, to open a school")."""
    hit = view.reading.hit
    if hit is None:
        return False
    for match in _MAIN_RELATIVE.finditer(view.folded, 0, hit.start):
        end = clause_end(view.folded, match.start())
        if hit.end <= end and not _CLAUSE_END.search(view.folded, match.end(), hit.start) and _YEAR.search(view.folded, match.end(), end):
            return True
    return False


def _doc_span(view: View, start: int, end: int) -> tuple[int, int]:
    """Document offsets of the folded range ``[start, end)`` of ``view``."""
    return view.doc_offset(start), (view.doc_offset(end - 1) + 1 if end > start else view.doc_offset(start))


def _sub_view(view: View, start: int, end: int) -> View:
    low, high = _doc_span(view, start, end)
    text = view.text[low - view.start:high - view.start]
    return view_of(view.index, Sentence(low, high, text, view.paragraph), view.lang)


def _blanked(view: View, start: int, end: int) -> View:
    low, high = _doc_span(view, start, end)
    text = view.text[:low - view.start] + " " * (high - low) + view.text[high - view.start:]
    return view_of(view.index, Sentence(view.start, view.end, text, view.paragraph), view.lang)
