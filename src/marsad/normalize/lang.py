"""Language of an article and of its paragraphs.

Counting letters by script settles almost every page of this corpus without a
model: Arabic script -> "ar" (or "fa"/"ku" when letters only Persian or
Kurdish use are frequent), Latin script -> "en" when English function words
are common, both scripts in quantity -> "mixed".  Only Latin text that does
not read as English goes to lingua, restricted to the languages the outlets
publish in; the lingua detector is built once per :class:`LanguageDetector`,
on first need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

UNDETERMINED = "und"
MIXED = "mixed"
MIN_LETTERS = 20  # fewer letters than this: "und"
MIXED_MIN_LETTERS = 40  # each script needs this many letters for "mixed" ...
MIXED_MIN_SHARE = 0.2  # ... and this share of all letters
PERSIAN_MIN_SHARE = 0.02  # share of Persian-only letters among Arabic-script ones
KURDISH_MIN_SHARE = 0.02
ENGLISH_MIN_SHARE = 0.12  # share of English function words among Latin words
LINGUA_SAMPLE = 2000  # characters of Latin text handed to lingua
ENGLISH_SAMPLE = 1200  # characters read for English function words
LINGUA_LANGUAGES = (
    "ENGLISH", "ARABIC", "FRENCH", "SPANISH", "GERMAN", "TURKISH", "PERSIAN", "KURDISH", "RUSSIAN",
)

_ENGLISH_WORDS = frozenset(
    "the of and to in a is was for on that with by as at from said has have had "
    "be been are were it its an this which who not but or their they he his".split()
)
_PUNCTUATION = ".,;:!?\"'()[]“”‘’«»-—–"
_PERSIAN_LETTERS = "پچژگکی"
_KURDISH_LETTERS = "ەۆێڕڵڤ"


@dataclass(frozen=True, slots=True)
class ScriptCounts:
    """Letters of a text by script."""

    arabic: int
    latin: int
    cyrillic: int

    @property
    def total(self) -> int:
        return self.arabic + self.latin + self.cyrillic


@lru_cache(maxsize=1)
def _lead_bytes() -> dict[str, bytes]:
    """UTF-8 bytes that start (or are) a letter of each script.

    Counting bytes is far faster than matching character classes: every
    character of U+0600-U+06FF starts with a byte 0xD8-0xDB, U+0400-U+04FF
    with 0xD0-0xD3, and Latin letters past ASCII (U+00C0-U+024F) with
    0xC3-0xC9.  Arabic digits and punctuation are counted as letters; they
    are few next to the letters of any real text.
    """
    ascii_letters = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
    return {
        "arabic": bytes(range(0xD8, 0xDC)),
        "latin": ascii_letters + bytes(range(0xC3, 0xCA)),
        "cyrillic": bytes(range(0xD0, 0xD4)),
    }


def count_scripts(text: str) -> ScriptCounts:
    """How many Arabic-script, Latin and Cyrillic letters ``text`` holds."""
    data = text.encode("utf-8", "replace")
    size = len(data)
    counts = {name: size - len(data.translate(None, lead)) for name, lead in _lead_bytes().items()}
    return ScriptCounts(**counts)


def _arabic_script_language(text: str, arabic_letters: int) -> str:
    """"ar", or "fa"/"ku" when their own letters are frequent enough."""
    kurdish = sum(text.count(letter) for letter in _KURDISH_LETTERS)
    if kurdish >= KURDISH_MIN_SHARE * arabic_letters:
        return "ku"
    persian = sum(text.count(letter) for letter in _PERSIAN_LETTERS)
    if persian >= PERSIAN_MIN_SHARE * arabic_letters:
        return "fa"
    return "ar"


def english_share(text: str) -> float:
    """Share of English function words among the words of ``text``'s start."""
    words = text[:ENGLISH_SAMPLE].lower().split()
    if not words:
        return 0.0
    return sum(word.strip(_PUNCTUATION) in _ENGLISH_WORDS for word in words) / len(words)


class LanguageDetector:
    """Detects languages; holds the lingua model, built on first need."""

    def __init__(self, languages: Sequence[str] = LINGUA_LANGUAGES) -> None:
        self._language_names = tuple(languages)
        self._lingua: Any = None

    def _model(self) -> Any:
        if self._lingua is None:
            from lingua import Language, LanguageDetectorBuilder  # heavy, so lazy

            chosen = [getattr(Language, name) for name in self._language_names if hasattr(Language, name)]
            builder = LanguageDetectorBuilder.from_languages(*chosen)
            self._lingua = builder.with_minimum_relative_distance(0.1).build()
        return self._lingua

    def _latin_language(self, text: str) -> str:
        """English by function words, else lingua's answer when it is sure."""
        share = english_share(text)
        if share >= ENGLISH_MIN_SHARE:
            return "en"
        latin = " ".join(_latin_run().findall(text[: 4 * LINGUA_SAMPLE]))[:LINGUA_SAMPLE]
        found = self._model().detect_language_of(latin)
        if found is not None:
            return str(found.iso_code_639_1.name).lower()
        return "en" if share > 0 else UNDETERMINED

    def detect(self, text: str) -> str:
        """"ar", "en", "mixed", another ISO 639-1 code, or "und" (too little text)."""
        counts = count_scripts(text)
        total = counts.total
        if total < MIN_LETTERS:
            return UNDETERMINED
        if _is_mixed(counts):
            return MIXED
        if counts.arabic >= max(counts.latin, counts.cyrillic):
            return _arabic_script_language(text, counts.arabic)
        if counts.cyrillic > counts.latin:
            return "ru"
        return self._latin_language(text)

    def paragraphs(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, language) of each paragraph; paragraphs are separated
        by blank lines and their spans exclude surrounding whitespace."""
        spans = []
        for match in _paragraph().finditer(text):
            spans.append((match.start(), match.end(), self.detect(match.group())))
        return spans


def _is_mixed(counts: ScriptCounts) -> bool:
    arabic, latin, total = counts.arabic, counts.latin, counts.total
    return (
        min(arabic, latin) >= MIXED_MIN_LETTERS
        and arabic >= MIXED_MIN_SHARE * total
        and latin >= MIXED_MIN_SHARE * total
    )


@lru_cache(maxsize=1)
def _latin_run() -> re.Pattern[str]:
    return re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+(?:['’][A-Za-z]+)?")


@lru_cache(maxsize=1)
def _paragraph() -> re.Pattern[str]:
    # A paragraph: non-blank lines, none of them empty, trimmed at both ends.
    return re.compile(r"\S(?:[^\n]|\n(?![ \t\r\f\v]*\n))*\S|\S")


@lru_cache(maxsize=1)
def default_detector() -> LanguageDetector:
    """A shared detector, so lingua is loaded at most once per process."""
    return LanguageDetector()


def detect_language(text: str) -> str:
    """Language of ``text`` with the shared :func:`default_detector`."""
    return default_detector().detect(text)
