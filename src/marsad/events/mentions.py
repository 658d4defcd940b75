"""Event mentions of one article, built from its read sentences."""

from __future__ import annotations

import dataclasses
from collections import Counter
import datetime as dt
from dataclasses import dataclass, field
import re
from typing import Sequence

from marsad.events.attribution import Attribution, attribution_of
from marsad.events.dating import EventDate, article_date, sentence_date
from marsad.events.detect import EXCESSIVE_FORCE, Mood, names_cause
from marsad.events.fatalities import fatalities_in
from marsad.events.geo import NO_PLACE, Place, article_place, dominant_country, nearest_before, place_of, places_in
from marsad.events.lookback import clause_end, in_dated_relative
from marsad.events.roles import Roles, roles_from_mentions, with_generics
from marsad.events.status import DENIAL_VERBS, RESPONSIBILITY_VERBS, denies_a_role, part_denied, status_of, tells_own_deed
from marsad.events.taxonomy import sub_type
from marsad.events.views import View
from marsad.models import ActorMention, Article, EventMention, Evidence, Status, Toponym

# events that kill: one victim named as killed counts one death (an arrest recalling a murder does not)
LETHAL_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
COMPONENT = "events"
VERSION = "1"


@dataclass(frozen=True, slots=True)
class Context:
    """What every mention of one article shares."""

    doc_id: str
    doc_text: str
    article: Article
    toponyms: tuple[Toponym, ...]
    actors: tuple[ActorMention, ...]
    anchor: dt.date | None
    latest_year: int | None
    said: dict[int, Attribution | None] = field(default_factory=dict, compare=False, hash=False)  # per-call memo


def said_of(ctx: Context, view: View) -> Attribution | None:
    """The attribution of a sentence, read once per article."""
    if view.index not in ctx.said:
        ctx.said[view.index] = attribution_of(view.text, view.folded, view.lex, ctx.actors, view.start, view.offsets)
    return ctx.said[view.index]


@dataclass(frozen=True, slots=True)
class MentionDetail:
    """What a mention record has no column for: tags, where its date came from, its trigger."""

    mention_id: str
    tags: str
    date_source: str
    trigger: str
    sentence_index: int
    year_only: bool = False  # its date names only a year
    own_place: bool = False  # its place is named in its own sentence (not taken from the article)
    victims: frozenset[str] = frozenset()  # the sides its dead were on, as its sentence says (victims.sides_of)


def is_reference(ctx: Context, view: View, earlier_events: int) -> bool:
    """A definite noun ("after the attack", "the rocket attack") that refers back to an
    event told before; one dated in its own sentence ("the January 2020 drone strike")
    is an event of its own (history, most often)."""
    if not view.reading.definite or earlier_events == 0:
        return False
    own = sentence_date(view.text, view.trigger_start - view.start, ctx.anchor, view.lang, latest_year=ctx.latest_year)
    return own is None or not own.background


def paragraph_start(views: Sequence[View], view: View) -> int:
    """Start offset of the paragraph of ``view`` (sentences are in text order)."""
    index = view.index
    while index > 0 and views[index - 1].paragraph == view.paragraph:
        index -= 1
    return views[index].start if views[index].paragraph == view.paragraph else view.start


def event_place(ctx: Context, views: Sequence[View], view: View, background: bool) -> list[Place]:
    """The place(s) of an event sentence (see :mod:`marsad.events.geo`); a bare country is
    narrowed to the article's first town in that country (at geo_precision 2)."""
    return [refine_country(ctx, place, view.start) for place in _event_places(ctx, views, view, background)]


def refine_country(ctx: Context, place: Place, before: int) -> Place:
    """A country-level place narrowed to a town of that country: one named before the
    sentence (the dateline, "MINSK (Reuters) -", or the title), else the town the article
    names most when it dominates the others; at geo_precision 2."""
    if place.country is None or place.admin1 is not None or place.geo_precision != 3:
        return place
    towns = [t for t in ctx.toponyms if t.country == place.country and t.feature_class == "P" and t.admin1]
    earlier = [t for t in towns if t.char_end <= before]
    counts = Counter(t.name or t.text for t in towns)
    if earlier:
        town = earlier[0]
    elif counts and 2 * counts.most_common(1)[0][1] > len(towns) and counts.most_common(1)[0][1] >= 2:
        name = counts.most_common(1)[0][0]
        town = next(t for t in towns if (t.name or t.text) == name)
    else:
        return place
    found = place_of(town)
    return Place(found.location, found.country, found.admin1, found.latitude, found.longitude, 2, found.char_start, found.char_end)


def _event_places(ctx: Context, views: Sequence[View], view: View, background: bool) -> list[Place]:
    inside = places_in(ctx.toponyms, view.start, view.end, ctx.doc_text[view.start:view.end])
    if inside:
        return inside
    main = dominant_country(ctx.toponyms)
    local = [t for t in ctx.toponyms if t.country == main] or ctx.toponyms
    before = nearest_before(local, view.start, paragraph_start(views, view))
    if before is not None:
        return [before]
    if background:
        return [NO_PLACE]
    fallback = article_place([t for t in ctx.toponyms if t.article_id == ctx.article.article_id] or ctx.toponyms)
    return [fallback or NO_PLACE]


def event_date(ctx: Context, view: View, previous: EventDate | None) -> EventDate:
    """The date of an event sentence, else the previous event's (same or previous paragraph), else the article's."""
    history = bool(view.lex.background.search(view.folded))
    cut = _reaction_cut(view)
    found = sentence_date(
        view.text[cut:], view.trigger_start - view.start - cut, ctx.anchor, view.lang, history_cue=history,
        latest_year=ctx.latest_year, earliest=_past_crime(view) or _held_since(view),
    )
    if recalled(view) or (ctx.anchor is None and in_dated_relative(view)):
        return dataclasses.replace(found, background=True) if found is not None else EventDate(None, None, "none", background=True)
    if found is not None:
        return found
    if history:
        return EventDate(None, None, "none", background=True)
    if previous is not None and previous.source == "sentence" and not previous.background:
        return EventDate(previous.date, previous.time_precision, "paragraph")
    return article_date(ctx.article.published, ctx.article.date_precision)


OPENING_WORDS_REACH = 12  # folded characters: a cue starting within them opens the sentence
RECALL_REACH = 80  # folded characters before a trigger searched for "a year after", "the anniversary of" …
_CLAUSE_PUNCTUATION = re.compile(r"[,;.:،؛]")


def recalled(view: View) -> bool:
    """"a year after Hamas-led fighters attacked", "to mark the anniversary of the January 2020
    drone strike", بعد عام على كمين: the trigger names an event the sentence looks back on,
    within its own clause (no comma between the cue and the trigger).  A look back that opens
    the sentence leaves the main clause after it its own event ("A year after the massacre,
    gunmen attacked the village again")."""
    hit = view.reading.hit
    if hit is None:
        return False
    cues = list(view.lex.recalled.finditer(view.folded, max(0, hit.start - RECALL_REACH), hit.start))
    if not cues or _CLAUSE_PUNCTUATION.search(view.folded, cues[-1].end(), hit.start):
        return False
    if cues[-1].start() > OPENING_WORDS_REACH:
        return True
    # an opening look-back: history unless a trigger follows its clause (which goes on through a
    # participle phrase: "Since IS fighters overran Sinjar in 2014, killing and enslaving thousands, ...")
    return view.lex.any_trigger.search(view.folded, clause_end(view.folded, cues[-1].start())) is None


REACTION_REACH = 80  # folded characters before a trigger searched for "called for the release of" …


def _reaction_cut(view: View) -> int:
    """Where the part of the sentence that can date its event begins (an offset in its text).

    "The Committee to Protect Journalists today called on authorities to release
    three journalists detained for their reporting": the trigger is what a
    reaction (a call for release, a condemnation, mourning) is about, so a date
    told before the reaction dates the reaction, not the event; a date after it
    ("condemned Sunday's attack", "condemned the arrest on Monday of five
    activists") still dates the event.  Arabic puts the reaction's subject and
    date after its verb (أدانت النقابة يوم الاثنين اعتقال ...), so there only a
    date after the trigger dates the event.
    """
    hit = view.reading.hit
    if hit is None:
        return 0
    frames = list(view.lex.reaction_frame.finditer(view.folded, max(0, hit.start - REACTION_REACH), hit.start))
    if not frames:
        return 0
    return view.offsets[hit.start if view.lang == "ar" else frames[-1].end()]


LEGAL_REACH = 60  # folded characters before a trigger searched for "accused of", "guilty of" …


def _past_crime(view: View) -> bool:
    """"found guilty of murder", "accused of taking part in the killing": the trigger names a crime
    a court, charge or warrant refers to, not something happening as the sentence is told."""
    hit = view.reading.hit
    if hit is None:
        return False
    return view.lex.legal_frame.search(view.folded, max(0, hit.start - LEGAL_REACH), hit.start) is not None


_HELD_SINCE = re.compile(r"\b(?:detained|held|jailed|imprisoned|in (?:custody|detention|prison|jail))\s+since\b")


def _held_since(view: View) -> bool:
    """An arrest told with the detention it began ("arrested on April 2 after being criminally
    detained since March 14"): ACLED dates the arrest when the detention began."""
    return view.reading.sub_event_type == "Arrests" and _HELD_SINCE.search(view.folded) is not None


_DEATH_WORD = re.compile(r"\b(?:kill\w*|murder\w*|deaths?|dead|died|slain|slaying|assassinat\w*|massacre\w*|lynch\w*)\b"
                         r"|(?:قتل|مقتل|اغتيال|مصرع|وفاه)")


def _deaths_only_as_cause(view: View) -> bool:
    """An arrest over a killing ("arrested five men over the killing of two students", "suspected
    of killing five villagers"): the deaths are the crime, not the arrest's toll (ACLED codes none)."""
    words = list(_DEATH_WORD.finditer(view.folded))
    return bool(words) and all(names_cause(view.folded, word.start(), view.lex) for word in words)


def _span(view: View, place: Place, several: bool) -> tuple[int, int]:
    if not several or place.char_start < 0:
        return view.start, view.end
    return min(view.trigger_start, place.char_start), max(view.trigger_end, place.char_end)


def build_mentions(ctx: Context, views: Sequence[View], view: View, date: EventDate) -> list[tuple[EventMention, MentionDetail]]:
    """The mention(s) of one event sentence: one per listed place."""
    sub = view.reading.sub_event_type or "Other"
    kind = sub_type(sub)
    said = said_of(ctx, view)
    deaths = fatalities_in(view.folded, view.lex, view.text, lone=kind.event_type in LETHAL_TYPES or sub == EXCESSIVE_FORCE)
    if deaths is not None and sub == "Arrests" and _deaths_only_as_cause(view):
        deaths = None
    places = event_place(ctx, views, view, date.background)
    # who says so ("..., a police spokesman said", "according to police") is no party to the event told before it
    said_from = view.start + said.clause_start if said is not None else view.end
    end = said_from if view.trigger_end <= said_from < view.end else view.end
    roles = roles_from_mentions(_parties(ctx, view, said), view.start, end, view.trigger_start, view.trigger_end, ctx.doc_text,
                                agent_may_follow=view.lang == "ar", victims_follow=_victims_follow(view))
    built = []
    for place in places:
        filled = with_generics(roles, kind.event_type, sub, place.country)
        start, end = _span(view, place, len(places) > 1)
        mention_id = EventMention.make_id(ctx.doc_id, start, end, sub)
        mention = EventMention(
            mention_id=mention_id, doc_id=ctx.doc_id, article_id=ctx.article.article_id,
            char_start=start, char_end=end, evidence=Evidence(ctx.doc_id, start, end, COMPONENT, VERSION),
            event_type=kind.event_type, sub_event_type=sub, date=date.date, time_precision=date.time_precision,
            country=place.country, admin1=place.admin1, location=place.location, latitude=place.latitude,
            longitude=place.longitude, geo_precision=place.geo_precision,
            actor1=filled.actor1, actor1_type=filled.actor1_type, actor2=filled.actor2, actor2_type=filled.actor2_type,
            fatalities=deaths.fatalities if deaths else None,
            fatalities_min=deaths.minimum if deaths else None, fatalities_max=deaths.maximum if deaths else None,
            status=_status(view, said, filled, place.country), background=date.background, cameo=kind.cameo, plover=kind.plover,
        )
        tags = "; ".join(view.reading.tags)
        built.append((with_tags(mention, tags), MentionDetail(
            mention_id, tags, date.source, view.reading.hit.trigger.name if view.reading.hit else "", view.index, date.year_only,
            own_place=view.start <= place.char_start < view.end, victims=deaths.sides if deaths else frozenset(),
        )))
    return built


def _status(view: View, said: Attribution | None, filled: Roles, country: str | None) -> Status:
    """The mention's status; a party telling what was done to it ("… killing two members of the SDF,
    the SDF media centre said") reports its enemy's act, it claims nothing."""
    status = status_of(view, said, filled.actor1, country)
    if status is Status.CLAIMED and said is not None and said.side[0] is not None and said.side[0] == filled.actor2 \
            and said.verb not in RESPONSIBILITY_VERBS:
        return Status.REPORTED
    return status


# an Arabic death or wound word names its victims after it (مقتل جنديين, قتل مسلحون: "gunmen were killed")
_AR_VICTIM_WORD = re.compile(r"(?:و|ف)?(?:مقتل|قتل|مصرع|اصاب|جرح|وفاه|استشهاد|اغتيال|اعدام|اختطاف|خطف|اعتقال|اسر)")


def _victims_follow(view: View) -> bool:
    hit = view.reading.hit
    return hit is not None and _AR_VICTIM_WORD.match(view.folded, hit.start) is not None



def _parties(ctx: Context, view: View, said: Attribution | None) -> Sequence[ActorMention]:
    """The actor mentions that may play a role in the event: not the speaker of an account told
    after it ("Police said a car bomb exploded", قالت الشرطة الصومالية إن سيارة مفخخة انفجرت), unless
    the speaker claims the deed ("claimed responsibility for", "said its fighters attacked")."""
    if said is None or said.speaker_at is None or said.speaker_at[1] > view.trigger_start:
        return ctx.actors
    if said.verb in RESPONSIBILITY_VERBS or view.start + said.verb_end > view.trigger_start or tells_own_deed(view, said):
        return ctx.actors
    return [a for a in ctx.actors if (a.char_start, a.char_end) != said.speaker_at]


def with_tags(mention: EventMention, tags: str) -> EventMention:
    """Fill a ``tags`` column when the record has one (it may gain one later); a record
    that already holds that value (most have no tags) is returned as it is."""
    value = tags or None
    if "tags" not in type(mention).__dataclass_fields__ or mention.tags == value:
        return mention
    return dataclasses.replace(mention, tags=value)  # type: ignore[call-arg]


def event_views(ctx: Context, views: Sequence[View]) -> list[View]:
    """Sentences that assert an event and do not merely refer back to one: a definite
    noun ("after the attack"), a responsibility claim ("X claimed responsibility for the
    attack, saying its fighters had killed six") after an event was told, or a denial
    of one's role or of an event told before ("X denied any role in the attack": a
    statement about an event, never one).  A denial that is the only telling of its
    event ("Palestinian media reported an airstrike on a school, but the Israeli military
    denied that any strike took place") is a mention, denied."""
    chosen: list[View] = []
    for view in views:
        if view.reading.mood is not Mood.EVENT or view.is_title:
            continue
        if is_reference(ctx, view, len(chosen)):
            continue
        said = said_of(ctx, view)
        if said is not None and said.verb in DENIAL_VERBS and (chosen or (denies_a_role(view, said) and not part_denied(view))):
            continue
        if said is not None and chosen and said.verb in RESPONSIBILITY_VERBS:
            continue
        chosen.append(view)
    return chosen
