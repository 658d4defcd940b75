"""One text as the recogniser sees it: folded, cut into tokens, split into sentences.

Everything about the tokens is kept in columns (plain lists indexed by token
number) built in bulk with C-level helpers (``map``, ``accumulate``,
``bisect``), so the rules in :mod:`marsad.places.recognize` read a token's
facts by index instead of building an object per token.
"""

from __future__ import annotations

import re
from operator import ne

import numpy as np

from marsad.normalize.arabic import normalize_for_matching, normalize_with_offsets, original_span
from marsad.places.aliases import ARABIC_RE, token_columns

# One leading character class (the regex engine scans for it quickly), then the two cases:
# closing punctuation and space before a capital, or a run of newlines.
_SENTENCE_END = re.compile(r"[.!?؟\n](?:(?<=[.!?؟])['\"”’)\]]*\s+(?=['\"“‘(\[]?[A-Z\u0600-\u06ff0-9])|(?<=\n)\n*)")
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z]+)\.$")
_ABBREVS = frozenset("mr mrs ms dr st mt ft gen lt col sgt capt gov sen rep jan feb mar apr jun jul aug sep sept "
                     "oct nov dec no vs u s a e j r inc corp co jr sr prof rev ave blvd".split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (or line) spans of ``text``; abbreviations like "Mr." and "U.S." do not end one."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.group()[0] == ".":
            word = _WORD_BEFORE_DOT.search(text, max(0, match.start() - 12), match.start() + 1)
            if word and (word.group(1).lower() in _ABBREVS or len(word.group(1)) == 1):
                continue
        end = match.start() + 1 if match.group()[0] != "\n" else match.start()
        if end > start and text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


_ASCII = frozenset(map(chr, range(128)))


def fold(text: str) -> tuple[str, list[int], bool]:
    """(folded text, offsets, whether the offsets are the identity and so left empty).

    The same folding as :func:`normalize_with_offsets`; when every character of ``text`` folds to exactly
    one character (ASCII, typographic quotes and dashes, most Arabic letters) the folded text is built
    with ``str.lower`` and a few ``str.replace`` instead of a per-character translation.
    """
    if text.isascii():
        return normalize_for_matching(text), [], True
    folds = {c: normalize_for_matching(c) for c in set(text).difference(_ASCII)}
    if all(len(f) == 1 and c.lower() == c for c, f in folds.items()):
        folded = text.lower().replace("`", "'")
        for c, f in folds.items():
            if f != c:
                folded = folded.replace(c, f)
        return folded, [], True
    folded, offsets = normalize_with_offsets(text)
    identity = len(offsets) == len(text) and offsets == list(range(len(text)))
    return folded, ([] if identity else offsets), identity


def is_arabic_char(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


class Tokens:
    """The tokens of one text, column by column.

    ``keys`` are the folded key forms; ``fs``/``fe`` their span in the folded
    text, ``start``/``end`` in the original; ``heads`` the first original
    character, ``upper`` whether it is upper case; ``sentence`` the sentence
    index and ``first`` whether the token opens its sentence.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self.offsets, self.identity = fold(text)
        self.keys, self.fs, self.fe = token_columns(self.folded)
        if self.identity:
            self.start, self.end = self.fs, self.fe
        else:
            self.start, self.end = self._original_spans()
        self.heads = list(map(text.__getitem__, self.start))
        self.upper = list(map(str.isupper, self.heads))
        self.has_arabic = ARABIC_RE.search(self.folded) is not None
        self.spans = sentence_spans(text)
        self.starts = [s for s, _ in self.spans]
        self.sentence = self._sentences()
        sent = self.sentence
        self.first = [True, *map(ne, sent[1:], sent[:-1])] if sent else []

    def _sentences(self) -> list[int]:
        """The sentence of each token (tokens always lie inside a sentence span)."""
        if not self.starts:
            return [0] * len(self.keys)
        bounds = np.array([-1, *self.starts[1:]])
        return (np.searchsorted(bounds, self.start, side="right") - 1).tolist()

    def _original_spans(self) -> tuple[list[int], list[int]]:
        offsets, size, n = self.offsets, len(self.text), len(self.offsets)
        starts = [offsets[f] for f in self.fs]
        ends = [max(offsets[f - 1] + 1, offsets[f] if f < n else size) for f in self.fe]
        return starts, ends

    def __len__(self) -> int:
        return len(self.keys)

    def orig(self, fs: int, fe: int) -> tuple[int, int]:
        """A folded span mapped back onto the original text."""
        if self.identity:
            return fs, fe
        return original_span(self.offsets, fs, fe, len(self.text))

    def gap(self, i: int, j: int) -> str:
        """The folded text between tokens i and j."""
        return self.folded[self.fe[i]:self.fs[j]]

    def between(self, i: int, j: int) -> str:
        """The original text between tokens i and j."""
        return self.text[self.end[i]:self.start[j]]

    def caps(self, n: int) -> bool:
        """Whether token n is written in capitals ("BAGHDAD", "U.S" but not "A")."""
        word = self.text[self.start[n]:self.end[n]]
        return self.upper[n] and len(word) > 1 and word.upper() == word and any(c.isalpha() for c in word[1:])

    @staticmethod
    def fold_word(word: str) -> str:
        """A word's matching form ("Village" -> "village", "قرية" -> "قريه")."""
        return normalize_for_matching(word)

    def arabic(self, n: int) -> bool:
        return "\u0600" <= self.heads[n] <= "\u06ff"

