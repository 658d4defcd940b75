"""Whether a dictionary hit is a place mention: the evidence rules of the recogniser.

A hit is judged from its own shape (capitals, sentence start, length), the
gazetteer's facts about its key (population, level, flags) and the words
around it (cues such as "province", "the village of", "في"; a "Town, State"
pair; a following capitalised word that makes it part of an organisation or
a person's name).  :func:`judge` returns (kind, confidence, cue) or None.
"""

from __future__ import annotations

from typing import NamedTuple

from marsad.places import lexicon as L
from marsad.places.aliases import ARTICLES, arabic_token_forms
from marsad.places.gazetteer import Gazetteer
from marsad.places.sources import ABBREV, CURATED, DEMONYM, LEVEL_ADMIN1, LEVEL_COUNTRY, WEAK
from marsad.places.tokens import Tokens

Verdict = tuple[str, float, "str | None"]
_STRONG_CUES = frozenset({"admin", "admin2", "settlement", "pair", "list", "dateline"})
_CONFIDENT_CUES = frozenset({"admin", "admin2", "settlement", "near", "pair", "list", "dateline"})
_NEAR_TAILS = frozenset({"area", "areas", "countryside", "outskirts", "suburbs", "environs"})
_GENERIC_WORDS = L.AR_GENERIC | L.PLACE_TAILS | L.ADMIN_TAILS | L.ADMIN2_TAILS  # never a place alone
_ENGLISH_ARTICLES = frozenset("an as at ad ed er es en et il".split())  # Arabic articles that are English words
_UNIT_WORDS = L.ADMIN_TAILS | L.ADMIN2_TAILS | L.AR_UNITS | frozenset({"the", "governorate", "provinces", "regions"})
_DIRECTION_WORDS = L.DIRECTIONS | L.AR_DIRECTIONS
_LIST_SEPARATORS = frozenset({",", ",and", "and", ",or", "or"})
_WEAK_CUES = (None, "pair", "list", "in", "part")  # evidence a person's name outweighs


class Hit(NamedTuple):
    """A longest dictionary match: tokens [begin, end), its key, chars cut off the first token
    (an Arabic clitic) and the form of the first token that matched."""

    begin: int
    end: int
    key: int
    cut: int
    form: str


class _Facts(NamedTuple):
    """What the gazetteer says about a hit's key."""

    flags: int  # any candidate's flags
    every: int  # flags all candidates share
    pop: int
    level: int  # broadest candidate level
    big: bool  # an admin-1 unit, country or curated name
    strong: bool  # big, or a place of 100,000 people or more
    kind: str  # "place" or "demonym"


def _facts(gaz: Gazetteer, key: int) -> _Facts:
    flags, level, pop = int(gaz.key_or[key]), int(gaz.key_level[key]), int(gaz.key_pop[key])
    big = level <= LEVEL_ADMIN1 or bool(flags & CURATED)
    return _Facts(flags, int(gaz.key_and[key]), pop, level, big, big or pop >= 100_000,
                  "demonym" if flags & DEMONYM else "place")


class KeyFacts(dict):
    """Key index -> :class:`_Facts`, worked out on first use (one per geoparser, like its lookup memory)."""

    def __init__(self, gaz: Gazetteer) -> None:
        super().__init__()
        self.gaz = gaz

    def __missing__(self, key: int) -> _Facts:
        found = self[key] = _facts(self.gaz, key)
        return found


def cue_of(doc: Tokens, i: int, j: int) -> str | None:
    """Evidence in the words around tokens i..j."""
    keys = doc.keys
    prev = keys[i - 1] if i > 0 else ""
    prev2 = keys[i - 2] if i > 1 else ""
    nxt = keys[j] if j < len(keys) else ""
    if doc.arabic(i):
        return next((L.AR_CUES_BEFORE[f] for f, _ in arabic_token_forms(prev) if f in L.AR_CUES_BEFORE), None)
    if nxt in L.ADMIN_TAILS:
        return "admin"
    if nxt in L.ADMIN2_TAILS:
        return "admin2"
    if nxt in _NEAR_TAILS:
        return "near"
    if prev == "of" and prev2 in L.EN_CUES_OF:
        return L.EN_CUES_OF[prev2]
    if prev == "the" and prev2 in L.EN_CUES_BEFORE:
        return L.EN_CUES_BEFORE[prev2]
    if prev in L.AREA_ADJECTIVES:
        return "part"
    return L.EN_CUES_BEFORE.get(prev)


def _is_pair(known: KeyFacts, doc: Tokens, left_end: int, right: Hit | None) -> bool:
    """Whether hit ``right`` follows token ``left_end - 1`` as ", State" / ", Country"."""
    if right is None or right.begin != left_end or left_end >= len(doc):
        return False
    if doc.between(left_end - 1, right.begin).strip() != ",":
        return False
    facts = known[right.key]
    return facts.level <= LEVEL_ADMIN1 or bool(facts.flags & ABBREV)


def _acronym(word: str) -> bool:
    """Mixed-case abbreviations such as "MoI", "MoD": a lower-case letter, then a final capital."""
    return 1 < len(word) <= 4 and word[-1].isupper() and any(c.islower() for c in word)


def _force_acronym(doc: Tokens, i: int, facts: _Facts) -> bool:
    """An acronym ("FAMa", "FARDC", "ENDF": two capitals first) before a military noun ("post", "soldiers")
    names an armed force; a country's abbreviation ("US troops") stays a place."""
    word = doc.text[doc.start[i]:doc.end[i]]
    if len(word) < 2 or not word[:2].isupper() or i + 1 >= len(doc) or doc.keys[i + 1] not in L.MILITARY_NOUNS:
        return False
    return not (facts.level <= LEVEL_COUNTRY or facts.flags & CURATED)


def _head_of_longer_name(doc: Tokens, j: int) -> bool:
    """Whether "al-Y" follows the hit (token j is an article, then a capitalised word): the hit is the head
    of a longer name the gazetteer lacks ("Wadi al-Tharthar", "Ain al-Hawr")."""
    if j + 1 >= len(doc) or not _article_before(doc, j + 1):
        return False
    return doc.upper[j + 1] and doc.gap(j - 1, j) == " " and doc.sentence[j + 1] == doc.sentence[j - 1]


def _article_before(doc: Tokens, n: int) -> bool:
    """Whether token n - 1 is a transliterated Arabic article of token n ("al-Sadr", "al Sadr"); the
    articles that are also English words ("an", "as", "at") only with a hyphen ("as-Sadr")."""
    art = doc.keys[n - 1]
    if art not in ARTICLES or doc.upper[n - 1]:
        return False
    gap = doc.gap(n - 1, n)
    return gap == "-" or (gap == " " and art not in _ENGLISH_ARTICLES)


def generic_unit(keys: list[str]) -> bool:
    """Names made only of a direction and unit words ("Western Province", "North Eastern Region",
    "المنطقة الشرقية")."""
    return any(k in _DIRECTION_WORDS for k in keys) and all(k in _DIRECTION_WORDS or k in _UNIT_WORDS for k in keys)


def _list_adjacent(doc: Tokens, a: Hit, b: Hit) -> bool:
    if b.begin != a.end and not (b.begin == a.end + 1 and doc.keys[a.end] in ("and", "or")):
        return False
    return doc.between(a.end - 1, b.begin).replace(" ", "") in _LIST_SEPARATORS


def listed(doc: Tokens, hits: list[Hit]) -> set[int]:
    """Hits (by number) inside a list of three or more names ("Ohio, Oregon and Texas"): no "Town, State"
    pairs there."""
    out: set[int] = set()
    run: list[int] = []
    for n, hit in enumerate(hits):
        if run and _list_adjacent(doc, hits[run[-1]], hit):
            run.append(n)
            continue
        if len(run) >= 3:
            out.update(run)
        run = [n]
    if len(run) >= 3:
        out.update(run)
    return out


def judge(known: KeyFacts, doc: Tokens, hit: Hit, prev_end: int, next_hit: Hit | None,
          names: set[str], in_list: bool = False) -> Verdict | None:
    """(kind, confidence, cue) of a hit, or None when it is not a place mention."""
    i, j = hit.begin, hit.end
    facts = known[hit.key]
    gap_prev = doc.between(i - 1, i) if i > 0 else ""
    cue = cue_of(doc, i, j)
    if in_list:
        cue = "list" if cue in (None, "in", "part") else cue
    elif facts.kind == "place":
        if i > 0 and prev_end == i and gap_prev.strip() == "," and facts.level <= LEVEL_ADMIN1:
            cue = cue or "pair"
        if _is_pair(known, doc, j, next_hit):
            cue = cue or "pair"
    if facts.every & ABBREV:
        if i > 0 and gap_prev.strip() == "," and doc.upper[i - 1]:
            return ("place", 0.95, "pair")
        return ("place", 0.8, cue) if j - i >= 2 and not doc.caps(i) and doc.upper[i] else None  # "D.C.", "N.Y."
    if doc.arabic(i):
        if not _arabic_ok(doc, hit, facts, cue):
            return None
    else:
        verdict = _latin(known, doc, hit, facts, cue, prev_end, next_hit, names)
        if verdict is not True:
            return verdict
    return _confidence(doc, hit, facts, cue)


def _arabic_ok(doc: Tokens, hit: Hit, facts: _Facts, cue: str | None) -> bool:
    if hit.end - hit.begin > 1:
        return True
    key, form = doc.keys[hit.begin], hit.form
    if key in L.AR_CUES_BEFORE or key in L.AR_COMMON or form in L.AR_CUES_BEFORE or form in L.AR_COMMON:
        return False
    cued = cue in _STRONG_CUES or cue in ("in", "near")  # "في نابلس", "جنوب نابلس", "ريف حماة", "قرب الباب"
    if key in L.AR_COMMON_UNCUED:  # "مالي" is Mali after "في" or "شمال", "financial" elsewhere ("دعم مالي")
        before = doc.keys[hit.begin - 1] if hit.begin > 0 and doc.sentence[hit.begin - 1] == doc.sentence[hit.begin] else ""
        return cued or before in L.AR_PLACE_BEFORE
    return facts.big or cued


def _latin(known: KeyFacts, doc: Tokens, hit: Hit, facts: _Facts, cue: str | None, prev_end: int,
           next_hit: Hit | None, names: set[str]) -> Verdict | bool | None:
    """Rules for Latin-script hits: True to go on, None to reject, or a verdict (an organisation)."""
    if not _latin_word_ok(doc, hit, facts, cue, prev_end, names):
        return None
    next_weak = next_hit is not None and next_hit.end - next_hit.begin == 1 and not known[next_hit.key].big \
        and doc.keys[next_hit.begin] not in L.PLACE_TAILS and cue not in _STRONG_CUES
    return _latin_neighbours(doc, hit, facts, cue, prev_end, next_hit, next_weak)


def _latin_word_ok(doc: Tokens, hit: Hit, facts: _Facts, cue: str | None, prev_end: int,
                   names: set[str]) -> bool:
    """The hit's own words: directions, organisation and person names, common words, acronyms."""
    i, j = hit.begin, hit.end
    if j - i == 1 and not _single_word_ok(doc, i, facts, cue, names):
        return False
    if j - i > 1 and cue in _WEAK_CUES and " ".join(doc.keys[i:j]) in names:
        return False  # "He Qian", a person's name elsewhere in the text
    if not facts.big and _head_of_longer_name(doc, j):
        return False
    if doc.keys[i] in L.DIRECTIONS and j + 1 < len(doc) and doc.keys[j] == "of" and doc.upper[j + 1] \
            and generic_unit(doc.keys[i:j]):
        return False  # "the Western province of Anbar": Anbar is the place
    if i > 1 and cue is None and _article_before(doc, i):
        # "Asaib Ahl al-Haq", "Muqtada al-Sadr": part of a longer name
        if doc.upper[i - 2] and doc.sentence[i - 2] == doc.sentence[i] and prev_end != i - 1:
            return False
    return not (j - i == 2 and " ".join(doc.keys[i:j]) in L.NOT_PLACES)


def _single_word_ok(doc: Tokens, i: int, facts: _Facts, cue: str | None, names: set[str]) -> bool:
    key, j = doc.keys[i], i + 1
    if key in L.DIRECTIONS or key in L.ORG_NAMES or key in _GENERIC_WORDS \
            or (key in names and cue in _WEAK_CUES):
        return False
    if len(key) <= 4 and _acronym(doc.text[doc.start[i]:doc.end[i]]):
        return False
    if _force_acronym(doc, i, facts):
        return False
    if j < len(doc) and doc.upper[j] and (key in L.FIRST_NAMES or (not facts.big and doc.keys[j] in L.FIRST_NAMES)) \
            and doc.between(i, j) == " " and doc.sentence[j] == doc.sentence[i]:
        return False  # "John Baghdad", "Rana Adel Hussein": a person
    country = facts.level <= LEVEL_COUNTRY or bool(facts.flags & CURATED)
    if cue not in _STRONG_CUES and not country:
        if key in L.SURNAMES or key in L.AR_FIRST_NAMES:
            return False
        if (key in L.COMMON_WORDS or key in L.FIRST_NAMES) and \
                (not facts.strong or doc.first[i] or doc.caps(i) or facts.level == LEVEL_ADMIN1):
            return False
    return not (len(key) <= 4 and not facts.big and doc.caps(i))


def _latin_neighbours(doc: Tokens, hit: Hit, facts: _Facts, cue: str | None, prev_end: int,
                      next_hit: Hit | None, next_weak: bool) -> Verdict | bool | None:
    """The words around the hit: hyphenated compounds, a capitalised word before or after it."""
    i, j = hit.begin, hit.end
    has_next = j < len(doc)
    gap_next = doc.between(j - 1, j) if has_next else ""
    gap_prev = doc.between(i - 1, i) if i > 0 else ""
    joined = next_hit is not None and next_hit.begin == j
    me_caps = doc.caps(i)
    if gap_next[:1] == "-" and has_next and doc.upper[j] and not doc.caps(j) and len(doc.keys[j]) > 1 \
            and (not joined or (not facts.strong and min(len(doc.keys[i]), len(doc.keys[j])) <= 4)):
        return None  # "Abu-Ghraib" unknown as one name; "Wal-Mart"; not "Logan-Rogersville"
    if joined and next_weak and not facts.big and j - i == 1 and gap_next == " " and not me_caps \
            and doc.keys[j] in L.SURNAMES and doc.keys[j] not in L.FACILITY_SURNAMES:
        return None  # "Tiara Ellis": a weak name before a surname is a given name
    if gap_prev[-1:] == "-" and i > 0 and doc.upper[i - 1] and not doc.caps(i - 1) and len(doc.keys[i - 1]) > 1 \
            and prev_end != i:
        return None
    if i > 0 and doc.sentence[i - 1] == doc.sentence[i] and doc.upper[i - 1] and gap_prev.strip() == "" \
            and prev_end != i and not me_caps:
        prev = doc.keys[i - 1]
        if prev in L.TITLES or prev in L.FIRST_NAMES:
            return None
        if not doc.first[i - 1] and prev not in L.DIRECTIONS and facts.kind != "demonym" \
                and not (facts.level <= LEVEL_ADMIN1 and not facts.every & WEAK):  # "Visits Georgia"
            return None
    if has_next and doc.upper[j] and not doc.caps(j) and doc.sentence[j] == doc.sentence[i] \
            and gap_next.strip() == "" and doc.keys[j] not in L.PLACE_TAILS and not joined:
        if facts.kind == "demonym" or doc.keys[j] in L.ORG_WORDS or facts.strong or j - i > 1:
            return ("org", 0.8, cue)
        if not me_caps:
            return None
    return True


def _confidence(doc: Tokens, hit: Hit, facts: _Facts, cue: str | None) -> Verdict:
    if facts.kind == "demonym":
        return ("demonym", 0.9, cue)
    i, single, arabic = hit.begin, hit.end - hit.begin == 1, doc.arabic(hit.begin)
    pop = facts.pop
    conf = 0.9 if not single else 0.85 if facts.strong else 0.7 if pop >= 10_000 else 0.55
    needs_evidence = bool(facts.every & WEAK)
    if single and not arabic:
        needs_evidence |= (doc.first[i] or doc.caps(i)) and not facts.strong
    if single and arabic and not facts.strong:
        needs_evidence = True
    if cue in _CONFIDENT_CUES:
        conf = min(0.98, conf + 0.1)
    elif needs_evidence:
        conf *= 0.55 if not (arabic and cue == "in") else 1.0
    return ("place", conf, cue)
