"""Story anchors: the dates, numbers and names an article is about, hashed.

Two reports of one story, or an Arabic and an English version of one
article, share few word shingles but many anchors:

* numbers of two digits or more (Arabic-Indic and Persian digits folded to
  ASCII by :func:`normalize_for_matching`, thousands separators dropped),
  except years 1900-2099, which every article has;
* day-and-month dates ("January 5", "5 Jan", "5 كانون الثاني", "5 يناير");
* names, as a consonant skeleton that an English spelling and an Arabic
  spelling share: capitalised English words and Arabic words (not in a short
  stop list) lose vowels, ``al-``/``ال``, doubled letters and a final h, and
  letters are mapped to a common Latin skeleton (``Soleimani`` and
  ``سليماني`` both give ``slmn``; ``Baghdad`` and ``بغداد`` give ``bgd``).

An anchor is a signed 64-bit hash whose two lowest bits give its kind: 0 a
name, 1 a number, 3 a date (so the lowest bit says "a number or a date").
An article keeps its ``limit`` most frequent anchors (numbers and dates
first, then by first occurrence).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import lru_cache

_MONTHS_EN = ("january february march april may june july august september october november december")
_MONTHS_AR = (
    ("يناير", "كانون الثاني"), ("فبراير", "شباط"), ("مارس", "اذار"), ("ابريل", "نيسان"),
    ("مايو", "ايار"), ("يونيو", "حزيران"), ("يوليو", "تموز"), ("اغسطس", "اب"),
    ("سبتمبر", "ايلول"), ("اكتوبر", "تشرين الاول"), ("نوفمبر", "تشرين الثاني"), ("ديسمبر", "كانون الاول"),
)
_NUMBER = re.compile(r"\d+(?:,\d{3})*")
_EN_NAME = re.compile(r"\b(?:[Aa]l-)?[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?")
_AR_WORD = re.compile(r"[\u0621-\u064a]{3,}")
_HAS_ARABIC = re.compile(r"[\u0621-\u064a]")
_EN_STOP = frozenset(
    "the a an in on at of for to and but or if he she it they we i his her its their this that these those"
    " there here when where while after before since as by with from into about over under said says"
    " monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr gen lt col sheikh president"
    " minister according also however meanwhile last next new other some many more most".split()
)
_AR_STOP = frozenset(
    "الذي التي الذين هذا هذه ذلك تلك هناك حيث بعد قبل عند على الى إلى من في عن مع كان كانت يكون"
    " وقال قال قالت وقالت اليوم امس الان ايضا حتى لكن ولكن كما بين خلال منذ ضد عبر دون غير"
    " وزير رئيس الرئيس الحكومه حكومه قوات القوات مصادر مصدر".split()
)
_AR_LETTERS = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}
_EN_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ph", "f"),
                ("ch", "s"), ("q", "k"), ("c", "k"), ("x", "ks"), ("v", "f"), ("p", "b"))
_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")


@lru_cache(maxsize=1)
def _month_after() -> re.Pattern[str]:
    """A month name right after a day number ("5 january", "5 كانون الثاني")."""
    return re.compile(rf"\s+({_month_alternation()})(?!\w)")


@lru_cache(maxsize=1)
def _month_before() -> re.Pattern[str]:
    """A month name right before a day number ("january 5", "jan. 5"), read backwards."""
    return re.compile(rf"(?<!\w)({_month_alternation()})\.?\s+$")


@lru_cache(maxsize=1)
def _month_alternation() -> str:
    return "|".join(sorted((re.escape(n) for n in _month_numbers()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    from marsad.normalize.arabic import normalize_for_matching

    table: dict[str, int] = {}
    for number, name in enumerate(_MONTHS_EN.split(), start=1):
        table[name] = table[name[:3]] = number
    for number, pair in enumerate(_MONTHS_AR, start=1):
        for name in pair:
            table[normalize_for_matching(name)] = number
    return table


NAME, NUMBER, DATE = 0, 1, 3


def anchor_hash(kind: str, value: str) -> int:
    """The signed 64-bit hash of one anchor; the two low bits are its kind (:data:`NAME`, :data:`NUMBER`, :data:`DATE`)."""
    digest = hashlib.blake2b(f"{kind}:{value}".encode("utf-8"), digest_size=8).digest()
    code = NAME if kind == "name" else DATE if value.startswith("d:") else NUMBER
    bits = (int.from_bytes(digest, "little") & ~3) | code
    return bits - (1 << 64) if bits >= 1 << 63 else bits


def is_date(anchor: int) -> bool:
    return anchor & 3 == DATE


@lru_cache(maxsize=1 << 16)
def english_skeleton(word: str) -> str:
    """The consonant skeleton of a Latin-script name."""
    w = word.lower().replace("’", "").replace("'", "")
    w = w[3:] if w.startswith("al-") else w
    for digraph, letter in _EN_DIGRAPHS:
        w = w.replace(digraph, letter)
    return _squeeze("".join(ch for ch in w if ch.isalpha() and ch not in "aeiouyw"))


@lru_cache(maxsize=1 << 16)
def arabic_skeleton(word: str) -> str:
    """The consonant skeleton of a folded Arabic word (see :func:`english_skeleton`)."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
            break
    return _squeeze("".join(_AR_LETTERS.get(ch, "") for ch in word))


def _squeeze(skeleton: str) -> str:
    out = "".join(ch for i, ch in enumerate(skeleton) if i == 0 or ch != skeleton[i - 1])
    return out[:-1] if out.endswith("h") and len(out) > 3 else out


def extract_anchors(text: str, limit: int = 24) -> list[int]:
    """The ``limit`` strongest anchors of ``text``, as sorted distinct signed 64-bit hashes.

    Numbers and dates come first, then names; within a kind the most frequent
    first, ties in order of first appearance.
    """
    from marsad.normalize.arabic import normalize_for_matching

    folded = normalize_for_matching(text)
    facts = Counter(_dates_and_numbers(folded))
    names = Counter(n for n in map(_name_skeleton, _EN_NAME.findall(text)) if n)
    if _HAS_ARABIC.search(folded):
        names.update(n for n in map(_arabic_name, _AR_WORD.findall(folded)) if n)
    ranked = [("fact", v) for v, _ in facts.most_common()] + [("name", v) for v, _ in names.most_common()]
    return sorted({anchor_hash(kind, value) for kind, value in ranked[:limit]})


def _dates_and_numbers(folded: str) -> list[str]:
    """Every day-and-month date (``d:MM-DD``) and number (``n:VALUE``) of the folded text, in order."""
    months = _month_numbers()
    found = []
    for m in _NUMBER.finditer(folded):
        value = m.group().replace(",", "")
        if len(value) <= 2 and 1 <= int(value) <= 31:
            month = _month_after().match(folded, m.end()) or _month_before().search(folded[max(0, m.start() - 24) : m.start()])
            if month:
                found.append(f"d:{months[month.group(1)]:02d}-{int(value):02d}")
                continue
        value = value.lstrip("0")
        if len(value) >= 2 and not (len(value) == 4 and value[:2] in ("19", "20")):
            found.append(f"n:{value}")
    return found


@lru_cache(maxsize=1 << 16)
def _name_skeleton(word: str) -> str:
    """The skeleton of a capitalised English word, or "" for a stop word or a short one."""
    lower = word.lower()
    if lower in _EN_STOP or lower in _month_numbers():
        return ""
    skeleton = english_skeleton(word)
    return skeleton if len(skeleton) >= 3 else ""


@lru_cache(maxsize=1 << 16)
def _arabic_name(word: str) -> str:
    """The skeleton of a folded Arabic word, or "" for a stop word or a short one."""
    if word in _AR_STOP or word in _month_numbers():
        return ""
    skeleton = arabic_skeleton(word)
    return skeleton if len(skeleton) >= 3 else ""
