"""A second opinion on the lead event's sub-type of a short text, from the learned classifier.

The rules name a sub-type from the strongest trigger word of a sentence; the
classifier (:mod:`.subtype`) reads the whole sentence.  For a short text — a
note, a wire brief, a feed item: at most :data:`SHORT_SENTENCES` sentences —
:func:`arbitrate` decides between them: the rules stand unless the classifier
is clearly surer; a text whose rules found no event gets one from the
classifier when it is confident ("Around 200 teachers held a protest in front
of the governorate building" names no trigger the rules know); a text the
classifier reads as no event at all (a vow, a denial) loses its lead.

When the rules found a trigger in the first sentence but kept no event from it
(read a vow, a negation, a habit -- or misread a plain report as one), the
classifier must be surer (``Policy.supply_read``) than for a sentence with no
trigger at all.

Longer articles keep the rules' reading: there the rules have the context,
the classifier measured no gain on long news (HRDsAttack), and encoding a
sentence costs ~30 ms — too much for every article of a large crawl.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from marsad.events.detect import Mood, Reading
from marsad.events.mentions import Context, MentionDetail, build_mentions, event_date, recalled
from marsad.events.roles import ARMED_TYPES, GENERIC_PREFIXES, Roles, with_generics
from marsad.events.subtype import DEFAULT_POLICY, SubtypeModel, arbitrate
from marsad.events.taxonomy import sub_type
from marsad.events.views import View
from marsad.models import EventMention, Status

SHORT_SENTENCES = 4
_CHEMICAL = re.compile(
    r"(?i:chemical|chlorine|sarin|mustard|nerve|toxic|poison|gas(?:sed|sing)?\b(?!\s*(?:field|pipeline|station|plant|facilit|well|compan|export|price))"
    r"|suffocat|asphyxia|chok(?:e|ed|ing))|كيما|كيميا|كلور|السارين|سام(?:ه|ة)?(?!\w)|غازات|اختناق"
)
COMPONENT = "events.subtype"


def second_opinion(
    ctx: Context, views: Sequence[View], mentions: list[EventMention], model: SubtypeModel
) -> tuple[list[EventMention], list[MentionDetail]]:
    """``mentions`` with the lead's sub-type arbitrated; for a short text without a lead, a
    lead the classifier supplies (returned with its detail)."""
    body = [v for v in views if not v.is_title]
    if not body or len(body) > SHORT_SENTENCES:
        return mentions, []
    lead = next((m for m in mentions if m.lead), None)
    if lead is None and any(m.status is Status.DENIED for m in mentions):
        return mentions, []  # the rules read a denied report: no event to supply
    if lead is None:
        # a sentence in which the rules read a vow, a denial or a habit (or an event they then
        # dropped) needs a surer model (Policy.supply_read) than one with no trigger at all
        return _supplied(ctx, views, body[0], model, mentions, rules_read=body[0].reading.mood is not Mood.NONE)
    lead_text = _lead_text(views, lead, ctx.doc_text)
    (prediction,) = model.predict([lead_text])
    chosen = arbitrate(lead.sub_event_type, prediction)
    if chosen == "Attack" and lead.sub_event_type == "Armed clash" and _armed_target(lead):
        return mentions, []
    if chosen == lead.sub_event_type or (chosen == "Chemical weapon" and not _CHEMICAL.search(lead_text)):
        return mentions, []  # "a drone attack on the Khor Mor gas field" names no chemical
    if chosen is None and (lead.claimed_by is not None or lead.status is not Status.REPORTED or lead.fatalities):
        # a group claims the event the rules read, or a party's account of it is doubted or denied:
        # the model reads such a sentence as no event, but the rules keep it with its status; nor
        # does it veto dead the rules counted ("The death toll from the shelling rose to 25")
        return mentions, []
    if chosen is None:
        return [m for m in mentions if m.mention_id != lead.mention_id], []
    return [recode(m, chosen) if m.mention_id == lead.mention_id else m for m in mentions], []


def _armed_target(lead: EventMention) -> bool:
    """The rules named the clash's target, an armed actor ("قُتل جندي عراقي في هجوم شنه مسلحون":
    Military Forces of Iraq): ACLED's Attack is violence against civilians, so it stays a clash."""
    return bool(lead.actor2) and lead.actor2_type in ARMED_TYPES and not lead.actor2.startswith(GENERIC_PREFIXES)


def _lead_text(views: Sequence[View], lead: EventMention, doc_text: str) -> str:
    """The whole sentence(s) holding the lead; a headline lead with the first body sentence; a lead
    later in the paragraph with the sentences before it ("A Russian strike hit a residential area in
    Kherson. 2 civilians were confirmed killed": the first tells what killed them)."""
    holding = [v for v in views if v.start < lead.char_end and lead.char_start < v.end]
    if holding and holding[0].is_title:
        body = [v for v in views if not v.is_title]
        holding = holding[:1] + body[:1]
    elif holding:
        before = [v for v in views if not v.is_title and v.paragraph == holding[0].paragraph and v.end <= holding[0].start]
        holding = before + holding
    return " ".join(v.text for v in holding) or doc_text[lead.char_start:lead.char_end]


def _supplied(
    ctx: Context, views: Sequence[View], first: View, model: SubtypeModel, mentions: list[EventMention],
    rules_read: bool = False,
) -> tuple[list[EventMention], list[MentionDetail]]:
    if (rules_read and DEFAULT_POLICY.supply_read > 1) or _STATEMENT.search(first.folded):
        return mentions, []  # never supplied: spare the encoding; a vow, plan, condition or denial is no event
    (prediction,) = model.predict([first.text])
    chosen = arbitrate(None, prediction, rules_read=rules_read)
    if chosen is None or _told_as_history(first, mentions, chosen):
        return mentions, []
    view = dataclasses.replace(first, reading=Reading(Mood.EVENT, None, chosen))
    built = build_mentions(ctx, views, view, event_date(ctx, view, None))
    if not built:
        return mentions, []
    mention, detail = built[0]
    return [dataclasses.replace(mention, lead=True), *mentions], [detail]


def _told_as_history(first: View, mentions: list[EventMention], chosen: str) -> bool:
    """The rules read the sentence's ``chosen`` event as background, by its own date or a cue
    that looks back ("a year after a coalition airstrike killed dozens"): the classifier names
    that same past event, no event of today.  A history word alone ("before being killed by
    police") leaves the classifier its say."""
    looks_back = recalled(first)
    return any(
        m.background and m.sub_event_type == chosen and first.start <= m.char_start < first.end and (looks_back or m.date is not None)
        for m in mentions
    )


# what makes a sentence without a trigger a statement about an event rather than a report of one
# ("vowed to expel African Union troops", "intends to seize El Fasher", "If the army advances, rebel
# fighters will blow up the bridges", "Police did not open fire", "No shots were fired", "Kalehe had not
# fallen", "Troops are preparing an offensive", a question, دعا أنصاره إلى شن هجمات، لم يقع أي اشتباك،
# طالب … بشن عملية عسكرية)
_STATEMENT = re.compile(
    r"\b(?:(?:vow(?:s|ed)?|threaten(?:s|ed)?|intend(?:s|ed)?|plan(?:s|ned)?) (?:[\w'-]+ ){0,4}?to|if|unless|did not|didn't|"
    r"no [\w-]+ (?:took place|occurred|happened)|no one|nobody|without incident|"
    r"(?:had|has|have|was|were) not (?:fallen|been (?:captured|taken|seized|overrun|attacked|hit|shelled|struck))|"
    r"no (?:[\w-]+ ){0,2}(?:was|were|has been|have been|had been) (?:fired|killed|hurt|injured|wounded|abducted|reported|harmed)|"
    r"prepar(?:e|es|ed|ing) (?:for|an?|to)|warn(?:s|ed|ing)? (?:[\w'-]+ ){0,6}?(?:that|of|against))\b|\?"
    r"|(?<!\w)(?:توعد\w*|هدد\w*|حذر\w*|[يت]حذر\w*|يعتزم|تعتزم|اذا|لو|سوف|لن|لم (?:\S+ ){0,2}?(?:اي|احد)|[يت]?طالب\w* (?:\S+ ){0,6}?ب(?:شن|تنفيذ)|(?:دعا|يدعو|دعت|تدعو) (?:\S+ ){0,8}?الي (?:شن|تنفيذ|استهداف|مهاجمه|قتال|الجهاد))(?!\w)"
)


def recode(mention: EventMention, chosen: str) -> EventMention:
    """``mention`` as a ``chosen`` event: type and codes; named actors kept, generic ones redrawn."""
    kind = sub_type(chosen)
    named = lambda actor, category: (actor, category) if actor and not actor.startswith(GENERIC_PREFIXES) else (None, None)  # noqa: E731
    roles = Roles(*named(mention.actor1, mention.actor1_type), *named(mention.actor2, mention.actor2_type))
    filled = with_generics(roles, kind.event_type, chosen, mention.country)
    return dataclasses.replace(
        mention, event_type=kind.event_type, sub_event_type=chosen, cameo=kind.cameo, plover=kind.plover,
        actor1=filled.actor1, actor1_type=filled.actor1_type, actor2=filled.actor2, actor2_type=filled.actor2_type,
    )
