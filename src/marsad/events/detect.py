"""Reading one sentence: which event it reports, if any, and in what mood.

A sentence is matched against the trigger lexicon (folded text).  The
highest-ranked trigger that is *asserted* gives the sub-event type, so a
weapon beats a generic verb ("an IED attack on a convoy" is
Remote explosive/landmine/IED, not Attack).  A trigger is not asserted when a
modal cue governs it ("vowed to", "will", "if", "must"), when a negation
governs it ("no helicopter was downed"), or when the sentence summarises a
habit ("repeatedly", "in recent months").  Such sentences are *statements*,
never events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from marsad.events.lexicon import Lexicon, Trigger
from marsad.events.territory import resolve_territory

MODAL_REACH = 90  # characters a modal cue may govern after itself
NEGATION_REACH = 32  # characters a negation may govern after itself
TARGET_WINDOW = 90  # characters around a trigger searched for its target
_CLAUSE_BREAK = re.compile(r"[;:]|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b|\bafter\b|\bwhen\b|\bsince\b| - ")
_DETERMINER = re.compile(r"(?:\bthe|\bthis|\bthat|\bthese|\bthose|\bits|\btheir|\bhis|\bher|'s|\bafter|\bfollowing)(?:\s+[\w-]+){0,2}\s+$")
_NOMINAL = re.compile(r"(?:ion|ions|ing|ings|attacks?|strikes?|operations?|clash|clashes)$")
_HEAD_NOUN = re.compile(r"s?\s*(?:attacks?|strikes?|bombings?|blasts?|explosions?|raids?)\b")
_CASUALTY_WORDS = re.compile("casualt|death|fatalit|kill|hurt|injur|loss|اصابات|خسائر")
GENERIC_RANK = 47  # triggers at or below this rank are generic words ("attack", "killing")
_FIRST_WORD = re.compile(r"[\w-]+")
_ACTIVE_FORM = re.compile(r"[\w-]+ed|shot|slew|beat|kills?|attacks?|targets?|gunned")
_AUXILIARY = re.compile(r"\b(?:was|were|been|being|is|are|be|got|get|gets|had been|have been|has been)\s+(?:[\w-]+ly\s+)?$")
_PERSON_OBJECT = re.compile(r"\s+(?:him|her)\b")
CAUSE_REACH = 60  # characters before a trigger searched for the words that make it a cause
_CAUSE_WORD = re.compile(r"(?:\b(?:who|that|which|for|over|following|after)|بسبب|اثر|بعد|الذين|الذي)(?:\s+[^\s,.;،]+){0,2}\s+$")
# a vow or demand spent before the trigger, which then names the past event it answers ("vowed to
# retaliate for Thursday's drone strike", توعد بالرد بعد هجوم استهدف قاعدة); "against any attack" stays a vow
_MODAL_SPENT = re.compile(
    r"^(?!.*(?<!\w)(?:any|اي)(?!\w))(?:.*\b(?:retaliat\w*|revenge|avenge\w*|respon(?:d|ds|ded|se) (?:to|for)|accountable|punish\w*|"
    r"investigat\w*|inquiry|probe)\b.*\b(?:for|over|into|to)\b"
    r"|.*(?<!\w)(?:بعد|عقب|اثر|جراء|(?:بال|لل|ال)?(?:ثار|انتقام|رد)(?: علي)?)(?!\w))"
)
_DENIAL = re.compile(r"den(?:y|ies|ied)|[وف]?(?:نفي\w*|نفت)")
# what a denial may deny instead of the event: a plan, or the charges over it
_INTENTION = re.compile(r"\b(?:intent\w*|plans?|planning|plot\w*|charges?|allegations?|accusations?|guilt\w*|wrongdoing)\b"
                        r"|(?<!\w)(?:نيه|نوايا|خطط|خطه|يخطط|تهم\w*)(?!\w)")
# a gerund right after the denial: "denied on Tuesday organising protests", one's own part
_OWN_ACT = re.compile(r"\s+(?:(?:on|in|at) \w+ |ever |having |again |strongly |flatly )?(?!anything\b|nothing\b|something\b)\w{3,}ing\b")
# a verb between a negation and the trigger that the negation is spent on: speech ("did not say
# who carried out the attack"); in Arabic, whose negation comes before the verb and the verb before
# its subject, also a claim or an outcome ("لم تعلن أي جهة مسؤوليتها عن الهجوم", "لم يسفر القصف عن
# إصابات": the attack happened) and "still" (لا يزال القصف مستمرا). "have not claimed that they downed
# a helicopter" asserts no downing.
_NEGATION_SPENT = re.compile(
    r"\b(?:refer|mention|say|said|comment|specif|give|gave|identif|name|disclos|elaborat|explain)\w*"
    r"|(?:يذكر|يشر|يوضح|يحدد|[يت]علن|[يت]تبن|[يت]سفر|[يت]ؤد|[يت]تسبب|[يت]زال)"
)


class Mood(StrEnum):
    """How a sentence stands towards the event its trigger names."""

    NONE = "none"  # no trigger
    EVENT = "event"  # an asserted event
    MODAL = "modal"  # threat, vow, demand, plan, hypothesis
    NEGATED = "negated"  # "no helicopter was downed"
    HABITUAL = "habitual"  # "convoys have repeatedly been targeted"


@dataclass(frozen=True, slots=True)
class Hit:
    """One trigger match in the folded sentence."""

    trigger: Trigger
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Reading:
    """What a sentence says: mood, the chosen trigger and sub-type, tags."""

    mood: Mood
    hit: Hit | None = None
    sub_event_type: str | None = None
    tags: tuple[str, ...] = ()
    no_casualties: bool = False
    cue: str | None = None  # the modal/negation/habitual words that decided the mood
    definite: bool = False  # "the attack", "the assassination": may refer back to an event told before


_WORD_START = re.compile(r"(?<!\w)\w")


def find_hits(folded: str, lex: Lexicon) -> list[Hit]:
    """Every trigger match, with triggers that need a companion dropped if it is absent.

    One pass of the lexicon's union finds where triggers start; each trigger
    family whose words occur in the sentence is then tried only at those places.
    """
    # a trigger may start inside another's match ("were shot": the kill trigger's, and "shot" is excessive
    # force's): every word of a match is a start
    starts = sorted({at for m in lex.any_trigger.finditer(folded)
                     for at in (m.start(), *(m.start() + w.start() for w in _WORD_START.finditer(m.group())))})
    if not starts:
        return []
    hits = []
    chosen = lex.words.chosen(folded)  # the lists (trigger families among them) whose words occur here
    for trigger in lex.triggers:
        if trigger.key >= 0 and trigger.key not in chosen:
            continue
        for start in starts:
            match = trigger.pattern.match(folded, start)
            if match is not None:
                hits.append(Hit(trigger, match.start(), match.end()))
    names = {hit.trigger.name for hit in hits}
    hits = [hit for hit in hits if hit.trigger.requires is None or hit.trigger.requires in names]
    armed = [hit for hit in hits if _armed_killer(folded, hit)]
    setting = {hit.trigger.requires for hit in armed}  # the vigil they attacked is no protest of its own
    return [hit for hit in hits if hit not in armed and hit.trigger.name not in setting]


def _armed_killer(folded: str, hit: Hit) -> bool:
    """Whether an armed group, not the state, does the killing a protest trigger would make excessive
    force ("Gunmen killed 11 worshippers during a night vigil" is an attack on civilians)."""
    return hit.trigger.sub_event_type == EXCESSIVE_FORCE and bool(_NON_STATE_AGENT.search(folded, max(0, hit.start - 80), hit.start))


EXCESSIVE_FORCE = "Excessive force against protesters"
_NON_STATE_AGENT = re.compile(r"\b(?:gunmen|militants|insurgents|bandits|attackers|assailants|jihadists|terrorists|militiamen)\b"
                              r"|(?<!\w)(?:مسلحون|مسلحين|مسلحو|ارهابيون|مهاجمون)(?!\w)")


def _governing(pattern: re.Pattern[str], folded: str, hit: Hit, reach: int, skip: re.Pattern[str] | None = None) -> str | None:
    """The cue of ``pattern`` that governs ``hit``: before it, near, same clause, and
    (with ``skip``) not spent on a verb in between ("did not refer to the attack")."""
    for cue in pattern.finditer(folded, 0, hit.start):
        gap = folded[cue.end():hit.start]
        if cue.end() <= hit.start and len(gap) <= reach and not _CLAUSE_BREAK.search(gap):
            if skip is None or not skip.search(gap):
                return cue.group()
    return None


# a named operation whose own verb is still to come: "the operation to retake Tal Afar will begin
# within days", "عملية تحرير الفلوجة ستنطلق خلال أيام" (a verb joined by "and"/و or set off by a
# comma is another predicate: "retook the town and will begin clearing it")
_STARTS_LATER = re.compile(
    r"(?:(?!\band\b)[^,;:.]){0,90}?\b(?:will|is (?:expected|set|due|scheduled|about|going) to|are (?:expected|set|due|scheduled|about|going) to)"
    r"\s+(?:begin|start|be launched|commence|kick off|get under ?way)\b"
    r"|[^،,;:.]{0,90}?(?<!\w)(?:سوف )?س(?:تنطلق|ينطلق|تبدا|يبدا|يتم اطلاق)(?!\w)"
)


def _starts_later(folded: str, hit: Hit) -> str | None:
    found = _STARTS_LATER.match(folded, hit.end)
    return found.group().split()[-1] if found else None


# "any" right before the trigger names no event that happened: "that any attack on Lebanon would be
# met with a response", "إن أي معركة داخل المدينة ستكون مكلفة"
_ANY_BEFORE = re.compile(r"\bany (?:[\w-]+ )?$|(?<!\w)(?:اي|ايه) (?:\S+ )?$")


def _any_before(folded: str, hit: Hit) -> str | None:
    return "any" if _ANY_BEFORE.search(folded, max(0, hit.start - 30), hit.start) else None


def _in_no_casualties(folded: str, hit: Hit, lex: Lexicon) -> bool:
    return any(m.start() <= hit.start < m.end() for m in lex.no_casualties.finditer(folded))


def names_cause(folded: str, start: int, lex: Lexicon) -> bool:
    """Whether the words at ``start`` name the cause of what the sentence reports: "arrested for
    beating a man to death", "the officers who tortured him to death", "accused of …", بتهمة …"""
    before = folded[max(0, start - CAUSE_REACH):start]
    return bool(_CAUSE_WORD.search(before)) or lex.legal_frame.search(before) is not None


def _denial_tells_event(folded: str, hit: Hit, denial: str) -> bool:
    """A denial cue before ``hit`` denies an account of the event, not a plan or the charges
    (:data:`_INTENTION`) nor one's own act ("denied on Tuesday organising protests")."""
    cue_end = folded.rfind(denial, 0, hit.start) + len(denial)
    return not _INTENTION.search(folded, 0, hit.start) and not _OWN_ACT.match(folded, cue_end, hit.start)


def _classify_hit(folded: str, hit: Hit, lex: Lexicon) -> tuple[Mood, str | None]:
    if _in_no_casualties(folded, hit, lex) or (hit.trigger.not_as_cause and names_cause(folded, hit.start, lex)):
        return Mood.NONE, None
    negation = _governing(lex.negation, folded, hit, NEGATION_REACH, _NEGATION_SPENT)
    denied = negation is not None and _DENIAL.fullmatch(negation) is not None
    if negation is not None and denied and _denial_tells_event(folded, hit, negation):
        negation = None  # "denied that any homes had been razed": the denied account tells an event (status: denied)
    if negation:
        return Mood.NEGATED, negation
    modal = (_governing(lex.modal, folded, hit, MODAL_REACH, _MODAL_SPENT) or _starts_later(folded, hit)
             or (None if denied else _any_before(folded, hit)))  # a denial's "any" is the denied account's
    if modal:
        return Mood.MODAL, modal
    return Mood.EVENT, None


def _best(hits: list[Hit]) -> Hit:
    return max(hits, key=lambda h: (h.trigger.rank, -h.start))


def has_person_object(folded: str, hit: Hit) -> bool:
    """Whether an English trigger is an active verb whose object is one person ("police strangled
    her", "gunmen shot him dead"): the armed words before it then name the agent, not the target.
    Passives ("he was shot by soldiers") and nouns ("the killing of") are not."""
    verb = _FIRST_WORD.match(folded, hit.start)
    if verb is None or not _ACTIVE_FORM.fullmatch(verb.group()):
        return False
    if _AUXILIARY.search(folded[max(0, hit.start - 24):hit.start]):
        return False
    return _PERSON_OBJECT.match(folded, verb.end()) is not None


def resolve_target(folded: str, hit: Hit, lex: Lexicon) -> str:
    """Armed clash when the target near a generic attack/kill verb is armed, else Attack.
    A civilian or one person as the object ("strangled her") makes an Attack whoever the agent."""
    window = folded[max(0, hit.start - TARGET_WINDOW):hit.end + TARGET_WINDOW]
    if lex.civilian_targets.search(window):
        return "Attack"
    if lex.lang == "en" and has_person_object(folded, hit):
        return "Attack"
    if lex.armed_targets.search(window):
        return "Armed clash"
    return "Attack"


def sub_type_of(folded: str, hit: Hit, lex: Lexicon) -> str:
    """The sub-event type a chosen trigger gives in this sentence."""
    if hit.trigger.resolve == "target":
        return resolve_target(folded, hit, lex)
    if hit.trigger.resolve == "territory":
        return resolve_territory(folded, hit.start, hit.end)
    return hit.trigger.sub_event_type


def _tags(folded: str, hit: Hit, lex: Lexicon) -> tuple[str, ...]:
    tags = [hit.trigger.tags] if hit.trigger.tags else []
    tags += [f"target: {label}" for label, pattern in lex.target_tags if pattern.search(folded)]
    return tuple(tags)


def is_definite(folded: str, hit: Hit) -> bool:
    """Whether a trigger is a definite noun phrase ("after the attack", "the rocket attack")."""
    word = folded[hit.start:hit.end]
    nominal = bool(_NOMINAL.search(word)) if hit.trigger.rank <= GENERIC_RANK else bool(_HEAD_NOUN.match(folded, hit.end))
    return nominal and bool(_DETERMINER.search(folded[max(0, hit.start - 40):hit.start]))


def _may_deny_casualties(folded: str) -> bool:
    """A cheap test before the no-casualties patterns."""
    return _CASUALTY_WORDS.search(folded) is not None


# an event placed in a series after it: "…, police said, the second attack on migrant workers in 10 days"
_SERIES = re.compile(r"(?:the )?(?:second|third|fourth|fifth|sixth|latest|\d+(?:st|nd|rd|th))\b|(?:series|string|wave) of\b")


def _series_tail(folded: str, hit: Hit, habit: re.Match[str]) -> bool:
    """Whether the habit cue only tells that the event read before it is one of a series (a
    clause after a comma, past the trigger): the event itself is still told."""
    return habit.start() > hit.end and "," in folded[hit.end:habit.start()] and bool(_SERIES.match(folded, habit.start()))


def read_sentence(folded: str, lex: Lexicon) -> Reading:
    """The :class:`Reading` of one folded sentence."""
    hits = find_hits(folded, lex)
    no_casualties = _may_deny_casualties(folded) and bool(lex.no_casualties.search(folded))
    if not hits:
        return Reading(Mood.NONE, no_casualties=no_casualties)
    classified = [(hit, *_classify_hit(folded, hit, lex)) for hit in hits]
    asserted = [hit for hit, mood, _ in classified if mood is Mood.EVENT]
    if asserted:
        habit = lex.habitual.search(folded)
        hit = _best(asserted)
        if habit and _series_tail(folded, hit, habit):
            habit = None
        mood = Mood.HABITUAL if habit else Mood.EVENT
        cue = habit.group() if habit else None
        sub = sub_type_of(folded, hit, lex)
        definite = all(is_definite(folded, other) for other in asserted)  # nothing new beside "the attack"
        return Reading(mood, hit, sub, _tags(folded, hit, lex), no_casualties, cue, definite)
    others = [(hit, mood, cue) for hit, mood, cue in classified if mood is not Mood.NONE]
    if not others:
        return Reading(Mood.NONE, no_casualties=no_casualties)
    hit, mood, cue = max(others, key=lambda item: (item[0].trigger.rank, -item[0].start))
    return Reading(mood, hit, sub_type_of(folded, hit, lex), _tags(folded, hit, lex), no_casualties, cue)
