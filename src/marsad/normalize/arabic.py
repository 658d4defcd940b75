"""Text folding for matching names: Arabic orthographic variants, case, marks.

Nothing here alters stored text.  Matchers (gazetteer, actors) fold both the
name list and the article with the same function, search the folded article,
and map a hit back to the original with :func:`normalize_with_offsets` and
:func:`original_span`.

Choices made by :func:`normalize_arabic`:

* alef with hamza above/below, alef with madda and alef wasla become bare alef;
* alef maqsura (ى) becomes ya (ي) and ta marbuta (ة) becomes ha (ه), the usual
  spelling-insensitive keys for Arabic search;
* waw with hamza (ؤ) becomes waw and ya with hamza (ئ) becomes ya: writers drop
  the hamza seat far more often than they swap it for another letter, so the
  bare seat is the key that matches most spellings;
* tatweel, harakat (U+064B–U+065F), superscript alef (U+0670) and Quranic
  marks (U+06D6–U+06ED) are dropped;
* Arabic-Indic and Persian digits become ASCII digits;
* Persian kaf (ک) and Persian ya (ی) become Arabic kaf (ك) and ya (ي).

Every mapping sends a character to a string that no mapping changes again,
so the folding is idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ALEF = "\u0627"
_YA = "\u064a"

_QUOTES = "\u2018\u2019\u201b\u02bc\u0060\u00b4\u2032"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Invisible format characters that only get in the way of matching.
_INVISIBLE = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"


@lru_cache(maxsize=1)
def _arabic_pairs() -> dict[str, str]:
    """Character -> replacement for :func:`normalize_arabic` (may be empty)."""
    pairs: dict[str, str] = {
        "\u0623": _ALEF,  # أ
        "\u0625": _ALEF,  # إ
        "\u0622": _ALEF,  # آ
        "\u0671": _ALEF,  # ٱ
        "\u0649": _YA,  # ى
        "\u0629": "\u0647",  # ة -> ه
        "\u0624": "\u0648",  # ؤ -> و
        "\u0626": _YA,  # ئ
        "\u06a9": "\u0643",  # ک -> ك
        "\u06cc": _YA,  # ی
        "\u0640": "",  # tatweel
        "\u0670": "",  # superscript alef
    }
    for code in range(0x064B, 0x0660):
        pairs[chr(code)] = ""
    for code in range(0x06D6, 0x06EE):
        pairs[chr(code)] = ""
    for value in range(10):
        pairs[chr(0x0660 + value)] = str(value)
        pairs[chr(0x06F0 + value)] = str(value)
    return pairs


@lru_cache(maxsize=1)
def _arabic_table() -> dict[int, str]:
    return str.maketrans(_arabic_pairs())


# The same folding as ``_arabic_table`` in a few C-speed passes: str.translate
# is slow on non-ASCII text, and most characters of a page need no change.
_ALEF_FORMS = re.compile("[\u0623\u0625\u0622\u0671]")
_YA_FORMS = re.compile("[\u0649\u0626\u06cc]")
_DROPPED = re.compile("[\u0640\u0670\u064b-\u065f\u06d6-\u06ed]")
_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def normalize_arabic(text: str) -> str:
    """Fold Arabic spelling variants (see the module docstring); other text is kept."""
    text = _ALEF_FORMS.sub(_ALEF, text)
    text = _YA_FORMS.sub(_YA, text)
    text = text.replace("\u0629", "\u0647").replace("\u0624", "\u0648").replace("\u06a9", "\u0643")
    text = _DROPPED.sub("", text)
    return text.translate(_arabic_table()) if _DIGITS.search(text) else text


def _fold_char(char: str) -> str:
    """The matching form of one character (possibly empty or several chars)."""
    if char in _QUOTES:
        return "'"
    if char in _DASHES:
        return "-"
    if char in _INVISIBLE:
        return ""
    arabic = _arabic_pairs()
    if char in arabic:
        return arabic[char]
    if char.isascii():
        return char.lower()
    folded = unicodedata.normalize("NFKD", char.casefold())
    kept = "".join(c for c in folded if unicodedata.category(c) != "Mn")
    return kept.translate(_arabic_table())


class _FoldTable(dict[int, str]):
    """A translate table that fills itself in, one code point at a time.

    It also keeps the characters whose folded form is not exactly one
    character ("irregular": dropped marks, expanded ligatures), so offsets
    need per-character work only at those characters.
    """

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()
        self._irregular_re: re.Pattern[str] | None = None

    def __missing__(self, code: int) -> str:
        value = _fold_char(chr(code))
        self[code] = value
        if len(value) != 1:
            self.irregular.add(chr(code))
            self._irregular_re = None
        return value

    def irregular_pattern(self) -> re.Pattern[str] | None:
        """A character class of the irregular characters met so far."""
        if self._irregular_re is None and self.irregular:
            members = "".join(re.escape(char) for char in sorted(self.irregular))
            self._irregular_re = re.compile(f"[{members}]")
        return self._irregular_re


@lru_cache(maxsize=1)
def _fold_table() -> _FoldTable:
    return _FoldTable()


def normalize_for_matching(text: str) -> str:
    """:func:`normalize_arabic` plus casefolding, Latin accents dropped,
    compatibility forms decomposed, quotes -> ``'`` and dashes -> ``-``.

    The folding works character by character, so it agrees exactly with the
    string returned by :func:`normalize_with_offsets`.
    """
    if text.isascii():
        return text.lower().replace("`", "'")
    return text.translate(_fold_table())


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`normalize_for_matching` and, for each output character, the
    index of the input character it came from (non-decreasing)."""
    if text.isascii():  # every ASCII character folds to exactly one character
        return text.lower().replace("`", "'"), list(range(len(text)))
    table = _fold_table()
    folded = text.translate(table)  # also teaches the table every character of text
    pattern = table.irregular_pattern()
    if pattern is None:
        return folded, list(range(len(text)))
    offsets: list[int] = []
    done = 0
    for match in pattern.finditer(text):
        index = match.start()
        offsets.extend(range(done, index))
        offsets.extend([index] * len(table[ord(text[index])]))
        done = index + 1
    offsets.extend(range(done, len(text)))
    return folded, offsets


def original_span(offsets: list[int], start: int, end: int, text_len: int) -> tuple[int, int]:
    """Map the span ``[start, end)`` of folded text back onto the original.

    The end takes in characters dropped by folding (such as harakat) that
    follow the last matched character, so the span covers the whole word.
    """
    if not 0 <= start < end <= len(offsets):
        raise ValueError(f"bad folded span {start}..{end} of {len(offsets)}")
    origin_start = offsets[start]
    origin_end = offsets[end - 1] + 1
    following = offsets[end] if end < len(offsets) else text_len
    return origin_start, max(origin_end, following)
