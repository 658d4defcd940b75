"""ACLED-style qualified names: "Dioura (Tenenkou, Mopti)", "Paletwa (Chin)", "Tame (Arauca, Colombia)".

Event notes name a town and then, in parentheses, the admin units it lies in (innermost first).  The
parentheses say two things the rest of the recogniser cannot see: the name before them is a place
even when the gazetteer lacks it or the evidence rules turned it down, and every name in the nest
lies inside the ones after it.  :func:`qualify` marks the nest (``Mention.nest``: the head's start,
on the head and on each unit) so that the resolver pairs them like "Town, State" and the geoparser
places an unknown head at its innermost unit, and it adds the head (and any unit) the dictionary
pass missed: as a known key when the gazetteer has the name, else as an unknown name (key -1), as
:func:`marsad.places.recognize` does after "the village of".

The parentheses must read as units only: each comma-separated piece a place mention (or a gazetteer
name) with at most unit words around it ("Mopti region", "Djugu territory"), or capitalised words
ending in a unit word ("Hiraan region"), and at least one piece a known place; "(AFP)", "(R-Texas)",
"(14 km)" are not nests.  Arabic text has no such convention and is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from marsad.places import lexicon as L
from marsad.places.aliases import name_key
from marsad.places.lookup import Lookup
from marsad.places.mention import Mention
from marsad.places.tokens import Tokens

__all__ = ["qualify"]

UNKNOWN_HEAD = 0.8  # a name the gazetteer lacks before "(Admin2, Admin1)": as sure as a cue makes a known one
RESCUED = 0.6  # a gazetteer name the evidence rules turned down, vouched for by the parentheses
_WEAK_CUES = (None, "in", "pair", "list")
_PARENS = re.compile(r"\(([^()\n]{2,120})\)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# A capitalised word of a place name (no digits), and the tail words a note may put between the town
# and its parentheses ("Kauru LGA (Kaduna)", "Tillaberi town (Tillaberi region)").
_NAME_WORD = r"[A-Z\u00C0-\u00DE][^\W\d_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)*"
_TAILS = (r"(?:\s+(town|village|city|commune|lga|district|sub-?district|area|camp|locality|municipality|woreda|"
          r"county|township|neighbou?rhood))?\s*")
_SETTLEMENT_TAILS = frozenset("town village city camp locality neighbourhood neighborhood area".split())
_HEAD_GAP = re.compile(r"(?i)" + _TAILS)
_TAIL = re.compile(r"(?i)" + _TAILS + "$")
_UNKNOWN_HEAD = re.compile(
    r"\b(?:in|near|at|of|outside|around|on|and|into|toward|towards|between)\s+"
    rf"((?:(?:al|el|Al|El|ad|ar|as|ash|at|az)[-\s])?{_NAME_WORD}(?:\s(?:al-|el-)?{_NAME_WORD}){{0,2}})$")


def qualify(doc: Tokens, mentions: list[Mention], lookup: Lookup) -> list[Mention]:
    """``mentions`` with every "Town (Admin2, Admin1)" nest marked and its missing names added."""
    text = doc.text
    if "(" not in text:
        return mentions
    out = list(mentions)
    for match in _PARENS.finditer(text):
        if doc.has_arabic and any("\u0600" <= c <= "\u06ff" for c in text[max(0, match.start() - 40):match.end()]):
            continue
        items = _items(doc, out, lookup, match.start(1), match.end(1))
        if items is None:
            continue
        head = _head(doc, out, lookup, match.start())
        if head is None:
            continue
        out = [m for m in out if not (head.start <= m.start and m.end <= head.end) and m not in items]
        confidence = max(head.confidence, UNKNOWN_HEAD) if head.key < 0 else head.confidence
        out.append(head._replace(nest=head.start, confidence=confidence))
        out.extend(_as_unit(m, head.start, n == len(items) - 1) for n, m in enumerate(items))
        out.sort(key=lambda m: m.start)
    return out


def _as_unit(m: Mention, nest: int, last: bool) -> Mention:
    """A place inside the parentheses: by ACLED's convention the last names the province (or the country)
    and any before it the district, so weak cues give way to those ("(Tenenkou, Mopti)": Mopti region)."""
    cue = m.cue if m.cue not in _WEAK_CUES else "admin" if last else "admin2"
    return m._replace(nest=nest, cue=cue)


def _items(doc: Tokens, mentions: list[Mention], lookup: Lookup, start: int, end: int) -> list[Mention] | None:
    """The place mentions inside the parentheses ``[start, end)`` when every piece reads as an admin unit
    (see the module's docstring), with the gazetteer names the dictionary pass turned down added; else None."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    items: list[Mention] = []
    pos = start
    pieces = doc.text[start:end].split(",")
    for n, piece in enumerate(pieces):
        a, b = pos, pos + len(piece)
        pos = b + 1
        covered = [m for m in inside if a <= m.start and m.end <= b]
        if covered and all(m.kind == "place" and m.key >= 0 for m in covered) and _units_only(doc.text, a, b, covered):
            items.extend(covered)
            continue
        if covered:
            return None
        found = _named(doc, lookup, a, b)
        if found is not None:
            items.append(found)
        elif not _unknown_unit(doc.text[a:b], n < len(pieces) - 1):
            return None
    return items if any(m.key >= 0 for m in items) else None


def _units_only(text: str, a: int, b: int, covered: list[Mention]) -> bool:
    """Whether ``text[a:b]`` holds nothing but the covered mentions and unit words ("Mopti region")."""
    rest, pos = [], a
    for m in covered:
        rest.append(text[pos:m.start])
        pos = m.end
    rest.append(text[pos:b])
    return all(w.lower() in L.UNIT_WORDS for w in _WORD.findall(" ".join(rest)))


def _unknown_unit(piece: str, inner: bool) -> bool:
    """An admin unit the gazetteer lacks: capitalised words ending in a unit word ("Hiraan region"), or,
    before the last piece (which must then be known), capitalised words alone ("(Banibangou, Tillabéri)")."""
    words = _WORD.findall(piece)
    if not words or len(" ".join(words)) != len(piece.strip()):
        return False
    named = words[:-1] if words[-1].lower() in L.UNIT_WORDS else words if inner else []
    return 1 <= len(named) <= 3 and len(words) - len(named) <= 1 \
        and all(w[0].isupper() and not w.isupper() for w in named)


def _named(doc: Tokens, lookup: Lookup, a: int, b: int) -> Mention | None:
    """A mention of ``text[a:b]`` (stripped, unit words cut off) when it is a gazetteer name written as one."""
    piece = doc.text[a:b]
    words = _WORD.findall(piece)
    while words and words[-1].lower() in L.UNIT_WORDS:
        words.pop()
    if not 1 <= len(words) <= 4 or not all(w[0].isupper() and not w.isupper() for w in words):
        return None
    begin = a + piece.index(words[0])
    stop = doc.text.index(words[-1], begin) + len(words[-1])
    return _known(doc, lookup, begin, stop)


def _known(doc: Tokens, lookup: Lookup, start: int, end: int) -> Mention | None:
    """``text[start:end]`` as a mention of its gazetteer key (None when the gazetteer lacks it)."""
    key = lookup.keys([name_key(doc.text[start:end])])[0]
    if key < 0 or lookup.facts[key].kind != "place":
        return None
    return Mention(start, end, doc.text[start:end], key, "place", None, RESCUED, _sentence(doc, start))


def _head(doc: Tokens, mentions: list[Mention], lookup: Lookup, paren: int) -> Mention | None:
    """The name the parentheses at ``paren`` qualify: the place mention ending right before them (tail
    words such as "LGA" or "town" aside), else the name :func:`_name_before` finds."""
    for m in reversed(mentions):
        if m.end <= paren:
            gap = _HEAD_GAP.fullmatch(doc.text, m.end, paren)
            if gap is None:
                break
            if m.kind != "place":
                return None
            tail = (gap.group(1) or "").lower()
            cue = "settlement" if tail in _SETTLEMENT_TAILS else "admin2" if tail else m.cue
            return m._replace(cue=cue) if m.cue in _WEAK_CUES else m
    return _name_before(doc, mentions, lookup, paren)


def _name_before(doc: Tokens, mentions: list[Mention], lookup: Lookup, paren: int) -> Mention | None:
    """Capitalised words after "in", "near", "of" … and before the parentheses: a gazetteer name the
    evidence rules turned down, or a settlement the gazetteer lacks (key -1).  Not an acronym ("in M23"),
    a common or unit word ("in District A"), or a name that cuts a mention in two."""
    text = doc.text
    window_start = max(0, paren - 90, doc.starts[_sentence(doc, paren)] if doc.starts else 0)
    cut = _TAIL.search(text, window_start, paren).start()
    match = _UNKNOWN_HEAD.search(text[window_start:cut])
    if match is None:
        return None
    start, end = window_start + match.start(1), window_start + match.end(1)
    words = text[start:end].split()
    first = doc.fold_word(words[0])
    if any(len(w) < 2 or w.isupper() for w in words) or first in L.COMMON_WORDS or first in L.DIRECTIONS \
            or first in L.UNIT_WORDS:
        return None
    if any(m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in mentions):
        return None
    known = _known(doc, lookup, start, end)
    if known is not None:
        return known._replace(cue="settlement")
    return Mention(start, end, text[start:end], -1, "place", "settlement", UNKNOWN_HEAD, _sentence(doc, start))


def _sentence(doc: Tokens, offset: int) -> int:
    return max(bisect_right(doc.starts, offset) - 1, 0)
