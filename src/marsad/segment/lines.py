"""Cut a text into trimmed lines and paragraph blocks, keeping offsets.

A *line* is a run of text between line breaks with invisible edges (spaces,
no-break spaces, bidi marks) trimmed off; its ``start``/``end`` are offsets
into the document text.  A *block* is a run of lines with no blank line
between them.  Pages dumped with blank lines between paragraphs are read
block by block; texts that use single line breaks throughout (most HTML
extractions) are read line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Anything that separates lines: \r\n, \n, \r, and the Unicode separators.
_LINE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
# Edge characters: whitespace plus invisible marks and bidi controls.
_EDGES = "\\s\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff"
_CONTENT = re.compile(f"[^{_EDGES}](?:.*[^{_EDGES}])?", re.DOTALL)
_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")

# Share of lines that must stand alone for a text to count as blank-separated.
PARAGRAPH_MODE_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Line:
    """One trimmed, non-empty line: its text and where it sits in the document."""

    start: int
    end: int
    text: str
    block: int  # number of the paragraph block the line belongs to


def split_lines(text: str) -> tuple[Line, ...]:
    """The non-empty lines of ``text``, trimmed, numbered by paragraph block."""
    lines: list[Line] = []
    block = -1
    previous_end = 0
    for match in _LINE.finditer(text):
        content = _CONTENT.search(match.group())
        if content is None:
            continue
        start = match.start() + content.start()
        end = match.start() + content.end()
        if block < 0 or len(_BREAK.findall(text, previous_end, start)) >= 2:
            block += 1
        lines.append(Line(start, end, text[start:end], block))
        previous_end = end
    return tuple(lines)


def uses_blank_lines(lines: tuple[Line, ...]) -> bool:
    """Whether paragraphs are separated by blank lines (most lines stand alone)."""
    if not lines:
        return False
    blocks = lines[-1].block + 1
    return blocks / len(lines) >= PARAGRAPH_MODE_SHARE


def group_blocks(lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], ...]:
    """The lines grouped by paragraph block, in order."""
    groups: list[tuple[Line, ...]] = []
    current: list[Line] = []
    for line in lines:
        if current and line.block != current[-1].block:
            groups.append(tuple(current))
            current = []
        current.append(line)
    if current:
        groups.append(tuple(current))
    return tuple(groups)


def word_count(text: str) -> int:
    return len(text.split())
