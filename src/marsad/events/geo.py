"""Where an event happened, from the places stage's :class:`Toponym` records.

The place of an event sentence is its most specific toponym (town before
district before province before country); failing that the nearest toponym
before it in the same paragraph; failing that the article's first place
(its dateline or the first place it names).  ``geo_precision`` follows ACLED:
1 a town (2 when the text says "near", "outskirts", "countryside"), 2 a
district or a spot, 3 a province or a country.  An event note's "Town (Admin2,
Admin1)" places the event at the town: the units in the parentheses qualify
it and are no candidates of their own; a town the gazetteer lacks keeps the
precision the geoparser gave it (2, known to its district only).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Sequence

from marsad.models import Toponym

_NEAR = re.compile(r"\b(?:near|outskirts|countryside|vicinity|around|outside|close to|km|kilometers|kilometres|miles|north|south|east|west|western|eastern|northern|southern|rural)\b|(?:ريف|قرب|محيط|اطراف)")
_JOINED = re.compile(r"^\s*(?:,|،|and|or|&|و)\s*(?:the\s+)?(?:provinces? of\s+)?$|^\s*(?:and|or)\s+(?:in\s+)?(?:the\s+)?$|^\s*و(?:في\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Place:
    """The place fields an event mention copies."""

    location: str | None
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    char_start: int = -1
    char_end: int = -1


NO_PLACE = Place(None, None, None, None, None, None)


# GeoNames gives these their own country code; ACLED codes them as a province of another country
ACLED_PROVINCES = MappingProxyType({"HK": ("CN", "Hong Kong"), "MO": ("CN", "Macau")})


def as_acled(top: Toponym) -> Toponym:
    """The toponym with ACLED's country and province: Hong Kong is the town and province "Hong Kong"
    of China."""
    folded = ACLED_PROVINCES.get(top.country or "")
    if folded is None:
        return top
    country, province = folded
    # the territory itself is a city as much as a province: "in Hong Kong" is placed at the city
    kind = "P" if top.feature_class in (None, "A") else top.feature_class
    return dataclasses.replace(top, country=country, admin1=province, feature_class=kind)


def specificity(top: Toponym) -> int:
    """3 town, 2 district or spot, 1 province, 0 country (higher is more specific)."""
    if top.feature_class == "P":
        return 3
    if top.feature_class == "A":
        if not top.admin1:
            return 0
        return 1 if _same(top.name or top.text, top.admin1) else 2
    if top.feature_class is None:
        return 1 if top.admin1 else 0
    return 2


def _same(a: str, b: str) -> bool:
    fold = lambda s: re.sub(r"\W|governorate|province|muhafazat", "", s.lower())  # noqa: E731
    return fold(a) == fold(b) or fold(a) in fold(b) or fold(b) in fold(a)


def precision_of(top: Toponym, context: str) -> int:
    """ACLED geo_precision of a toponym given the words just before it; a name the gazetteer lacks keeps
    the coarser precision the geoparser gave it ("Dioura (Tenenkou, Mopti)" is known to its district only)."""
    level = specificity(top)
    if level == 3:
        found = 2 if _NEAR.search(context) else 1
    else:
        found = 2 if level == 2 else 3
    if top.geonameid is None and top.geo_precision is not None:
        return max(found, top.geo_precision)
    return found


def place_of(top: Toponym, context: str = "") -> Place:
    return Place(
        location=top.name or top.text,
        country=top.country,
        admin1=top.admin1,
        latitude=top.latitude,
        longitude=top.longitude,
        geo_precision=precision_of(top, context),
        char_start=top.char_start,
        char_end=top.char_end,
    )


def _usable(top: Toponym) -> bool:
    return bool(top.country or top.name or top.admin1)


def _context(text: str, top: Toponym, start: int) -> str:
    """Up to 30 characters of ``text`` (which starts at ``start``) before the toponym."""
    rel = top.char_start - start
    return text[max(0, rel - 30):max(0, rel)].lower()


_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|outside|inside|around|across|into|of|from|over|on|to|towards|within)(?: the)?(?: [\w'-]+){0,3}|[فبل]|\bقرب|\bفي)\s*$", re.IGNORECASE)
_SETTLEMENT = re.compile(r"(?:\b(?:city|town|village|district|neighbou?rhood|camp|suburb) of|(?:مدينه|مدينة|بلده|بلدة|قريه|قرية|ناحيه|ناحية|قضاء|حي|مخيم))\s*(?:ال)?$", re.IGNORECASE)
# "was heading south from Baghdad", "bound for Erbil": where a convoy came from or went, not where it was hit
_MOVEMENT = re.compile(
    r"\b(?:heading|headed|travel+ing|driving|moving|coming|returning|bound|en route|on (?:its|their|his|her) way)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:from|to|towards?|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PROVINCE_AFTER = re.compile(r"^['\u2019s]*\s+(?:province|governorate|state|region|district|prefecture)\b", re.IGNORECASE)
_PROVINCE_BEFORE = re.compile(r"(?:provinces? of|governorates? of|state of|region of|محافظه|محافظة|ولايه|ولاية)\s*(?:[\w'-]+\s+(?:and|و)\s+)?$", re.IGNORECASE)


# "Dioura (Tenenkou, Mopti)", "Kauru LGA (Kaduna state, Nigeria)": the parentheses name the units the town lies in
_NEST_OPEN = re.compile(r"(?i)(?:\s+(?:town|village|city|commune|lga|district|sub-?district|area|camp|locality|"
                        r"municipality|woreda|county|township|neighbou?rhood))?\s*\(")


def _qualifiers(inside: list[Toponym], start: int, text: str) -> set[str]:
    """The toponyms (by id) inside parentheses right after another toponym: the admin units an event note
    names to qualify its town ("Dioura (Tenenkou, Mopti)"), not a second place of the event."""
    out: set[str] = set()
    for top in inside:
        opened = _NEST_OPEN.match(text, top.char_end - start)
        close = text.find(")", opened.end()) if opened else -1
        if close < 0:
            continue
        out.update(t.toponym_id for t in inside
                   if opened.end() <= t.char_start - start and t.char_end - start <= close)
    return out


def _runs(inside: list[Toponym], start: int, text: str) -> list[list[Toponym]]:
    """Toponyms listed together ("Babil and Baghdad", "Dhi Qar, Basra") as runs."""
    runs = [[inside[0]]]
    for top in inside[1:]:
        gap = text[runs[-1][-1].char_end - start:top.char_start - start]
        if _JOINED.match(gap):
            runs[-1].append(top)
        else:
            runs.append([top])
    return runs


# "Mrs Smith, of north London, was arrested in Tehran": where a person lives, not where it happened
_RESIDENCE = re.compile(r"\w,\s+(?:of|from)\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+)?$", re.IGNORECASE)


def _rank(top: Toponym, start: int, text: str) -> tuple[int, int]:
    before = text[max(0, top.char_start - start - 40):top.char_start - start]
    if _RESIDENCE.search(before):
        return specificity(top), -1
    marker = 2 if _SETTLEMENT.search(before) else 1 if _LOCATIVE.search(before) else 0
    return specificity(top), marker


def _as_province(top: Toponym, start: int, text: str) -> bool:
    """"al-Diwaniyah province", "the province of Babil": the name stands for its province."""
    after = text[top.char_end - start:top.char_end - start + 20]
    before = text[max(0, top.char_start - start - 30):top.char_start - start]
    return bool(top.admin1) and (bool(_PROVINCE_AFTER.match(after)) or bool(_PROVINCE_BEFORE.search(before)))


def _province_place(top: Toponym) -> Place:
    return Place(top.admin1, top.country, top.admin1, top.latitude, top.longitude, 3, top.char_start, top.char_end)


def places_in(tops: Sequence[Toponym], start: int, end: int, text: str) -> list[Place]:
    """The place(s) named inside ``[start, end)``: the most specific toponym (one after
    "in"/"near" first; none a convoy was "heading from" or "bound for"); all members of a list it belongs to ("in the provinces of Babil
    and Baghdad") when they lie in different provinces."""
    inside = sorted((t for t in tops if start <= t.char_start and t.char_end <= end and _usable(t)), key=lambda t: t.char_start)
    inside = [t for t in inside if not _MOVEMENT.search(text[max(0, t.char_start - start - 50):t.char_start - start])]
    qualifiers = _qualifiers(inside, start, text)
    inside = [t for t in inside if t.toponym_id not in qualifiers]
    if not inside:
        return []
    best = max(inside, key=lambda t: _rank(t, start, text))
    run = next(r for r in _runs(inside, start, text) if best in r)
    picked: list[Toponym] = []
    for top in run:
        key = top.admin1 or top.name
        if specificity(top) > 0 and key not in {p.admin1 or p.name for p in picked}:
            picked.append(top)
    return [
        _province_place(top) if _as_province(top, start, text) else place_of(top, _context(text, top, start))
        for top in picked or [best]
    ]


NAMED_TOGETHER = 3  # at most this many characters (", ", " (") between a town and the unit that qualifies it


def nearest_before(tops: Sequence[Toponym], start: int, limit: int) -> Place | None:
    """The last usable toponym ending after ``limit`` and before ``start``; when it closes a chain of names
    written together ("Seytenga (Seno, Sahel)", "Tame, Arauca") the most specific of the chain, the
    first on ties: the town the chain qualifies, not its province."""
    before = sorted((t for t in tops if limit <= t.char_start and t.char_end <= start and _usable(t)),
                    key=lambda t: (t.char_start, specificity(t)))
    if not before:
        return None
    chain = [before[-1]]
    for top in reversed(before[:-1]):
        if chain[-1].char_start - top.char_end > NAMED_TOGETHER:
            break
        chain.append(top)
    best = max(reversed(chain), key=specificity)
    return place_of(best)


TRUSTED_SCORE = 0.6  # a toponym scored below this by the geoparser needs its country's support


def country_support(tops: Sequence[Toponym]) -> dict[str, float]:
    """Per country, the summed scores of the confident toponyms in it."""
    support: dict[str, float] = {}
    for top in tops:
        if top.country and (top.score is None or top.score >= TRUSTED_SCORE):
            support[top.country] = support.get(top.country, 0.0) + (top.score or 1.0)
    return support


def dominant_country(tops: Sequence[Toponym]) -> str | None:
    """The country the article's confident toponyms name most (score-weighted)."""
    support = country_support(tops)
    return max(sorted(support), key=lambda code: support[code]) if support else None


def trusted(tops: Sequence[Toponym]) -> tuple[Toponym, ...]:
    """The toponyms worth placing an event at: confidently resolved, or in the article's
    main country ("Velasco" resolved to Mexico in an article about Manila is dropped)."""
    main = dominant_country(tops)
    return tuple(t for t in tops if t.score is None or t.score >= TRUSTED_SCORE or (main and t.country == main))


def article_place(tops: Sequence[Toponym]) -> Place | None:
    """The article's dateline or first place: of its main country, the first and most
    specific of the first three."""
    usable = sorted((t for t in tops if _usable(t)), key=lambda t: t.char_start)
    main = dominant_country(usable)
    usable = [t for t in usable if t.country == main] or usable
    if not usable:
        return None
    first = max(usable[:3], key=lambda t: (specificity(t), -t.char_start))
    place = place_of(first)
    return Place(place.location, place.country, place.admin1, place.latitude, place.longitude, max(2, place.geo_precision or 3))
