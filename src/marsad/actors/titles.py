"""Organisations the dictionary does not know, found by the words around them.

English cues: "spokesman of/for X", "Secretary General of X", "leader of X",
"a commander of X", "X spokesman", "a group called X", "X claimed
responsibility", "X said in a statement".  Arabic cues (searched in folded
text): "المتحدث باسم X", "الأمين العام لـX", "زعيم X", "جماعة تطلق على نفسها X",
"تبنت جماعة X".  A name must look like one: capitalised words (with al-,
of, the… between them) in English, at most four words before a function word
in Arabic, or anything in quotes.  Cues that also follow people ("X said in
a statement", "X spokesman") need a quoted name or an organisation word
("Command", "Brigades", "Movement", "Saraya" …) in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from marsad.actors.matching import Folded
from marsad.normalize.arabic import normalize_for_matching

_CAP = r"(?:(?:[Aa]l|[Ee]l)[-\u2019' ])?[A-Z][\w'\u2019]*(?:-[\w'\u2019]+)*"
_CONN = r"(?:of|the|for|and|al|ahl|wal|bin|ibn|in|fi|li|min|de|du|la|des|del)"
_NAME = rf"{_CAP}(?: (?:{_CONN} )*{_CAP}){{0,6}}"
_OPEN = "[\"\u201c\u2018']?"
_QUOTES = "'\u2019\u2018\"\u201c\u201d"
_POSS = r"(?:(?P<poss>[A-Z][a-z]+)['\u2019]s )?"


def _either_case(words: str) -> str:
    """``"spokesman|leader"`` -> ``"[Ss]pokesman|[Ll]eader"`` (a sentence may start with the cue)."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|"))


_TITLE_WORDS = "[Ss]ecretary[- ][Gg]eneral|" + _either_case(
    "spokesman|spokeswoman|spokesperson|deputy leader|leader|commander|founder|emir")
_MEMBER_WORDS = _either_case("head|chief|fighters|militants|members")
# (cue, regex matched at a trigger word, trigger words as folded text)
_EN_PATTERNS = (
    ("of", rf"(?:{_TITLE_WORDS}) (?:of|for|from|with) (?:the )?{_POSS}(?P<q>{_OPEN})(?P<name>{_NAME})",
     ("spokes", "secretary", "deputy leader", "leader", "commander", "founder", "emir")),
    ("member", rf"(?:{_MEMBER_WORDS}) (?:of|from|with) (?:the )?{_POSS}(?P<q>{_OPEN})(?P<name>{_NAME})",
     ("head", "chief", "fighters", "militants", "members")),
    ("called", rf"(?:called|calling itself|named|known as|dubbed|which calls itself|that calls itself) (?:the )?"
               rf"(?P<q>{_OPEN})(?P<name>{_NAME})",
     ("called", "calling itself", "named", "known as", "dubbed", "which calls itself", "that calls itself")),
)
# "a group called X": the word before the cue must name a kind of group.
_GROUP_BEFORE = r"(?:group|faction|militia|organi[sz]ation|movement|outfit|brigade|front|cell|itself)\s\Z"
# Cues that follow the name: matched at a trigger word, then the name is read backwards.
_EN_AFTER = (
    ("suffix", r"(?:[Ss]pokes(?:man|woman|person)|[Ss]ecretary[- ][Gg]eneral|[Ll]eader|[Cc]ommander"
               r"|[Mm]edia [Oo]ffice)\b", ("spokes", "secretary", "leader", "commander", "media office")),
    ("claim", r"(?:claimed responsibility|claimed the attack|said in a statement|announced in a statement"
              r"|said in a communiqu)", ("claimed", "said in a", "announced in a")),
)
_BACK_NAME = rf"(?P<q>{_OPEN})(?P<name>{_NAME})[\"\u201d\u2019']?(?:['\u2019]s)?(?: has| have| had)? \Z"
_PLACE_NOUN = (r" (?:police|forces|army|province|governorate|operations|command|council|district|city"
               r"|branch|office|garrison|brigade|division)\b")
_NEEDS_KEYWORD = frozenset({"suffix", "claim", "member"})
_ORG_WORDS = frozenset("""command ministry movement brigade brigades battalion battalions front forces force army
group organization organisation council committee party resistance cell directorate office corps company companies
units unit division regiment coalition state saraya sarayat sariyat kataib kata'ib harakat liwa jaysh jaish ansar
jabhat hayat tahrir agency authority service guard guards militia alliance union league network mobilization
mobilisation asaib usbat ashab police operations government commission center centre""".split())
_STOP = frozenset("""the a an in on at by for of and but as after before during since while when meanwhile however
also he she it they we his her its their our this that these those there then mr mrs ms dr monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november december
according earlier later yesterday today""".split())
_PERSON_TITLES = frozenset("""sheikh shaikh sayyed sayyid mr mrs dr general gen maj major col colonel brig brigadier
lieutenant lt captain capt president minister prime imam ayatollah hajj haji""".split())

_AR_NAMING = (r"(?:تطلق على نفسها|يطلق على نفسه|تسمي نفسها|يسمي نفسه|تدعى|تسمى|يدعى|يسمى|تعرف باسم"
              r"|يعرف باسم)")
# Written plainly; folded with normalize_for_matching when compiled (the text is searched folded).
_AR_CUES = (
    ("of", r"(?:المتحدث|الناطق|المتحدثة|الناطقة)(?: الرسمي| العسكري| الرسمية| العسكرية)? باسم "),
    ("of", r"(?:الأمين العام|أمين عام|نائب الأمين العام) (?:ل|ل )?"),
    ("of", r"زعيم "),
    ("called", rf"(?:جماعة|مجموعة|فصيل|تنظيم)(?: مسلحة| مسلح)? {_AR_NAMING} "),
    ("claim", rf"تبنت? (?:(?:جماعة|مجموعة|فصيل)(?: مسلحة)?(?: {_AR_NAMING})?"
              r"|ما يسمى|ما تسمى|ما يعرف|ما تعرف)(?: ب)? ?"),
)
_AR_WORD = r"[\u0621-\u064a]+"
_ARABIC = re.compile("[\u0621-\u064a]")
_TRAILING = _STOP | {"al", "ahl", "wal", "bin", "ibn", "fi", "li", "min"}
_AR_STOP_WORDS = """في من على إلى الى عن أن إن ان بأن بان قد الذي التي الذين
خلال بعد قبل أمس اليوم مساء صباح قال وقال أكد كان كانت عبر حول لدى ضد مع أو ثم حيث منذ عند بين هذا هذه ذلك تلك
الهجوم الهجمات العمليه المسؤوليه مسؤوليه بيان بيانا"""


@dataclass(frozen=True, slots=True)
class TitleHit:
    """A name found by a cue: its original span, cleaned text, cue and country hint."""

    start: int
    end: int
    name: str
    cue: str
    possessive: str | None = None


@lru_cache(maxsize=1)
def _place_noun() -> re.Pattern[str]:
    return re.compile(_PLACE_NOUN)


@lru_cache(maxsize=1)
def _arabic_stop() -> frozenset[str]:
    return frozenset(normalize_for_matching(word) for word in _AR_STOP_WORDS.split())


@lru_cache(maxsize=1)
def _english_regexes() -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    return tuple((cue, re.compile(pattern), triggers) for cue, pattern, triggers in _EN_PATTERNS)


@lru_cache(maxsize=1)
def _english_after() -> tuple[re.Pattern[str], re.Pattern[str],
                              tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]]:
    cues = tuple((cue, re.compile(pattern), triggers) for cue, pattern, triggers in _EN_AFTER)
    return re.compile(_BACK_NAME), re.compile(_GROUP_BEFORE), cues


@lru_cache(maxsize=1)
def _arabic_regexes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    name = (rf"(?:«(?P<quoted>[^»\n]{{2,60}})»|\"(?P<dquoted>[^\"\n]{{2,60}})\""
            rf"|(?P<words>{_AR_WORD}(?: {_AR_WORD}){{0,3}}))")
    return tuple((cue, re.compile(normalize_for_matching(pattern) + name)) for cue, pattern in _AR_CUES)


def _tokens(name: str) -> list[str]:
    return name.split(" ")


def _trim(name: str) -> tuple[int, int]:
    """Offsets inside ``name`` without leading/trailing stop words."""
    tokens = _tokens(name)
    lo, hi = 0, len(tokens)
    while lo < hi and tokens[lo].strip("'\u2019").lower() in _STOP:
        lo += 1
    while hi > lo and tokens[hi - 1].lower() in _TRAILING:
        hi -= 1
    if lo == hi:
        return 0, 0
    start = sum(len(t) + 1 for t in tokens[:lo])
    end = start + len(" ".join(tokens[lo:hi]))
    return start, end


def _looks_like_org(name: str, quoted: bool, cue: str) -> bool:
    words = [w.strip("'\u2019").lower() for w in re.split(r"[ -]", name)]
    has_keyword = any(w in _ORG_WORDS for w in words)
    if words[0].rstrip(".") in _PERSON_TITLES and not has_keyword:
        return False
    if cue in _NEEDS_KEYWORD:
        return has_keyword or quoted
    return True


def _place_before_noun(text: str, name: str, end: int) -> bool:
    """A lone word before "police", "forces", "province" … is a place ("the Kirkuk police")."""
    return " " not in name and _place_noun().match(text, end) is not None


def _hit(text: str, cue: str, raw: str, start: int, quoted: bool, possessive: str | None) -> TitleHit | None:
    lo, hi = _trim(raw)
    while hi > lo and raw[hi - 1] in _QUOTES:
        hi -= 1
    if hi <= lo:
        return None
    name = raw[lo:hi]
    if _place_before_noun(text, name, start + hi) or not _looks_like_org(name, quoted, cue):
        return None
    return TitleHit(start + lo, start + hi, name, cue, possessive)


def _trigger_starts(doc: Folded, triggers: tuple[str, ...]) -> list[int]:
    """Original offsets where a trigger word starts a word (searched in folded text)."""
    folded, offsets = doc.folded, doc.offsets
    starts = set()
    for word in triggers:
        index = folded.find(word)
        while index >= 0:
            if index == 0 or not folded[index - 1].isalnum():
                starts.add(offsets[index])
            index = folded.find(word, index + 1)
    return sorted(starts)


def _names_after_cues(doc: Folded) -> Iterator[TitleHit | None]:
    text = doc.text
    _, group_before, _ = _english_after()
    for cue, regex, triggers in _english_regexes():
        for origin in _trigger_starts(doc, triggers):
            match = regex.match(text, origin)
            if match is None or (cue == "called" and not group_before.search(text, max(0, origin - 40), origin)):
                continue
            yield _hit(text, cue, match.group("name"), match.start("name"), bool(match.group("q")),
                       match.groupdict().get("poss"))


def _names_before_cues(doc: Folded) -> Iterator[TitleHit | None]:
    text = doc.text
    back, _, cues = _english_after()
    for cue, regex, triggers in cues:
        for origin in _trigger_starts(doc, triggers):
            if regex.match(text, origin) is None:
                continue
            found = back.search(text, max(0, origin - 160), origin)
            if found:
                yield _hit(text, cue, found.group("name"), found.start("name"), bool(found.group("q")), None)


def english_titles(doc: Folded) -> Iterator[TitleHit]:
    """Names found by the English cues, in original offsets."""
    seen: set[tuple[int, int]] = set()
    for hit in (*_names_after_cues(doc), *_names_before_cues(doc)):
        if hit is not None and (hit.start, hit.end) not in seen:
            seen.add((hit.start, hit.end))
            yield hit


def _arabic_name(words: str) -> str:
    kept: list[str] = []
    stop = _arabic_stop()
    for index, word in enumerate(words.split(" ")):
        if word in stop or (index and word.startswith("و") and len(word) > 3):
            break
        kept.append(word)
    return " ".join(kept)


def arabic_titles(doc: Folded) -> Iterator[TitleHit]:
    """Names found by the Arabic cues (searched in the folded text), in original offsets."""
    if _ARABIC.search(doc.folded) is None:
        return
    for cue, regex in _arabic_regexes():
        for match in regex.finditer(doc.folded):
            group = next(g for g in ("quoted", "dquoted", "words") if match.group(g))
            name = match.group(group).strip() if group != "words" else _arabic_name(match.group(group))
            if not name or name in _arabic_stop():
                continue
            offset = match.start(group) + match.group(group).index(name)
            start, end = doc.span(offset, offset + len(name))
            yield TitleHit(start, end, doc.text[start:end], cue)
