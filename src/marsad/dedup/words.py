"""The folded words of many texts at once, hashed in numpy.

A text is folded with :func:`marsad.normalize.arabic.normalize_for_matching`
(Arabic letter variants, case, marks; Arabic-Indic digits become ASCII) and
every run of non-word characters other than a newline becomes one space, so
its words are exactly the ``\\w+`` runs of the folded text and its lines stay
where they were.  The texts of a batch are joined with newlines and encoded
once; from then on numpy does the work, with no Python object per word:

* a word's hash is ``sum(byte_i * R[i mod 256])`` (mod 2**64, ``R`` fixed odd
  64-bit multipliers), mixed with its length through the splitmix64
  finaliser -- a hash of the word's UTF-8 bytes that is the same in every
  process, whatever ``PYTHONHASHSEED`` says;
* each word knows its text, its line (paragraph) and whether it is all
  digits or starts with an Arabic letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import numpy as np

_NONWORD = re.compile(r"[^\w\n]+")
_NONWORD_WIDE = re.compile(r"[^\w\x00-\x7f]+")
# Bytes of an ASCII non-word character (other than the newline) become a space.
_ASCII_GAPS = bytes(c if (chr(c).isalnum() or c in (10, 95) or c >= 128) else 32 for c in range(256))
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB
GOLDEN = 0x9E3779B97F4A7C15
MASK = 0xFFFFFFFFFFFFFFFF


@dataclass(frozen=True, slots=True)
class Words:
    """Every word of a batch of texts, in order; arrays have one entry per word.

    ``line_base[i]`` is the global number of text ``i``'s first line
    (``line_base[-1]`` the number of lines); line ``j`` of text ``i`` is
    global line ``line_base[i] + j``, lines counted on newlines.
    """

    hashes: "np.ndarray"
    text_of: "np.ndarray"
    line_of: "np.ndarray"
    digits: "np.ndarray"
    arabic: "np.ndarray"
    line_base: "np.ndarray"

    def per_text(self) -> "np.ndarray":
        """How many words each text has."""
        import numpy as np

        return np.bincount(self.text_of, minlength=len(self.line_base) - 1)

    def per_line(self) -> "np.ndarray":
        """How many words each global line has."""
        import numpy as np

        return np.bincount(self.line_of, minlength=int(self.line_base[-1]))


def fold(text: str) -> str:
    """``text`` folded for matching, non-word runs (newlines kept) turned into single spaces."""
    from marsad.normalize.arabic import normalize_for_matching

    return _NONWORD.sub(" ", normalize_for_matching(text))


def mix64(values: "np.ndarray") -> "np.ndarray":
    """The splitmix64 finaliser over a ``uint64`` array (wrapping arithmetic)."""
    import numpy as np

    x = values.astype(np.uint64, copy=True)
    x ^= x >> np.uint64(30)
    x *= np.uint64(_MIX1)
    x ^= x >> np.uint64(27)
    x *= np.uint64(_MIX2)
    x ^= x >> np.uint64(31)
    return x


@lru_cache(maxsize=1)
def _multipliers() -> "np.ndarray":
    """256 odd 64-bit multipliers, one per byte position (mod 256) in a word."""
    import numpy as np

    values = mix64(np.arange(1, 257, dtype=np.uint64) * np.uint64(GOLDEN)) | np.uint64(1)
    values.setflags(write=False)
    return values


def folded_bytes(texts: Sequence[str]) -> bytes:
    """The texts folded, joined by newlines and encoded, every non-word character a space.

    The same words as :func:`fold`, without a regular expression over ASCII text.
    """
    from marsad.normalize.arabic import normalize_for_matching

    parts = []
    for text in texts:
        folded = normalize_for_matching(text)
        parts.append(folded if folded.isascii() else _NONWORD_WIDE.sub(" ", folded))
    return "\n".join(parts).encode("utf-8").translate(_ASCII_GAPS)


def words_of(texts: Sequence[str]) -> Words:
    """The :class:`Words` of ``texts``."""
    import numpy as np

    line_base = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([t.count("\n") + 1 for t in texts], out=line_base[1:])
    data = np.frombuffer(folded_bytes(texts), dtype=np.uint8)
    gap = (data == 32) | (data == 10)
    step = np.diff(gap.view(np.int8))  # -1 where a word begins, 1 where one ends
    starts = np.flatnonzero(step == -1) + 1
    ends = np.flatnonzero(step == 1) + 1
    if len(data) and not gap[0]:
        starts = np.concatenate(([0], starts))
    if len(data) and not gap[-1]:
        ends = np.append(ends, len(data))
    lengths = ends - starts  # each word is the bytes [start, end)
    at = np.cumsum(lengths) - lengths  # where each word begins among the word bytes
    inside = np.flatnonzero(~gap)
    offset = (inside - np.repeat(starts, lengths)) & 255
    byte = data[inside]
    if len(starts):
        sums = np.add.reduceat(byte.astype(np.uint64) * _multipliers()[offset], at)
        digits = np.logical_and.reduceat((byte >= 48) & (byte <= 57), at)
    else:
        sums, digits = np.empty(0, np.uint64), np.empty(0, bool)
    hashes = mix64(sums ^ (lengths.astype(np.uint64) * np.uint64(GOLDEN)))
    line_of = np.searchsorted(np.flatnonzero(data == 10), starts)
    text_of = np.searchsorted(line_base, line_of, side="right") - 1
    lead = data[starts]
    arabic = (lead >= 0xD8) & (lead <= 0xDB)
    return Words(hashes, text_of.astype(np.int64), line_of.astype(np.int64), digits, arabic, line_base)


def segment_shingles(hashes: "np.ndarray", segment: "np.ndarray", k: int) -> tuple["np.ndarray", "np.ndarray"]:
    """Hashes of the word ``k``-shingles that stay within one segment, and each one's segment.

    A segment (a text, a line) of fewer than ``k`` words gives one shingle of
    all its words; repeats are kept.  ``segment`` must be non-decreasing.
    """
    import numpy as np

    n = len(hashes)
    if n == 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    width = min(k, n)
    combined = _chain(hashes, width)
    whole = segment[: n - width + 1] == segment[width - 1 :]
    found, owners = [combined[whole]], [segment[: n - width + 1][whole]]
    bounds = np.flatnonzero(np.diff(segment)) + 1
    seg_start = np.concatenate(([0], bounds))
    seg_len = np.diff(np.append(seg_start, n))
    for start, length in zip(seg_start[seg_len < width].tolist(), seg_len[seg_len < width].tolist()):
        found.append(_chain(hashes[start : start + length], length))
        owners.append(segment[start : start + 1])
    if len(found) == 1:
        return found[0], owners[0]
    shingles, segs = np.concatenate(found), np.concatenate(owners)
    order = np.argsort(segs, kind="stable")
    return shingles[order], segs[order]


def _chain(hashes: "np.ndarray", width: int) -> "np.ndarray":
    """For each window of ``width`` words, the splitmix64 chain over their hashes."""
    import numpy as np

    n = len(hashes)
    combined = np.zeros(n - width + 1, dtype=np.uint64)
    for offset in range(width):
        shifted = hashes[offset : n - width + 1 + offset] + np.uint64((offset * GOLDEN) & MASK)
        combined = mix64(combined ^ shifted)
    return combined
