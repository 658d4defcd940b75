"""Find place mentions in text: dictionary lookup of token n-grams plus evidence rules.

The text is folded with :func:`normalize_with_offsets` and tokenised like the
gazetteer's names (:mod:`marsad.places.aliases`).  Token n-grams that start
at a possible name (a capitalised Latin word, an Arabic word with or without
its clitics) are hashed and looked up in one vectorised pass; the longest hit
at each position wins, left to right.  Each hit is then judged: common words,
person names, organisation names, sentence-initial and all-caps words need
evidence (a cue such as "the village of", "محافظة", "north of", a dateline, a
"Town, State" pair, or the same name used plainly elsewhere in the text).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from marsad.normalize.arabic import normalize_with_offsets, original_span
from marsad.places import lexicon as L
from marsad.places.aliases import ARTICLES, arabic_token_forms, tokenize
from marsad.places.gazetteer import Gazetteer, key_hash
from marsad.places.sources import ABBREV, CURATED, DEMONYM, LEVEL_ADMIN1, LEVEL_COUNTRY, WEAK

MAX_TOKENS = 7
_SMALL = frozenset({"of", "the", "de", "la", "le", "du", "des", "del", "da", "do", "dos", "das", "and", "on",
                    "upon", "y", "e", "di", "van", "von", "der", "den", "bin", "ibn", "abu", "um", "umm"}) | ARTICLES
_GAP_RE = re.compile(r"^(?:[ \t\-]+|\.[ \t]?|[ \t]*\.[ \t]*|-[ \t]*)$")
_SENTENCE_END = re.compile(r"[.!?؟]['\"”’)\]]*\s+(?=['\"“‘(\[]?[A-Z\u0600-\u06ff0-9])|\n+")
_ABBREVS = frozenset("mr mrs ms dr st mt ft gen lt col sgt capt gov sen rep jan feb mar apr jun jul aug sep sept "
                     "oct nov dec no vs u s a e j r inc corp co jr sr prof rev ave blvd".split())
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z .'\-]{2,40}?)(?:,[ \t]*[A-Z][A-Za-z. ]{1,30}?)?[ \t]*"
                       r"(?:\([A-Za-z .]{1,30}\))?[ \t]*[-–—:][ \t]")


_UNKNOWN_CUES = frozenset("village villages town towns district subdistrict sub neighbourhood neighborhood camp area "
                          "قريه وقريه فقريه بلده وبلده ناحيه وناحيه حي وحي مخيم ومخيم".split())
_UNKNOWN_EN = re.compile(
    r"(?:[Vv]illages?|[Tt]owns?|[Dd]istrict|[Ss]ub-?district|[Nn]eighbou?rhood|[Cc]amp|[Aa]rea)\s+of\s+"
    r"((?:(?:al|el|Al|El|ad|ar|as|ash|at|az)[-\s]|Abu |Albu |Umm |Tel |Tal |Tall |Ain |Ayn |Deir |Bir |Khan |Kafr |Beit |Jabal |Jurf )?"
    r"[A-Z][\w'’]+(?:-[A-Za-z][\w'’]+)*(?:\s(?:al-|el-)?[A-Z][\w'’]+){0,2})")
_UNKNOWN_AR = re.compile(
    r"[وف]?(?:قرية|قريه|بلدة|بلده|ناحية|ناحيه|حي|مخيم)\s+"
    r"((?:(?:أبو|ابو|البو|أم|ام|تل|عين|دير|بئر|خان|كفر|بيت|جبل|جرف)\s+)?[\u0621-\u064a]{2,})")


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised name: span in the original text, the key it matched, and how it reads."""

    start: int
    end: int
    text: str
    key: int
    kind: str  # "place", "demonym" or "org"
    cue: str | None  # "admin", "admin2", "settlement", "near", "in", "dateline", "pair" or None
    confidence: float
    sentence: int


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (or line) spans of ``text``; abbreviations like "Mr." and "U.S." do not end one."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.group()[0] == ".":
            word = re.search(r"([A-Za-z]+)\.$", text[max(0, match.start() - 12):match.start() + 1])
            if word and (word.group(1).lower() in _ABBREVS or len(word.group(1)) == 1):
                continue
        end = match.start() + 1 if match.group()[0] != "\n" else match.start()
        if end > start and text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True, slots=True)
class _Tok:
    key: str
    fs: int  # folded start
    fe: int
    start: int  # original start
    end: int
    upper: bool  # first letter upper case (Latin)
    caps: bool  # whole word in capitals
    arabic: bool
    sentence: int
    first: bool  # first word of its sentence


class _Text:
    """Tokens of one text; the details of a token are worked out only when asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self.offsets = normalize_with_offsets(text)
        self.identity = len(self.offsets) == len(text) and self.offsets == list(range(len(text)))
        self.raw = tokenize(self.folded)
        self.spans = sentence_spans(text)
        self.starts = [s for s, _ in self.spans]
        self._cache: dict[int, _Tok] = {}

    def __len__(self) -> int:
        return len(self.raw)

    def orig(self, fs: int, fe: int) -> tuple[int, int]:
        if self.identity:
            return fs, fe
        return original_span(self.offsets, fs, fe, len(self.text))

    def head(self, n: int) -> str:
        """The first original character of token ``n``."""
        fs = self.raw[n][1]
        return self.text[fs if self.identity else self.offsets[fs]]

    def tok(self, n: int) -> _Tok:
        found = self._cache.get(n)
        if found is not None:
            return found
        key, fs, fe = self.raw[n]
        start, end = self.orig(fs, fe)
        word = self.text[start:end]
        head = word[:1]
        upper = head.isupper()
        caps = upper and len(word) > 1 and word.upper() == word and any(c.isalpha() for c in word[1:])
        sent = bisect_right(self.starts, start) - 1
        prev_start = self.orig(*self.raw[n - 1][1:])[0] if n > 0 else -1
        first = n == 0 or bisect_right(self.starts, prev_start) - 1 != sent
        made = _Tok(key, fs, fe, start, end, upper, caps, "\u0600" <= head <= "\u06ff", max(sent, 0), first)
        self._cache[n] = made
        return made


def _gap_ok(doc: _Text, i: int, j: int) -> bool:
    left, right = doc.raw[i], doc.raw[j]
    gap = doc.folded[left[2]:right[1]]
    if gap == " ":
        return True
    if "." in gap and (len(left[0]) > 3 and not doc.tok(i).caps):
        return False
    return bool(_GAP_RE.match(gap))


def _shape_ok(doc: _Text, i: int, j: int) -> bool:
    """Latin names: every word but small function words and articles is capitalised."""
    heads = [doc.head(n) for n in range(i, j)]
    if "\u0600" <= heads[0] <= "\u06ff":
        return all("\u0600" <= h <= "\u06ff" for h in heads)
    keys = [doc.raw[n][0] for n in range(i, j)]
    return all(h.isupper() or k in _SMALL or k.isdigit() or (n > 0 and k in L.PLACE_TAILS)
               for n, (h, k) in enumerate(zip(heads, keys))) and keys[-1] not in _SMALL


def _hits(gaz: Gazetteer, doc: _Text) -> list[tuple[int, int, int, int]]:
    """Longest dictionary hits as (first token, end token, key index, chars cut at left)."""
    text, offsets, identity, raw = doc.text, doc.offsets, doc.identity, doc.raw
    heads = [text[fs] if identity else text[offsets[fs]] for _, fs, _ in raw]
    first_forms: list[tuple[int, str, int]] = []
    for i, head in enumerate(heads):
        if head.isupper():
            first_forms.append((i, raw[i][0], 0))
        elif "\u0600" <= head <= "\u06ff":
            first_forms.extend((i, form, cut) for form, cut in arabic_token_forms(raw[i][0]))
        elif raw[i][0] in ARTICLES and i + 1 < len(raw) and heads[i + 1].isupper():
            first_forms.append((i, raw[i][0], 0))
    if not first_forms:
        return []
    memo: dict[str, int] = {}
    hashes = [memo.get(f) or memo.setdefault(f, key_hash(f)) for _, f, _ in first_forms]
    mask = gaz.has_first(np.array(hashes, dtype=np.uint64))
    grams: list[tuple[int, int, int, str]] = []
    for (i, form, cut), ok in zip(first_forms, mask):
        if not ok:
            continue
        arabic = "\u0600" <= heads[i] <= "\u06ff"
        parts = [form]
        grams.append((i, i + 1, cut, form))
        for j in range(i + 1, min(i + MAX_TOKENS, len(raw))):
            key, head = raw[j][0], heads[j]
            if arabic != ("\u0600" <= head <= "\u06ff"):
                break
            if not arabic and not head.isupper() and key not in _SMALL and not key.isdigit() \
                    and key not in L.PLACE_TAILS:
                break
            if not _gap_ok(doc, j - 1, j):
                break
            parts.append(key)
            grams.append((i, j + 1, cut, " ".join(parts)))
    if not grams:
        return []
    found = gaz.find(np.array([memo.get(g[3]) or memo.setdefault(g[3], key_hash(g[3])) for g in grams],
                              dtype=np.uint64))
    best: dict[int, tuple[int, int, int, int]] = {}
    for (i, j, cut, _), key in zip(grams, found):
        if key < 0 or (i in best and j <= best[i][1]) or not _shape_ok(doc, i, j):
            continue
        best[i] = (i, j, int(key), cut)
    out, taken = [], -1
    for i in sorted(best):
        if i < taken:
            continue
        out.append(best[i])
        taken = best[i][1]
    return out


_STRONG_CUES = frozenset({"admin", "admin2", "settlement", "pair", "dateline"})
_NEAR_TAILS = frozenset({"area", "areas", "countryside", "outskirts", "suburbs", "environs"})


def _cue(doc: _Text, i: int, j: int) -> str | None:
    """Evidence in the words around tokens i..j."""
    raw = doc.raw
    prev = raw[i - 1][0] if i > 0 else ""
    prev2 = raw[i - 2][0] if i > 1 else ""
    nxt = raw[j][0] if j < len(raw) else ""
    if doc.tok(i).arabic:
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
    return L.EN_CUES_BEFORE.get(prev)


def _is_pair(doc: _Text, left_end: int, right: tuple[int, int, int, int] | None, gaz: Gazetteer) -> bool:
    """Whether hit ``right`` follows token ``left_end - 1`` as ", State" / ", Country"."""
    if right is None or right[0] != left_end or left_end >= len(doc):
        return False
    if doc.text[doc.tok(left_end - 1).end:doc.tok(right[0]).start].strip() != ",":
        return False
    return bool(gaz.key_level[right[2]] <= LEVEL_ADMIN1 or gaz.key_or[right[2]] & ABBREV)


def _persons(doc: _Text) -> set[str]:
    """Words used as personal names in this text: those after a first name or a title."""
    out: set[str] = set()
    raw = doc.raw
    for n in range(len(raw) - 1):
        key = raw[n][0]
        if (key in L.FIRST_NAMES or key in L.TITLES) and doc.head(n).isupper():
            m = n + 1
            while m < len(raw) and m <= n + 2 and doc.head(m).isupper() and doc.folded[raw[m - 1][2]:raw[m][1]] in (" ", ". "):
                out.add(raw[m][0])
                m += 1
    return out


def _judge(gaz: Gazetteer, doc: _Text, hit: tuple[int, int, int, int], prev_end: int,
           next_hit: tuple[int, int, int, int] | None, persons: set[str]) -> tuple[str, float, str | None] | None:
    """(kind, confidence, cue) of a hit, or None when it is not a place mention."""
    i, j, key, _ = hit
    all_flags, every = int(gaz.key_or[key]), int(gaz.key_and[key])
    me = doc.tok(i)
    prev = doc.tok(i - 1) if i > 0 else None
    nxt = doc.tok(j) if j < len(doc) else None
    gap_next = doc.text[doc.tok(j - 1).end:nxt.start] if nxt else ""
    gap_prev = doc.text[prev.end:me.start] if prev else ""
    cue = _cue(doc, i, j)
    if prev is not None and prev_end == i and gap_prev.strip() == "," and gaz.key_level[key] <= LEVEL_ADMIN1:
        cue = cue or "pair"
    if _is_pair(doc, j, next_hit, gaz):
        cue = cue or "pair"
    if every & ABBREV:
        if prev is not None and gap_prev.strip() == "," and prev.upper:
            return ("place", 0.95, "pair")
        return ("place", 0.8, cue) if j - i >= 2 and me.caps is False and me.upper else None  # "D.C.", "N.Y."
    single = j - i == 1
    pop = int(gaz.key_pop[key])
    big = bool(gaz.key_level[key] <= LEVEL_ADMIN1 or all_flags & CURATED)
    strong = big or pop >= 100_000
    kind = "demonym" if all_flags & DEMONYM else "place"
    if me.arabic:
        if single and (me.key in L.AR_CUES_BEFORE or me.key in L.AR_COMMON):
            return None
        if single and not big and cue not in _STRONG_CUES and cue != "in":
            return None
    else:
        if single and (me.key in L.DIRECTIONS or me.key in L.ORG_NAMES
                       or (me.key in persons and cue in (None, "pair", "in"))):
            return None
        if prev is not None and prev.key in ARTICLES and not prev.upper and i > 1 and cue is None:
            before = doc.tok(i - 2)  # "Asaib Ahl al-Haq", "Muqtada al-Sadr": part of a longer name
            if before.upper and before.sentence == me.sentence and prev_end != i - 1:
                return None
        if single and me.key in L.FIRST_NAMES and nxt is not None and nxt.upper and gap_next == " " \
                and nxt.sentence == me.sentence:
            return None
        named = single and (me.key in L.COMMON_WORDS or me.key in L.FIRST_NAMES)
        country = gaz.key_level[key] <= LEVEL_COUNTRY or bool(all_flags & CURATED)
        if single and cue not in _STRONG_CUES and not country and \
                (me.key in L.SURNAMES or me.key in L.AR_FIRST_NAMES
                 or (named and (not strong or me.first or me.caps or gaz.key_level[key] == LEVEL_ADMIN1))):
            return None
        if single and me.caps and len(me.key) <= 4 and not big:
            return None
        if j - i == 2 and " ".join(doc.raw[n][0] for n in range(i, j)) in L.NOT_PLACES:
            return None
        if (gap_next[:1] == "-" and nxt is not None and nxt.upper and not nxt.caps and len(nxt.key) > 1
                and not (next_hit is not None and next_hit[0] == j)) or \
                (gap_prev[-1:] == "-" and prev is not None and prev.upper and not prev.caps and len(prev.key) > 1
                 and prev_end != i):
            return None
        if prev is not None and prev.sentence == me.sentence and prev.upper and gap_prev.strip() == "" \
                and prev_end != i and not me.caps:
            if prev.key in L.TITLES or prev.key in L.FIRST_NAMES:
                return None
            if not prev.first and prev.key not in L.DIRECTIONS and kind != "demonym":
                return None
        if nxt is not None and nxt.upper and not nxt.caps and nxt.sentence == me.sentence \
                and gap_next.strip() == "" and nxt.key not in L.PLACE_TAILS \
                and not (next_hit is not None and next_hit[0] == j):
            if kind == "demonym" or nxt.key in L.ORG_WORDS or strong or not single:
                return ("org", 0.8, cue)
            if not me.caps:
                return None

    if kind == "demonym":
        return ("demonym", 0.9, cue)
    conf = 0.9 if not single else 0.85 if strong else 0.7 if pop >= 10_000 else 0.55
    needs_evidence = bool(every & WEAK)
    if single and not me.arabic:
        needs_evidence |= (me.first or me.caps) and not strong
    if single and me.arabic and not strong:
        needs_evidence = True
    if cue in ("admin", "admin2", "settlement", "near", "pair", "dateline"):
        conf = min(0.98, conf + 0.1)
    elif needs_evidence:
        conf *= 0.55 if not (me.arabic and cue == "in") else 1.0
    return ("place", conf, cue)


def recognize(gaz: Gazetteer, text: str, *, threshold: float = 0.5) -> list[Mention]:
    """Place, demonym and organisation-name mentions in ``text`` (offsets into ``text``)."""
    if not text.strip():
        return []
    doc = _Text(text)
    hits = _hits(gaz, doc)
    datelines = {m.start(1) for m in _DATELINE.finditer(text)} if "\n" in text or text[:1].isupper() else set()
    judged: list[tuple[tuple[int, int, int, int], tuple[str, float, str | None]]] = []
    prev_end = -1
    persons = _persons(doc)
    for n, hit in enumerate(hits):
        verdict = _judge(gaz, doc, hit, prev_end, hits[n + 1] if n + 1 < len(hits) else None, persons)
        if verdict is None:
            continue
        kind, conf, cue = verdict
        if doc.tok(hit[0]).start in datelines:
            conf, cue = 0.95, "dateline"
        judged.append((hit, (kind, conf, cue)))
        prev_end = hit[1]
    plain = {h[2] for h, (_, conf, _) in judged if conf >= 0.7}
    taken = [(doc.tok(i).start, doc.tok(j - 1).end) for (i, j, _, _), _ in judged]
    out = []
    for (i, j, key, cut), (kind, conf, cue) in judged:
        if conf < threshold and key in plain:
            conf = 0.7
        if conf < threshold:
            continue
        first = doc.tok(i)
        start = doc.orig(first.fs + cut, first.fe)[0] if cut else first.start
        end = doc.tok(j - 1).end
        out.append(Mention(start, end, text[start:end], key, kind, cue, round(conf, 3), first.sentence))
    out.extend(_unknown(doc, taken))
    out.sort(key=lambda m: m.start)
    return out


def _unknown(doc: _Text, taken: list[tuple[int, int]]) -> list[Mention]:
    """Names the gazetteer lacks after a settlement cue ("the village of X", "قرية X"): key -1."""
    out = []
    for n, (key, _, _) in enumerate(doc.raw):
        if key not in _UNKNOWN_CUES:
            continue
        cue = doc.tok(n)
        match = (_UNKNOWN_AR if cue.arabic else _UNKNOWN_EN).match(doc.text, cue.start)
        if match is None:
            continue
        start, end = match.span(1)
        if any(s < end and start < e for s, e in taken):
            continue
        word = doc.text[start:end].split()[0].lower()
        if word in L.COMMON_WORDS or word in L.DIRECTIONS:
            continue
        sentence = max(bisect_right(doc.starts, start) - 1, 0)
        out.append(Mention(start, end, doc.text[start:end], -1, "place", "settlement", 0.6, sentence))
        taken.append((start, end))
    return out
