"""Words a text uses as personal names, so that the recogniser does not read them as places.

A name is a person's when the words around it say so: a title or a first name before it ("Mr Li",
"President Xi Jinping"), a lower-case role before a first and last name ("activist Nadia Karimi"), a
speech or person verb after it ("He Qian alleged", "Li Wei was arrested"), a possessive with a person
noun ("Li Wei's lawyer"), ", who" or ", a journalist" after it, or "and" joining it to another person's
name ("Zou Sicong and He Qian").  Every word of such a name, and the name itself, is then a person's
name throughout the text (:func:`marsad.places.evidence.judge` drops the hits that need evidence).

The context rules after a name take names of two or three words (one word when a possessive person noun
follows); they skip names that look like places: a single strong gazetteer name ("Saudi Arabia said"),
a country or demonym among the words, a unit, organisation or direction word ("Gaza Health Ministry
said"), a locative word or an article before ("police in Gulf Breeze said", "a Manhattan Democrat,
who"), or a word the text elsewhere uses as a place with a cue ("the town of X").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress

from marsad.places import lexicon as L
from marsad.places.evidence import Hit, KeyFacts, cue_of
from marsad.places.sources import LEVEL_COUNTRY
from marsad.places.tokens import Tokens

Span = tuple[int, int]
_NOT_NAME_WORDS = L.ORG_WORDS | L.ORG_NAMES | L.PLACE_TAILS | L.ADMIN_TAILS | L.ADMIN2_TAILS | L.DIRECTIONS \
    | L.AR_GENERIC
_LOCATIVE = frozenset(L.EN_CUES_BEFORE) | {"of"}
_PLACE_CUES = frozenset({"admin", "admin2", "settlement", "near", "part"})
_ARTICLES = frozenset({"a", "an", "the"})
_JOINERS = frozenset({",", "and", ",and", "&"})
_TRIGGERS = L.PERSON_VERBS | L.PERSON_AUXILIARIES | L.PERSON_NOUNS | _ARTICLES | {"who"}  # first word after a name
_OPENING_WORDS = L.FUNCTION_WORDS - {"he", "she", "it", "we", "they"}  # "And Baghdad said", but "He Qian said"


def persons(doc: Tokens, hits: Sequence[Hit] = (), known: KeyFacts | None = None) -> set[str]:
    """Keys of the words used as personal names in this text, and of the names of two or three words
    ("he qian"); ``hits`` and ``known`` (the dictionary hits and their facts) enable the context rules."""
    spans = _after_leads(doc) + _after_roles(doc)
    if known is not None:
        spans += _by_context(doc, hits, known, spans)
    keys = doc.keys
    out: set[str] = set()
    for b, e in spans:
        out.update(keys[b:e])
        out.update(" ".join(keys[s:t]) for s in range(b, e - 1) for t in range(s + 2, e + 1))
    return out


def _name_gap(doc: Tokens, m: int) -> bool:
    """Whether tokens m - 1 and m are written as parts of one name ("George W. Bush", "Gen. Ali")."""
    gap = doc.gap(m - 1, m)
    return gap == " " or (gap == ". " and (len(doc.keys[m - 1]) == 1 or doc.keys[m - 1] in L.TITLES))


def _after_leads(doc: Tokens) -> list[Span]:
    """Up to two capitalised words after a first name or a title ("Mr Li", "John Baghdad")."""
    out: list[Span] = []
    keys, ups = doc.keys, doc.upper
    for n in [n for n in compress(range(len(keys) - 1), ups) if keys[n] in L.PERSON_LEADS]:
        m = n + 1
        while m < len(keys) and m <= n + 2 and ups[m] and _name_gap(doc, m):
            m += 1
        if m > n + 1:
            out.append((n + 1, m))
    return out


def _after_roles(doc: Tokens) -> list[Span]:
    """A first and last name after a lower-case role ("whistleblower Chelsea Manning")."""
    keys, ups = doc.keys, doc.upper
    if L.PERSON_ROLES.isdisjoint(keys):
        return []
    return [(n + 1, n + 3) for n in range(len(keys) - 2)
            if keys[n] in L.PERSON_ROLES and not ups[n] and ups[n + 1] and ups[n + 2]
            and doc.gap(n, n + 1) == " " and doc.gap(n + 1, n + 2) == " " and keys[n + 2] not in L.PLACE_TAILS]


def _runs(doc: Tokens) -> list[Span]:
    """Capitalised words written as one name, within a sentence, without the words that open a sentence
    or a date before them ("Later", "On Monday") or a title ("President")."""
    runs: list[Span] = []
    for n in compress(range(len(doc.keys)), doc.upper):
        if runs and runs[-1][1] == n and doc.sentence[n] == doc.sentence[n - 1] and _name_gap(doc, n):
            runs[-1] = (runs[-1][0], n + 1)
        else:
            runs.append((n, n + 1))
    keys, first = doc.keys, doc.first
    out = []
    for b, e in runs:
        while e - b > 1 and (keys[b] in L.NAME_OPENERS or keys[b] in L.TITLES
                             or (first[b] and keys[b] in _OPENING_WORDS)):
            b += 1
        out.append((b, e))
    return out


def _by_context(doc: Tokens, hits: Sequence[Hit], known: KeyFacts, found: list[Span]) -> list[Span]:
    """Names shown to be persons by the words after them, or by "and" joining them to a person's name."""
    runs = [(b, e) for b, e in _runs(doc) if e - b <= 3]
    keys, size = doc.keys, len(doc.keys)
    people = [(b, e) for b, e in runs if e < size and keys[e] in _TRIGGERS
              and (e - b >= 2 or _possessed(doc, e)) and _person_after(doc, e)]
    if not people and not found:
        return []
    hit_at = {h.begin: h for h in hits}
    placed: list[set[str]] = []  # worked out on first use

    def placelike(span: Span) -> bool:
        if not placed:
            placed.append(_placed(doc, hits))
        return _placelike(doc, span, hit_at, known, placed[0])

    out = [s for s in people if not placelike(s)]
    return out + _coordinated(doc, runs, out + found, placelike)


def _coordinated(doc: Tokens, runs: list[Span], people: list[Span], placelike: Callable[[Span], bool]) -> list[Span]:
    """Names of two or three words that "and" or a comma joins to a person's name, or to one of these
    ("Zou Sicong and He Qian", "Li Wei, Wang Fang and He Qian"), unless they look like places."""
    keys = doc.keys
    texts = [" ".join(keys[b:e]) for b, e in runs]
    named = {" ".join(keys[b:e]) for b, e in people}
    out: list[Span] = []
    changed = True
    while changed:
        changed = False
        for k, run in enumerate(runs):
            if run[1] - run[0] < 2 or texts[k] in named:
                continue
            if any(0 <= m < len(runs) and texts[m] in named and _joined(doc, run, runs[m]) for m in (k - 1, k + 1)) \
                    and not placelike(run):
                named.add(texts[k])
                out.append(run)
                changed = True
    return out


def _possessed(doc: Tokens, e: int) -> bool:
    return e < len(doc) and doc.gap(e - 1, e).startswith("'s")


def _person_after(doc: Tokens, e: int) -> bool:
    """Whether the words after a name ending before token e show a person: a speech or person verb
    ("alleged", "was later arrested"), a possessive person noun ("'s lawyer"), ", who", ", a journalist"."""
    keys, size = doc.keys, len(doc.keys)
    if e >= size or doc.upper[e] or doc.sentence[e] != doc.sentence[e - 1]:
        return False
    gap, word = doc.gap(e - 1, e), keys[e]
    if gap.startswith("'s"):
        return word in L.PERSON_NOUNS
    if gap.strip() == ",":
        return word == "who" or (word in _ARTICLES and _role_at(doc, e + 1))
    if gap != " ":
        return False
    if word in L.PERSON_VERBS or word == "who":
        return True
    n = e
    while n + 1 < min(size, e + 4) and keys[n] in L.PERSON_AUXILIARIES and doc.gap(n, n + 1) == " ":
        n += 1
    return n > e and (keys[n] in L.PERSON_PASSIVES or keys[n] in L.PERSON_VERBS)


def _role_at(doc: Tokens, n: int) -> bool:
    """A lower-case role at token n, or after one lower-case word ("a journalist", "a prominent lawyer")."""
    for m in (n, n + 1):
        if m >= len(doc) or doc.upper[m]:
            return False
        if doc.keys[m] in L.PERSON_ROLES:
            return True
    return False


def _placed(doc: Tokens, hits: Sequence[Hit]) -> set[str]:
    """Keys of the hits this text uses as places with a cue ("the town of X", "X province", "in X")."""
    keys, out = doc.keys, set()
    for h in hits:
        cue = cue_of(doc, h.begin, h.end)
        if cue in _PLACE_CUES or (cue == "in" and h.begin > 0 and keys[h.begin - 1] in ("in", "at", "into")
                                  and not _possessed(doc, h.end)):
            out.add(" ".join(keys[h.begin:h.end]))
    return out


def _placelike(doc: Tokens, span: Span, hit_at: dict[int, Hit], known: KeyFacts, placed: set[str]) -> bool:
    """Whether a name shown to be a person's might still be a place (see the module's notes)."""
    b, e = span
    keys = doc.keys[b:e]
    if any(k in _NOT_NAME_WORDS or k in placed for k in keys) or " ".join(keys) in placed:
        return True
    if b > 0 and not doc.upper[b - 1] and (doc.keys[b - 1] in _LOCATIVE or doc.keys[b - 1] in _ARTICLES):
        return True  # "police in Gulf Breeze said"; "a Manhattan Democrat, who": a description
    for n in range(b, e):
        hit = hit_at.get(n)
        if hit is None:
            continue
        facts, whole = known[hit.key], hit.begin == b and hit.end == e
        if facts.kind == "demonym" or facts.level <= LEVEL_COUNTRY or (whole and facts.strong):
            return True  # "Iraq Body Count said", "Syrian Observatory said", "Saudi Arabia said"
    return False


def _joined(doc: Tokens, run: Span, other: Span) -> bool:
    """Whether a list word ("and", ",") joins two names of one sentence."""
    left, right = (run, other) if run[1] <= other[0] else (other, run)
    return doc.sentence[left[1] - 1] == doc.sentence[right[0]] \
        and doc.between(left[1] - 1, right[0]).replace(" ", "") in _JOINERS
