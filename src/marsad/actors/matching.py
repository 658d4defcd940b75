"""Finding dictionary aliases in a text: automaton hits, boundary checks, longest match.

The text is folded with :func:`normalize_with_offsets` (so Arabic spelling
variants, case and quotes do not matter), searched with the automaton, and
each hit is kept only if

* it starts and ends at word boundaries — an Arabic name may carry the
  proclitics و ف ب ل ك before it, and the form without the article's alef
  ("لحشد") only after a ل ("للحشد الشعبي");
* its acronyms are upper case in the text ("IS", "US", "SAA"), and a
  two-letter acronym alone is not inside an all-capitals headline;
* a weak alias ("Badr") is capitalised and not part of a longer capitalised
  name ("Badr Hassan").

Overlapping hits are resolved longest first, then leftmost.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from marsad.actors.dictionary import AliasInfo
from marsad.normalize.arabic import normalize_with_offsets, original_span

_WHITESPACE = re.compile(r"[^\S ]")  # whitespace other than the space itself
_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "لل", "ولل", "فلل"})
_LAM_CLITICS = frozenset({"ل", "ول", "فل"})
_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
_LEFT_WORD = re.compile(r"([^\W_]+) $")
_RIGHT_WORD = re.compile(r" ([^\W_]+)")


@dataclass(frozen=True, slots=True)
class Folded:
    """A text, its folded form and the map from folded to original offsets."""

    text: str
    folded: str
    offsets: list[int]

    @classmethod
    def of(cls, text: str) -> Folded:
        folded, offsets = normalize_with_offsets(text)
        return cls(text, _WHITESPACE.sub(" ", folded), offsets)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded ``[start, end)``."""
        return original_span(self.offsets, start, end, len(self.text))


@dataclass(frozen=True, slots=True)
class Hit:
    """An accepted alias occurrence, in original offsets."""

    start: int
    end: int
    info: AliasInfo


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _left_ok(folded: str, start: int, info: AliasInfo) -> bool:
    if start == 0 or not _is_word_char(folded[start - 1]):
        return not info.needs_lam
    if not info.arabic:
        return False
    word_start = start
    while word_start > 0 and _is_word_char(folded[word_start - 1]) and start - word_start < 4:
        word_start -= 1
    if word_start > 0 and _is_word_char(folded[word_start - 1]):
        return False
    prefix = folded[word_start:start]
    return prefix in (_LAM_CLITICS if info.needs_lam else _CLITICS)


def _right_ok(folded: str, end: int) -> bool:
    return end >= len(folded) or not _is_word_char(folded[end])


def _upper_ok(doc: Folded, start: int, info: AliasInfo) -> bool:
    text, offsets = doc.text, doc.offsets
    for offset, length in info.upper:
        for index in range(start + offset, start + offset + length):
            char = text[offsets[index]]
            if char.isalpha() and not char.isupper():
                return False
    return True


def _line_around(text: str, start: int, end: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]


def _in_headline(text: str, start: int, end: int) -> bool:
    """True when the words around ``[start, end)`` are mostly in capitals."""
    before, after = _line_around(text, start, end)
    words = _WORD.findall(before[-60:]) + _WORD.findall(after[:60])
    caps = sum(1 for word in words if len(word) > 1 and word.isupper())
    return len(words) >= 2 and caps * 2 >= len(words)


def _neighbour_words(text: str, start: int, end: int) -> tuple[str, str]:
    before, after = _line_around(text, start, end)
    left = _LEFT_WORD.search(before[-40:])
    right = _RIGHT_WORD.match(after)
    return (left.group(1) if left else "", right.group(1) if right else "")


def _weak_ok(text: str, start: int, end: int) -> bool:
    """A weak alias must be capitalised and not glued to another capitalised word (a person's name)."""
    if text[start].isalpha() and text[start].isascii() and not text[start].isupper():
        return False
    left, right = _neighbour_words(text, start, end)
    return not any(word[:1].isupper() for word in (left, right) if word)


def _accept(doc: Folded, start: int, end: int, info: AliasInfo) -> tuple[int, int] | None:
    folded = doc.folded
    if not (_left_ok(folded, start, info) and _right_ok(folded, end)):
        return None
    if info.upper and not _upper_ok(doc, start, info):
        return None
    o_start, o_end = doc.span(start, end)
    if info.upper and len(info.upper) == 1 and info.upper[0][1] == info.length <= 2:
        if _in_headline(doc.text, o_start, o_end):
            return None
    if info.weak and not _weak_ok(doc.text, o_start, o_end):
        return None
    return o_start, o_end


def scan(doc: Folded, automaton: Any) -> list[Hit]:
    """Every acceptable alias occurrence in ``doc`` (overlapping ones included)."""
    hits: list[Hit] = []
    if not doc.folded or len(automaton) == 0:
        return hits
    for end_index, info in automaton.iter(doc.folded):
        start = end_index + 1 - info.length
        span = _accept(doc, start, end_index + 1, info)
        if span is not None:
            hits.append(Hit(span[0], span[1], info))
    return hits


def longest(spans: list[Any]) -> list[Any]:
    """Non-overlapping items (with ``start``/``end``), longest first then leftmost; in text order."""
    chosen: list[Any] = []
    if any(item.end <= item.start for item in spans):  # empty spans: the plain pairwise test
        taken: list[tuple[int, int]] = []
        for item in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
            if all(item.end <= a or item.start >= b for a, b in taken):
                chosen.append(item)
                taken.append((item.start, item.end))
        return sorted(chosen, key=lambda s: s.start)
    starts: list[int] = []  # the spans taken, in text order: they do not overlap, so their ends
    ends: list[int] = []  # rise with their starts, and only the last one starting before an item can reach it
    for item in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        i = bisect.bisect_left(starts, item.end)
        if i == 0 or ends[i - 1] <= item.start:
            chosen.append(item)
            starts.insert(i, item.start)
            ends.insert(i, item.end)
    return sorted(chosen, key=lambda s: s.start)
