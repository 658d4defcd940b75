"""Find place mentions in text: dictionary lookup of token n-grams plus evidence rules.

The text is folded like :func:`normalize_with_offsets` and tokenised like the
gazetteer's names (:mod:`marsad.places.tokens`, :mod:`marsad.places.aliases`).
Token n-grams that start at a possible name (a capitalised Latin word, an
Arabic word with or without its clitics) are looked up through the geoparser's
:class:`~marsad.places.lookup.Lookup` (forms not seen before are hashed and searched in one vectorised
pass); the longest hit at each position wins, left to right.  Each
hit is then judged (:mod:`marsad.places.evidence`): common words, person
names, organisation names, sentence-initial and all-caps words need evidence
(a cue such as "the village of", "محافظة", "north of", a dateline, a "Town,
State" pair, or the same name used plainly elsewhere in the text).  Last, an
event note's "Town (Admin2, Admin1)" nests are marked (:mod:`marsad.places.parenthetical`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress

from marsad.places import lexicon as L
from marsad.places.aliases import ARTICLES, arabic_token_forms
from marsad.places.evidence import Hit, judge, listed
from marsad.places.gazetteer import Gazetteer
from marsad.places.lookup import Lookup
from marsad.places.mention import Mention
from marsad.places.parenthetical import qualify
from marsad.places.persons import persons
from marsad.places.sources import CURATED
from marsad.places.tokens import Tokens, sentence_spans

__all__ = ["Mention", "recognize", "sentence_spans"]

MAX_TOKENS = 7
_SMALL = frozenset({"of", "the", "de", "la", "le", "du", "des", "del", "da", "do", "dos", "das", "and", "on",
                    "upon", "y", "e", "di", "van", "von", "der", "den", "bin", "ibn", "abu", "um", "umm"}) | ARTICLES
_GAP_RE = re.compile(r"^(?:[ \t\-]+|\.[ \t]?|[ \t]*\.[ \t]*|-[ \t]*|'s[ \t]+)$")  # "'s": "People's Republic"
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z .'\-]{2,40}?)(?:,[ \t]*[A-Z][A-Za-z. ]{1,30}?)?[ \t]*"
                       r"(?:\([A-Za-z .]{1,30}\))?[ \t]*[-–—:][ \t]")
_UNKNOWN_CUES = frozenset("village villages town towns district subdistrict sub neighbourhood neighborhood camp area "
                          "lake mount wadi jabal jebel "
                          "قريه وقريه فقريه بلده وبلده ناحيه وناحيه حي وحي مخيم ومخيم".split())
_UNKNOWN_EN = re.compile(
    r"(?:[Vv]illages?|[Tt]owns?|[Dd]istrict|[Ss]ub-?district|[Nn]eighbou?rhood|[Cc]amp|[Aa]rea)\s+of\s+"
    r"((?:(?:al|el|Al|El|ad|ar|as|ash|at|az)[-\s]|Abu |Albu |Umm |Tel |Tal |Tall |Ain |Ayn |Deir |Bir |Khan |Kafr |Beit |Jabal |Jurf )?"
    r"[A-Z][\w'’]+(?:-[A-Za-z][\w'’]+)*(?:\s(?:al-|el-)?[A-Z][\w'’]+){0,2})")
_UNKNOWN_FEATURE = re.compile(  # "Lake Harriet", "Mount Hermon", "Wadi al-Tharthar", "Jabal Makhoul"
    r"((?:Lake|Mount|Wadi|Jabal|Jebel)\s+(?:(?:al|el|ad|ar|as|ash|at|az)[-\s])?"
    r"[A-Z][\w'’]+(?:-[A-Za-z][\w'’]+)*)")
_NAME_BEFORE_CUE = re.compile(  # "Kyauk Kan village", "Nyaung Pin Thar village", "Htantabin town"
    r"((?:[A-Z][a-z'’]+(?:-[A-Za-z][\w'’]*)?\s){1,3})(?:village|town)\b(?!\s+of\b)")
_DETERMINERS = frozenset("the a an this that its their his her our another".split())  # "the Yazidi village"
_UNKNOWN_AR = re.compile(
    r"[وف]?(?:قرية|قريه|بلدة|بلده|ناحية|ناحيه|حي|مخيم)\s+"
    r"((?:(?:أبو|ابو|البو|أم|ام|تل|عين|دير|بئر|خان|كفر|بيت|جبل|جرف)\s+)?[\u0621-\u064a]{2,})")


def _gap_ok(doc: Tokens, i: int, j: int) -> bool:
    gap = doc.gap(i, j)
    if gap == " ":
        return True
    if "." in gap and (len(doc.keys[i]) > 3 and not doc.caps(i)):
        return False
    return bool(_GAP_RE.match(gap))


def _shape_ok(doc: Tokens, i: int, j: int) -> bool:
    """Latin names: every word but small function words and articles is capitalised."""
    heads, keys = doc.heads, doc.keys
    if "\u0600" <= heads[i] <= "\u06ff":
        return all("\u0600" <= heads[n] <= "\u06ff" for n in range(i, j))
    if keys[j - 1] in _SMALL:
        return False
    return all(heads[n].isupper() or keys[n] in _SMALL or keys[n].isdigit() or (n > i and keys[n] in L.PLACE_TAILS)
               for n in range(i, j))


# after a preposition or a place noun no clitic can follow: "في بارا", "مدينة بارا" name Bara, not ارا
_NO_CLITIC_AFTER = frozenset({"في", "الي", "من", "علي", "عن", "مدينه", "بلده", "قريه", "ناحيه", "محافظه", "ولايه",
                              "منطقه", "قضاء", "مخيم", "حي", "مدن", "بلدات", "قري"})


def _first_forms(doc: Tokens) -> list[tuple[int, str, int]]:
    """(token, form, chars cut at left) of every token that may start a name."""
    keys, heads, ups = doc.keys, doc.heads, doc.upper
    out = [(i, keys[i], 0) for i in compress(range(len(keys)), ups)]
    articles = [i for i in range(len(keys) - 1) if ups[i + 1] and not ups[i] and keys[i] in ARTICLES]
    if doc.has_arabic:
        out.extend((i, form, cut) for i, head in enumerate(heads) if "\u0600" <= head <= "\u06ff"
                   for form, cut in arabic_token_forms(keys[i]) if not cut or i == 0 or keys[i - 1] not in _NO_CLITIC_AFTER)
    if articles:
        out.extend((i, keys[i], 0) for i in articles if not "\u0600" <= heads[i] <= "\u06ff")
    if doc.has_arabic or articles:
        out.sort(key=lambda f: f[0])  # stable: the forms of one token keep their order
    return out


def _grams(doc: Tokens, starts: list[tuple[int, str, int]]) -> list[tuple[int, int, int, str]]:
    """(first token, end token, cut, key) of the n-grams worth looking up from each possible start."""
    keys, heads, folded, fs, fe = doc.keys, doc.heads, doc.folded, doc.fs, doc.fe
    size = len(keys)
    grams: list[tuple[int, int, int, str]] = []
    for i, form, cut in starts:
        arabic = "\u0600" <= heads[i] <= "\u06ff"
        grams.append((i, i + 1, cut, form))
        gram = form
        for j in range(i + 1, min(i + MAX_TOKENS, size)):
            key, head = keys[j], heads[j]
            if arabic != ("\u0600" <= head <= "\u06ff"):
                break
            if not arabic and not head.isupper() and key not in _SMALL and not key.isdigit() \
                    and key not in L.PLACE_TAILS:
                break
            if folded[fe[j - 1]:fs[j]] != " " and not _gap_ok(doc, j - 1, j):
                break
            gram = f"{gram} {key}"
            grams.append((i, j + 1, cut, gram))
    return grams


def _hits(lookup: Lookup, doc: Tokens) -> list[Hit]:
    """Longest dictionary hits, left to right."""
    first_forms = _first_forms(doc)
    if not first_forms:
        return []
    mask = lookup.starts([f for _, f, _ in first_forms])
    grams = _grams(doc, list(compress(first_forms, mask)))
    if not grams:
        return []
    found = lookup.keys([g[3] for g in grams])
    best: dict[int, Hit] = {}
    for (i, j, cut, gram), key in zip(grams, found):
        if key < 0 or (i in best and j <= best[i].end) or not _shape_ok(doc, i, j):
            continue
        best[i] = Hit(i, j, key, cut, gram.split(" ", 1)[0])
    out, taken = [], -1
    for i in sorted(best):
        if i < taken:
            continue
        out.append(best[i])
        taken = best[i].end
    return out


def recognize(gaz: Gazetteer, text: str, *, threshold: float = 0.5, lookup: Lookup | None = None) -> list[Mention]:
    """Place, demonym and organisation-name mentions in ``text`` (offsets into ``text``).

    ``lookup`` remembers the name forms already looked up (pass the same one for every text of a corpus).
    """
    if not text.strip():
        return []
    doc = Tokens(text)
    lookup = lookup if lookup is not None and lookup.gaz is gaz else Lookup(gaz)
    hits = _hits(lookup, doc)
    datelines = {m.start(1) for m in _DATELINE.finditer(text)} if "\n" in text or text[:1].isupper() else set()
    judged: list[tuple[Hit, tuple[str, float, str | None]]] = []
    prev_end = -1
    names = persons(doc, hits, lookup.facts)
    in_lists = listed(doc, hits)
    for n, hit in enumerate(hits):
        verdict = judge(lookup.facts, doc, hit, prev_end, hits[n + 1] if n + 1 < len(hits) else None, names,
                        n in in_lists)
        if verdict is None:
            continue
        if doc.start[hit.begin] in datelines:
            verdict = (verdict[0], 0.95, "dateline")
        judged.append((hit, verdict))
        prev_end = hit.end
    return qualify(doc, _mentions(doc, judged, threshold, lookup), lookup)


def _mentions(doc: Tokens, judged: list[tuple[Hit, tuple[str, float, str | None]]],
              threshold: float, lookup: Lookup) -> list[Mention]:
    """Mentions of the judged hits, plus the unknown names after settlement cues.

    A weak one passes when the same name is used plainly elsewhere, or when it is a curated name that
    needs evidence ("~Qaim") and a plainly named place of the text lies in the same country as one of
    its curated places (an Iraq story's "attacked Qaim").
    """
    plain = {h.key for h, (_, conf, _) in judged if conf >= 0.7}
    home: set[int] | None = None
    taken = [(doc.start[h.begin], doc.end[h.end - 1]) for h, _ in judged]
    out = []
    for hit, (kind, conf, cue) in judged:
        if conf < threshold and hit.key in plain:
            conf = 0.7
        if conf < threshold and kind == "place" and lookup.facts[hit.key].flags & CURATED:
            home = _countries_of(lookup, plain) if home is None else home
            if home & _countries_of(lookup, [hit.key], curated=True):
                conf = 0.6
        if conf < threshold:
            continue
        i = hit.begin
        start = doc.orig(doc.fs[i] + hit.cut, doc.fe[i])[0] if hit.cut else doc.start[i]
        end = doc.end[hit.end - 1]
        out.append(Mention(start, end, doc.text[start:end], hit.key, kind, cue, round(conf, 3), doc.sentence[i]))
    out.extend(_unknown(doc, taken))
    out = _named_before_cue(doc, out)
    out.sort(key=lambda m: m.start)
    return out


def _named_before_cue(doc: Tokens, mentions: list[Mention]) -> list[Mention]:
    """A settlement named before its cue word ("Kyauk Kan village") is one name, even when the
    gazetteer knows its last word ("Kan", a place elsewhere): that partial hit gives way to a name of
    key -1.  Words that open a sentence or are common words do not start the name, and a name that
    holds a demonym or an organisation, or follows a determiner ("the Yazidi village", "a Christian
    village"), is left alone; so is "X village of Y", where Y is the name."""
    text, out = doc.text, list(mentions)
    for match in _NAME_BEFORE_CUE.finditer(text):
        words = match.group(1).split()
        start = match.start(1)
        while words and (doc.fold_word(words[0]) in L.COMMON_WORDS or _opens_sentence(text, start)):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else match.end(1)
            words = words[1:]
        if not words or _word_before(text, start) in _DETERMINERS:
            continue
        end = start + len(" ".join(words))
        inside = [m for m in out if m.start < end and start < m.end]
        if any(m.kind != "place" or m.start < start or m.end > end for m in inside):
            continue
        if inside and not any(m.start > start for m in inside):
            continue  # the gazetteer's name is the whole name ("Kan village")
        out = [m for m in out if m not in inside]
        sentence = max(bisect_right(doc.starts, start) - 1, 0)
        out.append(Mention(start, end, text[start:end], -1, "place", "settlement", 0.6, sentence))
    return out


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 20):start].split()
    return before[-1].lower() if before else ""


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:;\"“(\n"


def _countries_of(lookup: Lookup, keys, *, curated: bool = False) -> set[int]:
    """Countries (indices) of the best candidate of each key, or of all its curated candidates."""
    gaz, out = lookup.gaz, set()
    for key in keys:
        cands, flags = gaz.candidates(key)
        if curated:
            out.update(gaz.cc[cands[(flags & CURATED) > 0]].tolist())
        else:
            out.add(int(gaz.cc[cands[0]]))
    return out


def _positions(keys: list[str], words: frozenset[str]) -> list[int]:
    """Tokens (by number) whose key is one of ``words``, in order (C-level scans: most texts have few)."""
    out = []
    for word in words.intersection(keys):
        n = keys.index(word)
        while True:
            out.append(n)
            try:
                n = keys.index(word, n + 1)
            except ValueError:
                break
    return sorted(out)


def _unknown(doc: Tokens, taken: list[tuple[int, int]]) -> list[Mention]:
    """Names the gazetteer lacks after a settlement cue ("the village of X", "قرية X") or inside a feature
    name ("Lake Harriet", "Wadi al-Tharthar"): key -1."""
    out = []
    text = doc.text
    for n in _positions(doc.keys, _UNKNOWN_CUES):
        arabic = doc.arabic(n)
        match = (_UNKNOWN_AR if arabic else _UNKNOWN_EN).match(text, doc.start[n])
        if match is None and not arabic:
            match = _UNKNOWN_FEATURE.match(text, doc.start[n])
        if match is None:
            continue
        start, end = match.span(1)
        if any(s < end and start < e for s, e in taken):
            continue
        words = text[start:end].split()
        word = doc.fold_word(words[-1] if match.re is _UNKNOWN_AR else words[0])  # "البو حياة": the name
        if match.re is not _UNKNOWN_FEATURE and (word in L.COMMON_WORDS or word in L.DIRECTIONS
                                                 or word in L.AR_COMMON or word in L.AR_DIRECTIONS):
            continue
        sentence = max(bisect_right(doc.starts, start) - 1, 0)
        out.append(Mention(start, end, text[start:end], -1, "place", "settlement", 0.6, sentence))
        taken.append((start, end))
    return out
