"""The compiled word lists of the events stage.

Everything is read from ``marsad/data/events/*.json`` on first use and kept
in immutable records (one :class:`Lexicon` per language).  Patterns match
*folded* text (:func:`marsad.normalize.arabic.normalize_for_matching`):
lower case, Arabic spelling variants unified.  Arabic patterns are written in
folded spelling and may be preceded by a one-letter prefix (و ف ب ل ك) and the
article ال.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from marsad.events.data import data_json
from marsad.normalize.arabic import normalize_arabic

LANGS = ("en", "ar")
_AR_PREFIX = r"(?<![\w])(?:[وفبلك]{1,2})?(?:ال)?"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger family: its patterns, the sub-type it gives, its rank."""

    name: str
    sub_event_type: str
    rank: int
    tags: str
    requires: str | None
    resolve: str | None
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Verb:
    """An attribution verb: the label kept, the status it gives, where the speaker is."""

    label: str
    pattern: re.Pattern[str]
    status: str
    speaker: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All the patterns of one language."""

    lang: str
    triggers: tuple[Trigger, ...]
    armed_targets: re.Pattern[str]
    civilian_targets: re.Pattern[str]
    target_tags: tuple[tuple[str, re.Pattern[str]], ...]
    modal: re.Pattern[str]
    modal_verbs: tuple[tuple[str, re.Pattern[str]], ...]
    negation: re.Pattern[str]
    no_casualties: re.Pattern[str]
    habitual: re.Pattern[str]
    background: re.Pattern[str]
    legal_frame: re.Pattern[str]  # "found guilty of", "accused of": the crime that follows is past
    dispute: re.Pattern[str]
    verbs: tuple[Verb, ...]
    partisan: re.Pattern[str]
    outlets: re.Pattern[str]
    numbers: Mapping[str, int]
    number_words: re.Pattern[str]
    any_trigger: re.Pattern[str]  # every trigger pattern at once: a cheap first test
    any_verb: re.Pattern[str]  # every attribution verb at once
    any_modal_verb: re.Pattern[str]  # every vow/threat/demand verb at once


def _fold_pattern(pattern: str, lang: str) -> str:
    if lang != "ar":
        return pattern
    folded = normalize_arabic(pattern)
    return folded if folded.startswith("(?<!") else _AR_PREFIX + f"(?:{folded})"


def _union(patterns: list[str], lang: str) -> re.Pattern[str]:
    """One pattern for all ``patterns``.

    Alternatives that open with ``\\b`` share one ``(?<!\\w)`` instead: the
    same matches (they all start with a word character), but Python's engine
    can then skip ahead on their first characters, many times faster.
    """
    parts = [_fold_pattern(p, lang) for p in patterns] or [r"(?!x)x"]
    bounded = [p[2:] for p in parts if p.startswith(r"\b")]
    free = [f"(?:{p})" for p in parts if not p.startswith(r"\b")]
    if bounded:
        free.insert(0, r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in bounded) + ")")
    return re.compile("|".join(free))


def _triggers(raw: list[dict], lang: str) -> tuple[Trigger, ...]:
    return tuple(
        Trigger(
            name=item["name"],
            sub_event_type=item["sub_event_type"],
            rank=int(item["rank"]),
            tags=item.get("tags") or "",
            requires=item.get("requires"),
            resolve=item.get("resolve"),
            pattern=_union(item[lang], lang),
        )
        for item in raw
        if item.get(lang)
    )


def _verbs(raw: list[list[str]], lang: str) -> tuple[Verb, ...]:
    return tuple(Verb(label, _union(p.split("|") if "(" not in p else [p], lang), status, where) for label, p, status, where in raw)


def _labelled(raw: list[list[str]], lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((label, _union([p], lang)) for label, p in raw)


def _outlets(names: list[str]) -> re.Pattern[str]:
    ordered = sorted({normalize_arabic(n).lower() for n in names}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")


def _numbers(raw: Mapping[str, int], lang: str) -> tuple[Mapping[str, int], re.Pattern[str]]:
    table = {normalize_arabic(k): int(v) for k, v in raw.items()}
    ordered = sorted(table, key=len, reverse=True)
    prefix = r"(?<!\w)(?:[وب])?(?:ال)?" if lang == "ar" else r"\b"
    word = re.compile(prefix + "(" + "|".join(re.escape(w) for w in ordered) + r")(?!\w)")
    return MappingProxyType(table), word


@lru_cache(maxsize=4)
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of ``lang`` ("en" or "ar"; anything else reads as English)."""
    lang = lang if lang in LANGS else "en"
    triggers = data_json("triggers.json")
    cues = data_json("cues.json")
    attribution = data_json("attribution.json")
    numbers, number_words = _numbers(data_json("numbers.json")[lang], lang)
    return Lexicon(
        lang=lang,
        triggers=_triggers(triggers["triggers"], lang),
        armed_targets=_union(triggers["targets"]["armed"][lang], lang),
        civilian_targets=_union(triggers["targets"]["civilian"][lang], lang),
        target_tags=_labelled(triggers["target_tags"][lang], lang),
        modal=_union(cues["modal"][lang], lang),
        modal_verbs=_labelled(cues["modal_verbs"][lang], lang),
        negation=_union(cues["negation"][lang], lang),
        no_casualties=_union(cues["no_casualties"][lang], lang),
        habitual=_union(cues["habitual"][lang], lang),
        background=_union(cues["background"][lang], lang),
        legal_frame=_union(cues["legal_frame"][lang], lang),
        dispute=_union(cues["dispute"][lang], lang),
        verbs=_verbs(attribution["verbs"][lang], lang),
        partisan=_union(attribution["partisan"][lang], lang),
        outlets=_outlets(attribution["outlets"]),
        numbers=numbers,
        number_words=number_words,
        any_trigger=_union([p for item in triggers["triggers"] for p in item.get(lang, [])], lang),
        any_verb=_union([v[1] for v in attribution["verbs"][lang]], lang),
        any_modal_verb=_union([v[1] for v in cues["modal_verbs"][lang]], lang),
    )
