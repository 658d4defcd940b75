"""Sentence splitting for English and Arabic news text, offsets kept.

A line break always ends a sentence (page dumps put one paragraph on a line,
titles on their own line).  Inside a line a sentence ends at ``.``, ``!``,
``?``, ``؟`` or ``…`` (with any closing quotes or brackets after it) followed
by white space, unless the word before the full stop is a known abbreviation
("Mr.", "Gen.", "U.S."), a single capital initial, or the next word starts in
lower case (English only: "the U.S. forces").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj sgt capt brig cpl pvt adm cmdr sen rep gov pres st no nos vol "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e vs approx est fig "
    "inc ltd co corp jr sr prof rev hon mt ft".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span in the document text and its paragraph number."""

    start: int
    end: int
    text: str
    paragraph: int


@lru_cache(maxsize=1)
def _end_mark() -> re.Pattern[str]:
    return re.compile(r"[.!?\u061f\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)")


@lru_cache(maxsize=1)
def _word_before() -> re.Pattern[str]:
    return re.compile(r"([\w.]+)$")


def _is_boundary(line: str, mark: re.Match[str]) -> bool:
    """Whether the end mark ``mark`` of ``line`` really ends a sentence."""
    rest = line[mark.end():].lstrip()
    if not rest:
        return True
    if not mark.group().startswith("."):
        return True
    before = _word_before().search(line, max(0, mark.start() - 40), mark.start())
    word = before.group(1).lower().rstrip(".") if before else ""
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isascii()):
        return False
    first = rest[0]
    return not (first.isascii() and first.islower())


def _split_line(line: str) -> list[tuple[int, int]]:
    """Spans of the sentences of one line (relative to the line)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for mark in _end_mark().finditer(line):
        if mark.end() <= start or not _is_boundary(line, mark):
            continue
        spans.append((start, mark.end()))
        start = mark.end()
    spans.append((start, len(line)))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of ``text[start:end]``, with offsets into ``text``.

    Paragraphs are numbered from 0; a blank line or a line break starts a new
    paragraph.
    """
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    paragraph = -1
    position = start
    for line in text[start:end].split("\n"):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            continue
        paragraph += 1
        for rel_start, rel_end in _split_line(line):
            s, e = _trimmed(text, line_start + rel_start, line_start + rel_end)
            if e > s:
                sentences.append(Sentence(s, e, text[s:e], paragraph))
    return sentences
