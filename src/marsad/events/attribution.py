"""Who says so: the speaker, outlet, verb and stance of a sentence.

"al-Hosseini told FNA on Wednesday" -> speaker al-Hosseini, outlet FNA, verb
told; "according to pro-HTS sources" -> speaker "pro-HTS sources" (a party's
outlet: claimed); "a police spokesman said" -> an official voice (``official``:
the caller makes it a claim when the speaker's side did what is told); "A
group called 'Ashab al-Kahf' claimed responsibility" -> speaker Ashab al-Kahf,
verb "claimed responsibility"; Arabic أعلن، قال، نفى، تبنى، أكد، زعم with the
speaker after the verb.  A pronoun speaker ("he said", "the
group") is left for the caller to resolve from the previous statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from marsad.events.lexicon import Lexicon, Verb
from marsad.models import ActorMention

# speakers whose word on an event stays a claim until someone else confirms it
PARTY_TYPES = frozenset({"Rebel groups", "Political militias", "Identity militias"})
_NEUTRAL_CO_SOURCE = re.compile(
    r"\b(?:local sources|residents|witnesses|medics|doctors|hospital officials|monitors?|observatory|journalists)\b"
    r"|(?<!\w)(?:مصادر محلية|سكان|شهود|أطباء|مصادر طبية|المرصد|مرصد)(?!\w)"
)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|the (?:group|source|sources|spokesman|official|statement|movement|militia|command|ministry|officer|commander)|its|his|her|their)$", re.IGNORECASE)
_CALLED = re.compile(r"(?:called|named|calling itself|known as)\s+['\u2018\u2019\"\u201c]([^'\u2018\u2019\"\u201d]{2,60})['\u2019\"\u201d]")
_STOP = re.compile(r"[,;:(\u060c]|\bthat\b|\bwho\b|\bwhich\b|\band\b|\bwhile\b")
_AUXILIARY = re.compile(r"(?:\s+(?:has|have|had|did|does|do|also|further|then|in turn|repeatedly|reportedly|later|previously|officially|already|allegedly|quickly|again|not|never|is|was|were|are))+\s*$", re.IGNORECASE)
_QUOTE_END = re.compile(r"[,.!?]?\s*[\"\u201d\u2019']\s*$")
_NEGATED_SPEAKER = re.compile(r"^(?:no|none|nobody|neither|not)\b", re.IGNORECASE)
# فيما is no ما, nor is وفق ما / بحسب ما / كما ("according to what ... claimed")
_NEGATED_VERB = re.compile(r"(?:\bnot|n't|\bnever|\bno one|\bnobody|(?<!\w)(?:لم|لا|(?<!وفق )(?<!حسب )(?<!بحسب )(?<!كما )ما))\s+(?:\w+\s+)?$")
_NOUN_BEFORE = re.compile(r"\b(?:the|its|a|their|this|these|his|her)\s+$")  # "the claim", "its claims": nouns
_OBJECT_STOP = re.compile(r"[,;.:()\u060c\u00ab\u00bb]|\bthat\b|\bwho\b|\bon\b|\bin a\b|\s(?:إن|أن|ان|بأن|بان|لـ|ل«)")
# "over allegations, which she denies", "on charges he denied": the charges are denied, not the event
_DENIED_CHARGES = re.compile(
    r"\b(?:charges?|allegations?|accusations?|offen[cs]es?|crimes?)\b,?\s+(?:which\s+|that\s+)?"
    r"(?:he|she|they|both|all three|all|each)\s+(?:has\s+|have\s+|had\s+|strongly\s+|always\s+)*$"
)
_ACT_BEFORE = re.compile(r"\b(?:attacks?|bombings?|assaults?|ambush(?:es)?|blasts?|explosions?|killings?|raids?|strikes?|"
                         r"operations?|abductions?|kidnappings?|massacres?|shootings?|beheadings?|downing|hijacking)\b")
_AR_OUTLET = re.compile(r"(?:لـ\s?|ل|وكالة\s|وكاله\s|موقع\s|قناة\s|قناه\s)«([^»]{2,40})»")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One statement's attribution, with spans into the sentence."""

    verb: str
    status: str
    speaker: str | None
    outlet: str | None
    verb_start: int
    verb_end: int
    pronoun: bool = False
    partisan: bool = False
    negated: bool = False  # "No group claimed responsibility", "did not say"
    official: bool = False  # a party's official voice ("a spokesman", "in a statement", بيان)
    side: tuple[str | None, str | None] = (None, None)  # the speaker's actor and country, when an actor speaks
    clause_start: int = 0  # where "who says" begins in the sentence: the speaker before the verb, else the verb
    speaker_at: tuple[int, int] | None = None  # the document span of the speaker's actor mention


def _first_verb(folded: str, lex: Lexicon) -> tuple[Verb, re.Match[str]] | None:
    """The highest-priority attribution verb of the sentence (lexicon order)."""
    starts = [m.start() for m in lex.any_verb.finditer(folded)]
    chosen = lex.words.chosen(folded) if starts else {}  # the lists (verbs among them) whose words occur here
    for verb in lex.verbs if starts else ():
        if verb.key >= 0 and verb.key not in chosen:
            continue
        for start in starts:
            match = verb.pattern.match(folded, start)
            if match is None or (verb.label == "claimed" and _NOUN_BEFORE.search(folded, max(0, start - 8), start)):
                continue
            if verb.status == "denied" and _DENIED_CHARGES.search(folded, max(0, start - 40), start):
                continue
            if verb.speaker == "object" and verb.status == "claimed" and not _ACT_BEFORE.search(folded, max(0, start - 60), start):
                continue  # "claimed by" names a claimant after an act ("the 2019 attack on the camp, claimed by IS"), not "bodies claimed by relatives"
            return verb, match
    return None


def _words(text: str, limit: int, from_end: bool) -> str:
    words = text.split()
    words = words[-limit:] if from_end else words[:limit]
    return " ".join(words).strip(" \"'\u201c\u201d\u2018\u2019.,")


def _speaker_before(text: str, verb_start: int) -> str:
    chunks = [c for c in _STOP.split(text[:verb_start]) if c and c.strip(" \"'\u201c\u201d\u2018\u2019")]
    head = _AUXILIARY.sub("", chunks[-1]) if chunks else ""
    return _words(head, 8, from_end=True).strip("()[] ")


def _speaker_after(text: str, verb_end: int, limit: int = 8) -> str:
    tail = text[verb_end:]
    cut = _OBJECT_STOP.search(tail)
    return _words(tail[:cut.start()] if cut else tail, limit, from_end=False).strip("()[] ")


def _actor_near(actors: Sequence[ActorMention], base: int, start: int, end: int, after: bool = False) -> ActorMention | None:
    """The actor nearest a verb within ``[start, end)``: the last one before it, or the first
    one after it when ``after`` ("تبنى تنظيم داعش الهجوم على حاجز للجيش السوري": IS)."""
    inside = [a for a in actors if base + start <= a.char_start and a.char_end <= base + end]
    return (inside[0] if after else inside[-1]) if inside else None


def _outlet(text: str, folded: str, lex: Lexicon, offsets: Sequence[int] | None = None) -> str | None:
    match = lex.outlets.search(folded)
    if match:
        start, end = _original(offsets, match.start(), match.end())
        return text[start:end]
    quoted = _AR_OUTLET.search(text)
    if quoted:
        return quoted.group(1).strip()
    told = re.search(r"\btold (?:the )?((?:[A-Z][\w-]*\s?){1,4})", text)
    return told.group(1).strip() if told else None


def _speaker(text: str, verb: Verb, start: int, end: int, actors: Sequence[ActorMention], base: int,
             subject: tuple[int, int] | None = None) -> str | None:
    """Who speaks, given the verb's span ``[start, end)`` in ``text`` (``subject``: the span of a
    subject before an appositive, see :func:`_appositive_subject`)."""
    called = _CALLED.search(text)
    if called:
        return called.group(1).strip()
    if verb.speaker in ("object", "after"):
        actor = _actor_near(actors, base, end, min(len(text), end + 80), after=True)
        limit = 8 if verb.speaker == "object" else 4
        return (actor.actor or actor.text) if actor else _speaker_after(text, end, limit) or None
    if _QUOTE_END.search(text[:start]):
        return _speaker_after(text, end) or None  # '"...," said the officer'
    if subject is not None:
        actor = _actor_near(actors, base, subject[0], start, after=True)
        return (actor.actor or actor.text) if actor else _words(text[subject[0]:subject[1]], 8, from_end=True) or None
    actor = _actor_near(actors, base, _head_start(text, start), start)
    if actor is not None:
        return actor.actor or actor.text
    before = _speaker_before(text, start)
    if before or start > len(text) * 0.6:
        return before or None
    return _speaker_after(text, end) or None


def _head_start(text: str, verb_start: int) -> int:
    """Where the words just before a verb that may name its speaker begin: within 80
    characters, after the last comma or clause word ("..., a security official said")."""
    window = max(0, verb_start - 80)
    stops = [m.end() for m in _STOP.finditer(text, window, verb_start)]
    return stops[-1] if stops else window


def _appositive_subject(text: str, verb_start: int) -> tuple[int, int] | None:
    """A subject with an appositive right before the verb ("The Qassam Brigades, Hamas's armed
    wing, said"; "Yahya Saree, the Houthis' military spokesman, said"): the span from the
    subject's start to the appositive's comma, or None."""
    stops = list(_STOP.finditer(text, max(0, verb_start - 120), verb_start))
    if len(stops) < 2 or stops[-1].group() != "," or stops[-2].group() != "," or text[stops[-1].end():verb_start].strip():
        return None
    begin = stops[-3].end() if len(stops) >= 3 else max(0, verb_start - 120)
    subject = text[begin:stops[-2].start()].split()
    return (begin, stops[-2].start()) if 0 < len(subject) <= 6 else None


def _speaker_actor(actors: Sequence[ActorMention], verb: Verb, text: str, start: int, end: int, base: int,
                   subject: tuple[int, int] | None = None) -> ActorMention | None:
    """The actor who speaks: before a verb such as "said" (the subject first when an appositive
    follows it), after it for أعلن or for a quotation that opens the sentence."""
    if verb.speaker == "before" and not _QUOTE_END.search(text[:start]):
        if subject is not None:
            return _actor_near(actors, base, subject[0], start, after=True)
        return _actor_near(actors, base, _head_start(text, start), start)
    return _actor_near(actors, base, end, min(len(text), end + 80), after=True)


def _original(offsets: Sequence[int] | None, start: int, end: int) -> tuple[int, int]:
    """A folded span mapped back onto the sentence (folding may drop Arabic marks)."""
    if not offsets or end <= start:
        return start, end
    return offsets[min(start, len(offsets) - 1)], offsets[min(end, len(offsets)) - 1] + 1


def attribution_of(
    text: str,
    folded: str,
    lex: Lexicon,
    actors: Sequence[ActorMention] = (),
    base: int = 0,
    offsets: Sequence[int] | None = None,
) -> Attribution | None:
    """The attribution of one sentence ``text`` (``folded`` its matching form and
    ``offsets`` the map from folded to original positions; ``base`` the sentence's
    offset in the document, for the actor mentions), or None when nobody is said to
    say anything.  The verb span returned is in ``text``."""
    found = _first_verb(folded, lex)
    if found is None:
        return None
    verb, match = found
    start, end = _original(offsets, match.start(), match.end())
    actors = [a for a in actors if a.actor_type != "Civilians"]  # the victims told of are no speakers
    if verb.speaker == "after" and " " in text[start:end]:
        end = start + text[start:end].index(" ")  # the speaker inside the phrase: أعلنت كتائب القسام مسؤوليتها عن
    subject = _appositive_subject(text, start) if verb.speaker == "before" else None
    speaker = _speaker(text, verb, start, end, actors, base, subject)
    pronoun = bool(speaker and _PRONOUN.match(speaker.lower()))
    partisan = bool(lex.partisan.search(folded))
    speaker_actor = _speaker_actor(actors, verb, text, start, end, base, subject)
    if speaker_actor is not None and speaker_actor.actor_type in PARTY_TYPES and not _shared_with_neutral(text, verb, start, end):
        partisan = True
    status = verb.status
    if status == "reported" and partisan:
        status = "claimed"
    outlet = _outlet(text, folded, lex, offsets)
    negated = bool(_NEGATED_SPEAKER.match(speaker or "")) or bool(_NEGATED_VERB.search(folded[max(0, match.start() - 16):match.start()]))
    if negated:
        status = "reported"
    side = (speaker_actor.actor, speaker_actor.country) if speaker_actor is not None else (None, None)
    official = bool(lex.official.search(folded))
    clause = (subject[0] if subject else _head_start(text, start)) if verb.speaker == "before" and not _QUOTE_END.search(text[:start]) else start
    speaker_at = (speaker_actor.char_start, speaker_actor.char_end) if speaker_actor is not None else None
    return Attribution(verb.label, status, speaker, outlet, start, end, pronoun, partisan, negated, official, side, clause, speaker_at)


def _shared_with_neutral(text: str, verb: Verb, start: int, end: int) -> bool:
    """Whether a neutral source tells the event beside the party: "local sources and the SDF said",
    "according to residents and Amaq" (the words of the speaker's clause)."""
    if verb.speaker == "before":
        words = text[text.rfind(",", 0, start) + 1:start]
    else:
        stop = min((i for i in (text.find(",", end), text.find(".", end)) if i >= 0), default=len(text))
        words = text[end:stop]
    return _NEUTRAL_CO_SOURCE.search(words) is not None


def modal_verb(folded: str, lex: Lexicon) -> tuple[str, int, int] | None:
    """The vow/threat/demand verb of a statement ("vowed", "threatens to"), if any."""
    if not lex.any_modal_verb.search(folded):
        return None
    for label, pattern in lex.modal_verbs:
        match = pattern.search(folded)
        if match:
            return label, match.start(), match.end()
    return None
