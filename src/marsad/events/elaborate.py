"""One event told over several sentences of an article stays one mention.

News tells an event, then elaborates: "Hundreds protested outside the
electricity office yesterday evening. The protest turned violent after
nightfall. Riot police fired tear gas to disperse them."  Each sentence has a
trigger, but an analyst wants one protest, coded by what it became.  A
sentence is an *elaboration* of the mention before it when

* it gives no date of its own, or the same date, at the same precision, as
  the earlier sentence gives its own;
* it is not history (background) and neither is the earlier mention;
* its event belongs to the same family (:data:`FAMILIES`: protests and riots
  are one; battles, explosions and violence against civilians are another — "a
  roadside bomb hit the convoy ... two drivers were killed" is one act), and
  neither is a change of territory or a defusal (:data:`OWN_EVENTS`);
* both do not name different actors ("Russian bombers" after "the army");
* both have the same status (a reported shooting is not folded into a disputed
  claim of a downing);
* it lies at most :data:`PARAGRAPH_REACH` paragraphs further on;
* its place is the same, unknown, not named in its own sentence, or within
  :data:`NEAR_KM` of the earlier one (when neither has a place, only within one
  paragraph);
* it does not announce a new instance ("another convoy", "in a separate
  attack", "elsewhere", "هجوم آخر").

The elaboration's sentence then points at the earlier mention (claims made
there concern it); the sub-type becomes the more telling of the two
(:data:`ESCALATION`; a weapon named later replaces a generic attack or
clash), and a death toll missing from the first is taken from the elaboration;
the dead of another side told there are added to it ("7 soldiers were killed.
FAMa said 15 militants were killed" -> 22), as are more dead of the same event
("Two more people later died of their wounds"); a later, larger toll replaces
it ("20 people were killed in all", and :func:`take_later_tolls` for a toll
told in a sentence with no event of its own: "The death toll has since risen
to 12").  A change of territory takes the toll of the fighting told after it,
and nothing else.
Title mentions are left to the lead logic.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from marsad.events.attribution import attribution_of
from marsad.events.detect import Mood
from marsad.events.fatalities import PART_OF, fatalities_in, toll_in
from marsad.events.mentions import MentionDetail
from marsad.events.roles import GENERIC_PREFIXES
from marsad.events.taxonomy import sub_type
from marsad.events.views import View
from marsad.fuse.rules import haversine_km
from marsad.models import EventMention, Status

PARAGRAPH_REACH = 2
_NEW_INSTANCE = re.compile(
    r"\b(?:another|separate|separately|elsewhere|meanwhile|second|third|(?:a|one) more|in a further|(?:on )?the same day)\b"
    r"|(?<!\w)(?:اخر|اخري|منفصل|منفصله|في سياق|من جهه اخري|وفي)(?!\w)"
)
NEAR_KM = 25.0
FAMILIES = {
    "Protests": "demonstration",
    "Riots": "demonstration",
    # one act of violence is told as a clash, a blast and its victims in turn
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
}
# a change of territory is an event of its own, never a face of another
OWN_EVENTS = frozenset({"Government regains territory", "Non-state actor overtakes territory", "Disrupted weapons use"})
# a change of territory takes the toll of the fighting told after it, and nothing else of it
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
TERRITORY_FAMILY = "violence"
# told later, a weapon names what the earlier, generic sentence called an attack or a clash
GENERIC_VIOLENCE = frozenset({"Armed clash", "Attack"})
WEAPON_TYPE = "Explosions/Remote violence"  # what a weapon named later makes of it (an abduction told after does not)
# within a family, a later sub-type replaces an earlier one ranked lower
ESCALATION = {
    "Peaceful protest": 1,
    "Protest with intervention": 2,
    "Excessive force against protesters": 3,
    "Violent demonstration": 4,
    "Mob violence": 4,
}


def family(mention: EventMention) -> str | None:
    return None if mention.sub_event_type in OWN_EVENTS else FAMILIES.get(mention.event_type)


def fold_elaborations(
    views: Sequence[View], by_view: dict[int, list[EventMention]], details: Sequence[MentionDetail]
) -> dict[int, list[EventMention]]:
    """``by_view`` with each elaborating sentence pointing at the mention it elaborates."""
    sources = {d.mention_id: d.date_source for d in details}
    placed = {d.mention_id for d in details if d.own_place}
    victims = {d.mention_id: d.victims for d in details}
    folded: dict[int, list[EventMention]] = {}
    open_by_family: dict[str, tuple[int, int]] = {}  # family -> (view index of the mention, its paragraph)
    for index in sorted(by_view):
        found = by_view[index]
        kind = family(found[0]) if len(found) == 1 else None
        earlier = open_by_family.get(kind) if kind else None
        if earlier is not None and _elaborates(views[index], found[0], folded[earlier[0]][0], sources, views[index].paragraph - earlier[1], placed):
            first = folded[earlier[0]][0]
            added = _other_dead(views[index], found[0], first, victims) or _more_dead(
                views[index], found[0], first, victims.get(first.mention_id, frozenset()), victims.get(found[0].mention_id, frozenset()))
            merged = merge(first, found[0], added, _later_toll(views[index], found[0], first))
            victims[merged.mention_id] = victims.get(first.mention_id, frozenset()) | victims.get(found[0].mention_id, frozenset())
            for key, value in folded.items():
                folded[key] = [merged if m.mention_id == merged.mention_id else m for m in value]
            folded[index] = [merged]
            open_by_family[kind] = (earlier[0], views[index].paragraph)  # the next elaboration may follow this one
            continue
        folded[index] = found
        opens = kind or (TERRITORY_FAMILY if len(found) == 1 and found[0].sub_event_type in TERRITORY else None)
        if opens and not found[0].background and not views[index].is_title:
            open_by_family[opens] = (index, views[index].paragraph)
    return folded


_TOLL_WORD = re.compile(r"\btoll\b|(?<!\w)(?:حصيله|عدد)(?!\w)")  # a new toll of the whole event, not another side's dead


def _other_dead(view: View, later: EventMention, earlier: EventMention, victims: dict[str, frozenset[str]]) -> int:
    """The deaths an elaboration adds to the toll told before: those of another side ("7 soldiers
    were killed. FAMa said 15 militants were killed" -> 15).  Dead of a side already counted,
    of no side said ("people"), a part ("among them"), or a new toll add nothing."""
    before, now = victims.get(earlier.mention_id, frozenset()), victims.get(later.mention_id, frozenset())
    if not earlier.fatalities or not later.fatalities or earlier.fatalities_max is not None or later.fatalities_max is not None:
        return 0
    if not before or not now or before & now or PART_OF.search(view.folded) or _TOLL_WORD.search(view.folded):
        return 0
    return later.fatalities


# a total or a risen toll of the same event, not the toll of a war or a year
_TOTAL = re.compile(r"\b(?:in all|in total|altogether|overall|total|bringing|rose|risen|climbed)\b"
                    r"|(?<!\w)(?:اجمالي|المجمل|ليرتفع|ارتفع|ارتفعت|لترتفع)(?!\w)")
_WIDER = re.compile(r"\b(?:since(?! (?:risen|rose|climbed|increased|gone up))|so far|this year|last year|war|conflict|"
                    r"campaign|insurgency|offensive|crackdown|uprising|(?:between|from) \d{4} (?:and|to) \d{4})\b"
                    r"|(?<!\w)(?:منذ|الحرب|النزاع|(?:هذا|خلال|مطلع|بدايه) العام|العام (?:الماضي|الحالي|الجاري))(?!\w)")
_MORE_DEAD = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|dozens) (?:more|others?|further|additional)\b"
                        r"|\b(?:a further|an additional|additional|further) (?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b"
                        r"|(?<!\w)(?:اخرون|اخرين|اضافيون|اضافيين)(?!\w)")


def _later_toll(view: View, later: EventMention, earlier: EventMention) -> int | None:
    """A later, larger toll of the same event ("20 people were killed in all", "the toll rose to
    five after two wounded soldiers died"): it replaces the figure told before."""
    if not later.fatalities or later.fatalities_max is not None or _WIDER.search(view.folded):
        return None
    if not (_TOLL_WORD.search(view.folded) or _TOTAL.search(view.folded)) or later.fatalities <= (earlier.fatalities or 0):
        return None
    return later.fatalities


# one more person died later, told alone: "A civilian bystander later died of his wounds in hospital",
# وتوفي شاب آخر متأثراً بجراحه
_ONE_MORE_DEAD = re.compile(
    r"^\W*(?:an?|one|another) (?:(?!and\b|who\b)[^\s,.;]+ ){1,7}?(?:(?:later|subsequently|also) )?(?:died|succumbed)\b"
    r"|^\W*(?:an?|one|another) (?:[^\s,.;]+ ){1,5}?was (?:also|later) (?:killed|shot dead)\b"
    r"|^\W*(?:كما )?و?توفي(?:ت)? (?:(?!\d)\S+ ){0,4}?متاثر\w* ب(?:جراح|جروح|اصاب)\w*"
)
# dead told as further dead: "A Malian interpreter ... was also killed" (unless of a side already counted)
_ALSO_DEAD = re.compile(r"\b(?:was|were|had been) also (?:killed|shot dead)\b|\balso (?:died|lost (?:his|her|their) lives?)\b")


def _more_dead(view: View, later: EventMention, earlier: EventMention, counted: frozenset[str] = frozenset(),
               sides: frozenset[str] = frozenset()) -> int:
    """Further dead of the same event ("Two more people later died of their wounds in hospital"; "A
    Malian interpreter was also killed", unless they are of a side already counted)."""
    if not earlier.fatalities or not later.fatalities or later.fatalities_max is not None:
        return 0
    also = _ALSO_DEAD.search(view.folded) is not None and not (sides & counted)
    if not (_MORE_DEAD.search(view.folded) or also) or PART_OF.search(view.folded) or _TOLL_WORD.search(view.folded) or _WIDER.search(view.folded):
        return 0
    return later.fatalities


def take_later_tolls(views: Sequence[View], by_view: dict[int, list[EventMention]]) -> dict[int, list[EventMention]]:
    """A sentence with no event of its own (or one that only refers back to it: "in the attack")
    that tells the dead of the violent event before it gives them to it: its first count ("Several
    monks and villagers died"), a larger toll ("The death toll has since risen to 12, according to
    the White Helmets") or more dead ("Three soldiers also died in the fighting")."""
    result = dict(by_view)
    for view in views:
        rose = None if view.is_title else _TOLL_ROSE.search(view.folded)
        if rose is not None:  # a wider toll says so before it rose ("the toll of the war has risen to"), not after
            result = result if _WIDER.search(view.folded, 0, rose.end()) else _toll_rose(views, view, result)
            continue
        refers_back = view.reading.mood is Mood.EVENT and view.reading.definite  # "… lost their lives in the attack"
        if view.index in by_view or view.is_title or (view.reading.mood is not Mood.NONE and not refers_back) or _WIDER.search(view.folded):
            continue
        before = max((i for i in result if i < view.index), default=None)
        if before is None or len(result[before]) != 1 or view.paragraph - views[before].paragraph > PARAGRAPH_REACH:
            continue
        earlier = result[before][0]
        if _another_year(view, earlier):
            continue  # "… the clan feuds of 2021, which killed a number of people": another time's dead
        figure = _toll_told(view, earlier)
        if earlier.background or family(earlier) != "violence" or figure is None:
            continue
        updated = with_toll(earlier, figure, view.start, view.end)
        result = {i: [updated if m.mention_id == earlier.mention_id else m for m in found] for i, found in result.items()}
    return result


# a toll that rose: it updates the count of an event told before ("the toll had risen to three after a
# young man died", "عدد القتلى ارتفع إلى ثمانية", "ارتفاع حصيلة …")
_TOLL_ROSE = re.compile(
    r"\btoll\b[^.;]{0,30}?\b(?:rose|risen|climbed|increased|jumped)\b"
    r"|(?<!\w)(?:عدد (?:ال)?(?:قتلي|ضحايا|شهداء|وفيات)|حصيله)[^.]{0,30}?(?<!\w)(?:ارتفع|ارتفعت|ترتفع|يرتفع)(?!\w)"
    r"|(?<!\w)ارتفاع (?:حصيله|عدد)(?!\w)"
)
TOLL_ROSE_PARAGRAPHS = 4  # how far back a risen toll may find the event whose count it updates


def _toll_rose(views: Sequence[View], view: View, result: dict[int, list[EventMention]]) -> dict[int, list[EventMention]]:
    """The risen toll of a sentence goes to the nearest event before it that has a count
    (not to an aside between them); the sentence's own mention, if any, was only that toll."""
    told = toll_in(view.folded, view.lex)
    counted = [i for i in result if i < view.index and view.paragraph - views[i].paragraph <= TOLL_ROSE_PARAGRAPHS
               and len(result[i]) == 1 and result[i][0].fatalities and not result[i][0].background]
    if told is None or told.maximum is not None or not counted:
        return result
    earlier = result[max(counted)][0]
    if _another_year(view, earlier) or told.fatalities <= (earlier.fatalities or 0):
        return result
    updated = with_toll(earlier, told.fatalities, view.start, view.end)
    return {i: [updated if m.mention_id == earlier.mention_id else m for m in found]
            for i, found in result.items() if i != view.index}


_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/.-])")


def _another_year(view: View, earlier: EventMention) -> bool:
    """The sentence names a year other than the event's own."""
    year = (earlier.date or "")[:4]
    return any(found.group() != year for found in _YEAR.finditer(view.folded))


def _toll_told(view: View, earlier: EventMention) -> int | None:
    """The toll of ``earlier`` a sentence with no event gives: the first count told of it, a larger
    toll ("has since risen to 12") or more dead ("Two more people later died of their wounds",
    "Three soldiers also died"), else None."""
    if _ONE_MORE_DEAD.search(view.folded):
        told = fatalities_in(view.folded, view.lex)
        if told is None or (told.fatalities == 1 and told.maximum is None):
            return (earlier.fatalities or 0) + 1
    if earlier.fatalities is None:
        first = fatalities_in(view.folded, view.lex)
        return first.fatalities if first is not None and first.fatalities and not PART_OF.search(view.folded) else None
    toll = toll_in(view.folded, view.lex)
    if toll is not None:
        return toll.fatalities if toll.maximum is None and toll.fatalities > (earlier.fatalities or 0) else None
    told_more = _MORE_DEAD.search(view.folded) or _ALSO_DEAD.search(view.folded)
    more = fatalities_in(view.folded, view.lex) if earlier.fatalities and told_more else None
    if more is None or more.maximum is not None or not more.fatalities or PART_OF.search(view.folded):
        return None
    return earlier.fatalities + more.fatalities


def with_toll(mention: EventMention, toll: int, start: int, end: int, maximum: int | None = None) -> EventMention:
    """``mention`` with the toll another sentence (``start``..``end``) gives (a range: ``toll`` to
    ``maximum``), its evidence stretched over that sentence."""
    start, end = min(mention.char_start, start), max(mention.char_end, end)
    evidence = dataclasses.replace(mention.evidence, char_start=start, char_end=end)
    return dataclasses.replace(mention, fatalities=toll, fatalities_min=toll, fatalities_max=maximum,
                               char_start=start, char_end=end, evidence=evidence)


def _told_on(view: View, later: EventMention, earlier: EventMention) -> bool:
    """A sentence that attributes nothing goes on with the claim told before it ("…, the military's
    media wing said. Eight soldiers lost their lives in the attack.")."""
    return earlier.status is Status.CLAIMED and later.status is Status.REPORTED and attribution_of(view.text, view.folded, view.lex) is None


def _elaborates(
    view: View, later: EventMention, earlier: EventMention, sources: dict[str, str], paragraphs_on: int, placed: set[str]
) -> bool:
    if view.is_title or later.background or earlier.background or paragraphs_on > PARAGRAPH_REACH:
        return False
    if sources.get(later.mention_id) == "sentence" and not _TOLL_UPDATE.search(view.folded) and (
        sources.get(earlier.mention_id) != "sentence" or (later.date, later.time_precision) != (earlier.date, earlier.time_precision)
    ):
        return False
    if not _compatible(later.sub_event_type, earlier.sub_event_type) or (_other_actor(later, earlier) and not _THE_ATTACKERS.search(view.folded)):
        return False
    if earlier.sub_event_type in TERRITORY and later.fatalities is None:
        return False  # only the toll joins a change of territory ("fighting was reported" is a clash of its own)
    if later.status != earlier.status and not _told_on(view, later, earlier):
        return False  # a report is not folded into a disputed claim, nor the reverse
    if _NEW_INSTANCE.search(view.folded):
        return False
    if later.location is None and earlier.location is None:
        return paragraphs_on == 0
    if later.mention_id not in placed and earlier.location is not None:
        return True  # "11 gendarmes were killed." names no place: it is told of the place before
    return _near(later, earlier)


# a sentence that updates the toll dates the update, not the event ("on 27 January the toll was updated to 4")
_TOLL_UPDATE = re.compile(r"\btoll (?:was |has been |had been )?(?:updated|revised|raised|rose|risen|climbed)\b"
                          r"|(?<!\w)(?:ارتفعت|ارتفع|لترتفع|ليرتفع) (?:ال)?حصيله(?!\w)")


# the earlier event's attackers, told dead later: "Police said two of the attackers were shot dead"
_THE_ATTACKERS = re.compile(r"\bthe (?:attackers|assailants|gunmen|raiders|militants)\b|(?<!\w)(?:من )?(?:المهاجمين|المسلحين)(?!\w)")


def _compatible(later: str, earlier: str) -> bool:
    """Sub-types one event may be told with: the same, a part of it, a protest and what it became,
    or two faces of one act of violence (the earlier sentence's sub-type stands)."""
    if later == earlier or {later, earlier} <= set(ESCALATION):
        return True
    if earlier in TERRITORY:
        return later in GENERIC_VIOLENCE  # "14 soldiers and 3 AA fighters were killed", not an air strike after
    return FAMILIES.get(sub_type(later).event_type) == FAMILIES.get(sub_type(earlier).event_type) == "violence"


def _other_actor(later: EventMention, earlier: EventMention) -> bool:
    """Both sentences name who acted, and not the same one ("Russian bombers struck ..."
    after "the army took three villages")."""
    # an unresolved definite noun ("The army said it killed 19 insurgents") refers back; it names no one new
    named = [a for a in (later.actor1, earlier.actor1) if a and not a.startswith(GENERIC_PREFIXES) and not a.startswith(("The ", "the "))]
    if len(named) < 2 or named[0] == named[1]:
        return False
    # the other side of the same fight, firing back ("The army said it killed 19 insurgents"), or
    # the side the first sentence left unnamed ("NPA rebels ambushed an army patrol. 2 soldiers
    # were killed, while 1 NPA fighter died in the firefight")
    other_side = later.actor1 == earlier.actor2 or (earlier.actor2 is None and later.actor1_type != earlier.actor1_type)
    return not (other_side and later.sub_event_type in GENERIC_VIOLENCE)



def _near(later: EventMention, earlier: EventMention) -> bool:
    if later.location is None or later.location == earlier.location:
        return True
    if None in (later.latitude, later.longitude, earlier.latitude, earlier.longitude):
        return False
    return haversine_km(later.latitude, later.longitude, earlier.latitude, earlier.longitude) <= NEAR_KM  # type: ignore[arg-type]


def merge(earlier: EventMention, later: EventMention, added_dead: int = 0, new_toll: int | None = None) -> EventMention:
    """The earlier mention, coded by what the elaboration adds (same id). When a field comes
    from the elaboration (the sub-type, the toll, ``added_dead`` of another side or more dead,
    a ``new_toll`` that replaces the figure), the evidence span stretches over it."""
    merged = earlier
    weapon = earlier.sub_event_type in GENERIC_VIOLENCE and sub_type(later.sub_event_type).event_type == WEAPON_TYPE
    if weapon or ESCALATION.get(later.sub_event_type, 0) > ESCALATION.get(earlier.sub_event_type, 0):
        kind = sub_type(later.sub_event_type)
        merged = dataclasses.replace(
            merged, event_type=kind.event_type, sub_event_type=later.sub_event_type, cameo=kind.cameo, plover=kind.plover,
            actor1=later.actor1 if earlier.event_type != kind.event_type else merged.actor1,
            actor1_type=later.actor1_type if earlier.event_type != kind.event_type else merged.actor1_type,
            actor2=merged.actor2 or later.actor2, actor2_type=merged.actor2_type or later.actor2_type,
        )
    if new_toll is not None:
        merged = dataclasses.replace(merged, fatalities=new_toll, fatalities_min=new_toll, fatalities_max=None)
    elif merged.fatalities is None and later.fatalities is not None:
        merged = dataclasses.replace(
            merged, fatalities=later.fatalities, fatalities_min=later.fatalities_min, fatalities_max=later.fatalities_max
        )
    elif added_dead and merged.fatalities is not None:
        total = merged.fatalities + added_dead
        merged = dataclasses.replace(merged, fatalities=total, fatalities_min=total, fatalities_max=None)
    if merged is earlier:
        return earlier
    start, end = min(earlier.char_start, later.char_start), max(earlier.char_end, later.char_end)
    evidence = dataclasses.replace(earlier.evidence, char_start=start, char_end=end)
    return dataclasses.replace(merged, char_start=start, char_end=end, evidence=evidence)
