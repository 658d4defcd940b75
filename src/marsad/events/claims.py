"""Claims of one article, and what they do to the event mentions they concern.

Every sentence with an attribution ("X said", "according to", أعلن، قال، نفى),
a vow/threat/demand verb, a negated or modal trigger, or a doubt ("no video or
photo confirmation") becomes a :class:`Claim`.  Its ``event_id`` holds the
*mention id* of the event it concerns (the fuse stage maps mentions to
events): the mention of the same sentence, else the one it refers back to.

Effects on mentions:
* a responsibility claim sets ``claimed_by`` (and actor1 when that was generic)
  on the event it follows ("claimed responsibility for these attacks": every
  unclaimed event of the article so far);
* a doubt or a negation ("no helicopter was downed") makes the event it answers
  *disputed*, and the claims about that event with it;
* a denial makes it *denied*.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Sequence

from marsad.events.attribution import Attribution, modal_verb
from marsad.events.detect import Mood
from marsad.events.mentions import Context, said_of
from marsad.events.status import DENIED_ROLE, RESPONSIBILITY_VERBS, denies_event, own_deed_told
from marsad.events.views import View
from marsad.models import Claim, EventMention, Evidence, Status

COMPONENT = "claims"
VERSION = "1"
LOOKBACK_PARAGRAPHS = 3
_PLURAL = re.compile(r"\b(?:these|those|both|the|all|two|three|several)(?: [\w-]+){0,2} (?:attacks|operations|bombings|strikes|incidents)\b|الهجمات|العمليات")
_DOUBT_WORDS = re.compile("claim|confirm|verif|evidence|proof|propaganda|تحقق|تاكيد|مزاعم")
_CLAIM_VERBS = {"claimed", "claimed responsibility", "زعم", "تبنى"}
_GENERIC_ACTOR = re.compile(r"^Unidentified Armed Group")
_SUBJECT = re.compile(r"^\s*(?:['\u2018\u201c\"]?)((?:[A-Z][\w'\u2019.-]*\s?){1,6})")


@dataclass(frozen=True, slots=True)
class Statement:
    """A claim in the making: the sentence, its attribution and its effect."""

    view: View
    verb: str
    status: Status
    claimant: str | None
    outlet: str | None
    content: str
    effect: str  # "none", "responsibility", "dispute", "deny"
    side: str | None = None  # the speaker's actor, when an actor speaks
    side_type: str | None = None  # its ACLED category
    own_deed: bool = False  # the speaker names its own fighters doing the deed


def _content(view: View, said: Attribution | None) -> str:
    if said is not None:
        after = view.text[said.verb_end:].strip(" ,:\u060c")
        if len(after.split()) >= 4:
            return after
    return view.text


def _effect(view: View, said: Attribution | None, doubted: bool) -> str:
    if said is not None and said.negated:
        return "none"
    if said is not None and said.verb in RESPONSIBILITY_VERBS and view.reading.mood is not Mood.HABITUAL:
        return "responsibility"
    if said is not None and said.status == "denied":
        # a denial told with its event names it ("denied that any strike took place"), or it denies
        # something else ("took him from his home ..., and police deny holding him")
        return "deny" if view.reading.mood is not Mood.EVENT or denies_event(view, said) else "none"
    if view.reading.mood is Mood.NEGATED or (doubted and not view.is_event):
        return "dispute"
    return "none"


def _subject(view: View) -> str | None:
    match = _SUBJECT.match(view.text)
    return match.group(1).strip() if match else None


def _may_doubt(folded: str) -> bool:
    """A cheap test before the doubt patterns, for sentences with no verb or trigger."""
    return _DOUBT_WORDS.search(folded) is not None


def statement_of(view: View, ctx: Context, previous_claimant: str | None) -> Statement | None:
    """The statement a sentence makes, or None when it attributes nothing."""
    said = said_of(ctx, view)
    vow = modal_verb(view.folded, view.lex)
    negated_or_modal = view.reading.mood in (Mood.NEGATED, Mood.MODAL)
    worth_checking = said is not None or vow is not None or view.reading.mood is not Mood.NONE or _may_doubt(view.folded)
    doubted = worth_checking and bool(view.lex.dispute.search(view.folded))
    if said is None and vow is None and not negated_or_modal and not (doubted and view.reading.mood is Mood.NONE):
        return None
    verb = said.verb if said else vow[0] if vow else view.reading.cue or "stated"
    if said is not None and said.negated:
        verb = f"not {verb}"
    claimant = said.speaker if said else _subject(view) if vow else None
    if said is not None and said.pronoun:
        claimant = previous_claimant or claimant
    status = Status(said.status) if said else Status.REPORTED
    if doubted and view.reading.mood is not Mood.EVENT:
        status = Status.DISPUTED
    effect = _effect(view, said, doubted)
    side = said.side[0] if said is not None and not said.negated else None
    side_type = next((a.actor_type for a in ctx.actors if (a.char_start, a.char_end) == said.speaker_at), None) if side else None
    own_deed = side is not None and own_deed_told(view, said)
    return Statement(view, verb, status, claimant, said.outlet if said else None, _content(view, said), effect, side, side_type, own_deed)


def _previous(mentions: dict[int, list[EventMention]], view: View, views: Sequence[View]) -> list[int]:
    """Indices of event sentences before ``view`` within the look-back paragraphs, nearest first."""
    floor = view.paragraph - LOOKBACK_PARAGRAPHS
    return sorted((i for i in mentions if i < view.index and views[i].paragraph >= floor), reverse=True)


def _targets(
    statement: Statement, mentions: dict[int, list[EventMention]], views: Sequence[View], claimed: set[str], attributed: set[int]
) -> list[int]:
    view = statement.view
    if view.index in mentions:
        return [view.index]
    earlier = _previous(mentions, view, views)
    if not earlier:
        return []
    if statement.effect == "responsibility" and _PLURAL.search(view.folded):
        return [i for i in earlier if not any(m.mention_id in claimed for m in mentions[i])] or earlier[:1]
    if statement.effect == "dispute" and view.reading.hit is not None:
        same = [i for i in earlier if views[i].reading.hit and views[i].reading.hit.trigger.name == view.reading.hit.trigger.name]
        return same[:3] or earlier[:1]
    if statement.effect == "dispute":
        # the claims before it, else the nearest account someone gave ("Russian officials said Ukrainian
        # forces shelled a bakery. ... the claim could not be independently verified")
        claims = [i for i in earlier if any(m.status is Status.CLAIMED for m in mentions[i])][:3]
        return claims or [i for i in earlier[:1] if i in attributed]
    return earlier[:1]


def _same_event(a: EventMention, b: EventMention) -> bool:
    """Two mentions of one article that tell the same event (same day and place, same kind of violence)."""
    violent = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    same_kind = a.event_type == b.event_type or (a.event_type in violent and b.event_type in violent)
    same_place = (a.location or a.admin1) == (b.location or b.admin1)
    return same_kind and same_place and a.date == b.date and a.time_precision == b.time_precision == 1 and a.background == b.background


def _with_retellings(targets: list[int], mentions: dict[int, list[EventMention]]) -> list[int]:
    """The target events plus the other mentions of the article that retell them."""
    chosen = [mentions[i][0] for i in targets]
    extra = [i for i, group in mentions.items() if i not in targets and any(_same_event(group[0], c) for c in chosen)]
    return sorted(set(targets) | set(extra))


_ARMED_NON_STATE = frozenset({"Rebel groups", "Political militias", "Identity militias"})


def _self_told(statement: Statement, mention: EventMention) -> bool:
    """An armed group tells what it did itself ("Hezbollah said it had targeted an Israeli tank",
    أكدت حركة الشباب أن مقاتليها نصبوا كميناً): a claim of responsibility without the word."""
    if statement.effect != "none" or statement.side is None or mention.claimed_by is not None:
        return False
    if mention.actor1 == statement.side and mention.actor1_type in _ARMED_NON_STATE:
        return True
    return statement.own_deed and statement.side_type in _ARMED_NON_STATE and mention.status in (Status.CLAIMED, Status.DISPUTED)


def _claimant_acts(statement: Statement, mention: EventMention) -> bool:
    """The claimant becomes actor1: in place of a generic or missing one, or of state forces the
    rules took from another voice of the sentence ("قالت الشرطة الصومالية إن سيارة مفخخة انفجرت
    …، فيما أعلنت حركة الشباب مسؤوليتها عن التفجير")."""
    if mention.actor1 is None or _GENERIC_ACTOR.match(mention.actor1):
        return True
    return (
        statement.side == statement.claimant and mention.actor1 != statement.side
        and mention.actor1_type == "State forces" and statement.side_type in _ARMED_NON_STATE
    )


def _apply(statement: Statement, mention: EventMention) -> EventMention:
    if _self_told(statement, mention):
        if mention.actor1 == statement.side or not _claimant_acts(dataclasses.replace(statement, claimant=statement.side), mention):
            return dataclasses.replace(mention, claimed_by=statement.side)
        actor2 = mention.actor2 if mention.actor2 is not None or mention.actor1 is None or _GENERIC_ACTOR.match(mention.actor1) else mention.actor1
        actor2_type = mention.actor2_type if actor2 == mention.actor2 else mention.actor1_type
        return dataclasses.replace(mention, claimed_by=statement.side, actor1=statement.side, actor1_type=statement.side_type,
                                   actor2=actor2, actor2_type=actor2_type)
    if statement.effect == "responsibility" and statement.claimant:
        taken = _claimant_acts(statement, mention)
        actor1 = statement.claimant if taken else mention.actor1
        actor1_type = (statement.side_type or "Political militias") if taken else mention.actor1_type
        claimed = dataclasses.replace(mention, claimed_by=statement.claimant, actor1=actor1, actor1_type=actor1_type)
        if claimed.actor2 == statement.claimant:  # the claimant, read before the verb, is no target
            claimed = dataclasses.replace(claimed, actor2=None, actor2_type=None)
        return claimed
    if statement.effect == "dispute" and mention.status is not Status.DENIED:
        return dataclasses.replace(mention, status=Status.DISPUTED)
    if statement.effect == "deny" and not DENIED_ROLE.search(statement.view.folded):
        return dataclasses.replace(mention, status=Status.DENIED)
    return mention


def _claim(ctx: Context, statement: Statement, event_id: str | None) -> Claim:
    view = statement.view
    return Claim(
        claim_id=Claim.make_id(ctx.doc_id, view.start, view.end),
        doc_id=ctx.doc_id,
        article_id=ctx.article.article_id,
        char_start=view.start,
        char_end=view.end,
        evidence=Evidence(ctx.doc_id, view.start, view.end, COMPONENT, VERSION),
        content=statement.content,
        verb=statement.verb,
        status=statement.status,
        claimant=statement.claimant,
        outlet=statement.outlet,
        mention_id=event_id,
    )


def link_claims(
    ctx: Context, views: Sequence[View], mentions: dict[int, list[EventMention]]
) -> tuple[dict[int, list[EventMention]], list[Claim]]:
    """The article's claims; ``mentions`` (event sentence index -> mentions) updated by their effects."""
    claims: list[Claim] = []
    claimed: set[str] = set()
    previous_claimant: str | None = None
    attributed = {i for i in mentions if said_of(ctx, views[i]) is not None}
    for view in views:
        statement = statement_of(view, ctx, previous_claimant)
        if statement is None:
            continue
        previous_claimant = statement.claimant or previous_claimant
        targets = _targets(statement, mentions, views, claimed, attributed) if statement.effect != "none" or view.index in mentions else []
        if statement.effect == "none" and not targets and view.reading.definite:
            targets = _previous(mentions, view, views)[:1]
        if statement.effect != "none" and targets and view.index not in mentions:
            targets = _with_retellings(targets, mentions)
        for index in targets:
            mentions[index] = [_apply(statement, m) for m in mentions[index]]
            if statement.effect == "responsibility":
                claimed.update(m.mention_id for m in mentions[index])
        event_id = mentions[targets[0]][0].mention_id if targets else None
        if statement.effect == "dispute" and not targets and view.reading.mood is not Mood.NEGATED:
            claims, event_id = _dispute_last_claim(claims, view)
        claims.append(_claim(ctx, statement, event_id))
    return mentions, _disputed_claims(claims, mentions)


def _dispute_last_claim(claims: list[Claim], view: View) -> tuple[list[Claim], str | None]:
    """A doubt that answers no claimed event ("The claim could not be verified") disputes
    the latest claim made by a party before it; the doubt is linked to that claim's event."""
    for position in range(len(claims) - 1, -1, -1):
        claim = claims[position]
        if claim.status is Status.CLAIMED and claim.char_start < view.start and (claim.mention_id or claim.verb in _CLAIM_VERBS):
            claims = [*claims[:position], dataclasses.replace(claim, status=Status.DISPUTED), *claims[position + 1:]]
            return claims, claim.mention_id
    return claims, None


def _disputed_claims(claims: list[Claim], mentions: dict[int, list[EventMention]]) -> list[Claim]:
    """Claims about a disputed or denied event share its status (a claim's own denial stays)."""
    status = {m.mention_id: m.status for group in mentions.values() for m in group}
    result = []
    for claim in claims:
        event_status = status.get(claim.mention_id or "")
        if event_status in (Status.DISPUTED, Status.DENIED) and claim.status is Status.CLAIMED:
            claim = dataclasses.replace(claim, status=event_status)
        result.append(claim)
    return result
