"""The compiled word lists of the events stage.

Everything is read from ``marsad/data/events/*.json`` on first use and kept
in immutable records (one :class:`Lexicon` per language).  Patterns match
*folded* text (:func:`marsad.normalize.arabic.normalize_for_matching`):
lower case, Arabic spelling variants unified.  Arabic patterns are written in
folded spelling and may be preceded by a one-letter prefix (و ف ب ل ك) and the
article ال.

The word lists a sentence is searched with as a whole (cues, targets, every
trigger at once …) are :class:`Alternatives`: they match exactly as the
alternation of their patterns would, but try only the patterns whose words
occur in the text, found for all lists of a language in one Aho–Corasick pass.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Iterator, Mapping, Sequence

import ahocorasick

from marsad.events.data import data_json
from marsad.normalize.arabic import normalize_arabic

try:  # the parser behind re.compile: reads the words a pattern cannot match without
    from re import _parser as _sre_parse  # Python >= 3.11
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse as _sre_parse  # type: ignore[no-redef]

LANGS = ("en", "ar")
_AR_WORD_START = r"(?<![\w])"
_AR_AFFIXES = r"(?:[وفبلك]{1,2})?(?:ال)?"
_AR_PREFIX = _AR_WORD_START + _AR_AFFIXES


_END = sys.maxsize
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def _needs(items: Sequence[tuple]) -> frozenset[str] | None:
    """Strings one of which every match of the parsed ``items`` contains, or None.

    Runs of literal characters are such strings; a group or a repeat taken at
    least once passes on its own; a branch needs one of its alternatives'.
    Of several, the set whose shortest string is longest is kept (the most
    selective).  Anything else (classes, assertions, optional parts) is
    skipped: the result is a necessary condition, never more.
    """
    best: frozenset[str] | None = None
    run: list[str] = []

    def keep(found: frozenset[str] | None) -> None:
        nonlocal best
        if not found:
            return
        rank = (min(map(len, found)), -len(found))
        if best is None or rank > (min(map(len, best)), -len(best)):
            best = found

    for op, av in items:
        name = getattr(op, "name", str(op))
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if run:
            keep(frozenset({"".join(run)}))
            run = []
        if name == "SUBPATTERN":
            _group, add_flags, _del_flags, sub = av
            keep(None if add_flags & (re.IGNORECASE | re.LOCALE) else _needs(list(sub)))
        elif name == "ATOMIC_GROUP":
            keep(_needs(list(av)))
        elif name in _REPEATS:
            low, _high, sub = av
            keep(_needs(list(sub)) if low >= 1 else None)
        elif name == "BRANCH":
            options = [_needs(list(branch)) for branch in av[1]]
            keep(None if any(o is None for o in options) else frozenset().union(*options))  # type: ignore[arg-type]
        elif name == "IN" and av and all(getattr(o, "name", "") == "LITERAL" for o, _ in av):
            keep(frozenset(chr(v) for _, v in av))
    if run:
        keep(frozenset({"".join(run)}))
    return best


def _pattern_needs(source: str) -> frozenset[str] | None:
    """Strings one of which every match of the pattern ``source`` contains (None: not known)."""
    try:
        parsed = _sre_parse.parse(source)
    except Exception:  # noqa: BLE001 - re.compile reports it
        return None
    return None if parsed.state.flags & (re.IGNORECASE | re.LOCALE) else _needs(list(parsed))


def _analyse(source: str) -> tuple[frozenset[str] | None, bool]:
    """(the strings every match of ``source`` contains, whether it can stand alone): a pattern
    that may match the empty string, has groups or case-insensitive parts cannot."""
    try:
        parsed = _sre_parse.parse(source)
    except Exception:  # noqa: BLE001 - re.compile reports it
        return None, False
    alone = parsed.state.groups == 1 and parsed.getwidth()[0] > 0 and not parsed.state.flags & (re.IGNORECASE | re.LOCALE)
    return (_needs(list(parsed)) if alone else None), alone


class Words:
    """The strings the :class:`Alternatives` of one lexicon need, looked for in a text in one pass.

    For a text, :meth:`chosen` tells each list which of its alternatives may
    match there.  The answers for the last :data:`REMEMBERED` texts are kept:
    a sentence is searched with many lists, at several moments.
    """

    REMEMBERED = 1024

    __slots__ = ("_postings", "_lists", "_automaton", "_chosen")

    def __init__(self) -> None:
        self._postings: dict[str, list[tuple[int, int]]] = {}  # string -> (list, alternative) needing it
        self._lists = 0
        self._automaton: ahocorasick.Automaton | None = None
        self._chosen: dict[str, dict[int, tuple[int, ...]]] = {}

    def register(self, needs: Sequence[frozenset[str]]) -> int:
        """Number a list whose alternative ``i`` needs one of ``needs[i]``."""
        key = self._lists
        self._lists += 1
        for index, strings in enumerate(needs):
            for string in strings:
                self._postings.setdefault(string, []).append((key, index))
        self._automaton = None
        self._chosen = {}
        return key

    def chosen(self, text: str) -> dict[int, tuple[int, ...]]:
        """List number -> the alternatives (in order) whose strings occur in ``text``; lists
        with none are left out."""
        known = self._chosen.get(text)
        if known is not None:
            return known
        automaton = self._automaton
        if automaton is None:
            automaton = ahocorasick.Automaton()
            for string, postings in self._postings.items():
                automaton.add_word(string, tuple(postings))
            automaton.make_automaton()
            self._automaton = automaton
        found: dict[int, set[int]] = {}
        if len(automaton):
            for postings in {id(v): v for _, v in automaton.iter(text)}.values():
                for key, index in postings:
                    if key in found:
                        found[key].add(index)
                    else:
                        found[key] = {index}
        chosen = {key: tuple(sorted(indices)) if len(indices) > 1 else tuple(indices) for key, indices in found.items()}
        if len(self._chosen) >= self.REMEMBERED:
            self._chosen.clear()
        self._chosen[text] = chosen
        return chosen


class Alternatives:
    """The ordered alternation ``a1|a2|…`` of some patterns, searched as fast as their words allow.

    ``search``, ``match`` and ``finditer`` give the very matches (spans, text)
    the compiled alternation would: at the leftmost position where any
    alternative matches, the first of them in order.  Alternatives whose
    needed strings (:func:`_needs`) are all absent from the text are not
    tried; each of the others is tried as its own compiled pattern.
    When an alternative cannot stand alone (it may match the empty string, has
    groups, or needs no string this module can name), the whole alternation is
    one compiled pattern, as before.  Matches come from the alternatives' own
    patterns: use their spans and ``group()``, not numbered groups.
    """

    __slots__ = ("source", "_alternatives", "_words", "_key", "_compiled", "_whole", "_alone")

    def __init__(self, source: str, alternatives: Sequence[str], words: Words) -> None:
        self.source = source
        self._alternatives = tuple(alternatives)
        self._words = words
        self._whole: re.Pattern[str] | None = None
        analysed = [_analyse(a) for a in self._alternatives]
        self._alone = bool(analysed) and all(alone and needs for needs, alone in analysed)
        self._key = words.register([needs for needs, _ in analysed]) if self._alone else -1  # type: ignore[misc]
        self._compiled = tuple(re.compile(a) for a in self._alternatives) if self._alone else ()
        if not self._alone:
            self.whole  # noqa: B018 - compiled now, like the rest of the lexicon

    @property
    def pattern(self) -> str:
        return self.source

    @property
    def whole(self) -> re.Pattern[str]:
        """The alternation compiled as one pattern."""
        if self._whole is None:
            self._whole = re.compile(self.source)
        return self._whole

    def _candidates(self, text: str) -> list[re.Pattern[str]]:
        chosen = self._words._chosen.get(text)  # noqa: SLF001 - the common case, without a call
        indices = (self._words.chosen(text) if chosen is None else chosen).get(self._key)
        if indices is None:
            return []
        compiled = self._compiled
        return [compiled[i] for i in indices]

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        if not self._alone:
            return self.whole.search(text, pos, endpos)
        best = None
        for pattern in self._candidates(text):
            found = pattern.search(text, pos, endpos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
                if best.start() == pos:
                    break
        return best

    def match(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        if not self._alone:
            return self.whole.match(text, pos, endpos)
        for pattern in self._candidates(text):
            found = pattern.match(text, pos, endpos)
            if found is not None:
                return found
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        if not self._alone:
            return self.whole.finditer(text, pos, endpos)
        candidates = self._candidates(text)
        if len(candidates) == 1:  # the alternation of one pattern is that pattern
            return candidates[0].finditer(text, pos, endpos)
        return _successive(candidates, text, pos, endpos)

    def __repr__(self) -> str:
        return f"Alternatives({len(self._alternatives)} patterns)"


def _successive(patterns: Sequence[re.Pattern[str]], text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """The alternation's non-overlapping matches, each search starting where the last match ended
    (no alternative matches the empty string).  A pattern's next match is kept while it starts at
    or after the position searched from: searching again would find it again."""
    if not patterns:
        return
    ahead: list[re.Match[str] | None] = [p.search(text, pos, endpos) for p in patterns]
    while True:
        best = None
        for index, found in enumerate(ahead):
            if found is not None and found.start() < pos:
                found = ahead[index] = patterns[index].search(text, pos, endpos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        if best is None:
            return
        yield best
        pos = best.end()


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
    key: int = -1  # its number in the lexicon's Words (-1: it may match any text)
    not_as_cause: bool = False  # it does not count where it names the cause ("arrested for …")


@dataclass(frozen=True, slots=True)
class Verb:
    """An attribution verb: the label kept, the status it gives, where the speaker is."""

    label: str
    pattern: re.Pattern[str]
    status: str
    speaker: str
    key: int = -1  # its number in the lexicon's Words (-1: it may match any text)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All the patterns of one language."""

    lang: str
    triggers: tuple[Trigger, ...]
    armed_targets: Alternatives
    civilian_targets: Alternatives
    target_tags: tuple[tuple[str, Alternatives], ...]
    modal: Alternatives
    modal_verbs: tuple[tuple[str, Alternatives], ...]
    negation: Alternatives
    no_casualties: Alternatives
    habitual: Alternatives
    background: Alternatives
    recalled: Alternatives  # "a year after", "the anniversary of", ذكرى: the event named next is history
    legal_frame: Alternatives  # "found guilty of", "accused of": the crime that follows is past
    reaction_frame: Alternatives  # "called for the release of", "condemned": a date before it dates the reaction
    dispute: Alternatives
    verbs: tuple[Verb, ...]
    partisan: Alternatives
    official: Alternatives
    outlets: Alternatives
    numbers: Mapping[str, int]
    number_words: re.Pattern[str]
    any_trigger: Alternatives  # every trigger pattern at once: a cheap first test
    any_verb: Alternatives  # every attribution verb at once
    any_modal_verb: Alternatives  # every vow/threat/demand verb at once
    words: Words  # the strings all of the above need, looked for in one pass (Words.chosen)


def _fold_pattern(pattern: str, lang: str) -> str:
    if lang != "ar":
        return pattern
    folded = normalize_arabic(pattern)
    return folded if folded.startswith("(?<!") else _AR_PREFIX + f"(?:{folded})"


def _alternatives(patterns: list[str], lang: str, words: Words) -> Alternatives:
    """``patterns`` as :class:`Alternatives`: the matches of :func:`_union`, found faster."""
    source, alternatives = _union_source(patterns, lang)
    return Alternatives(source, alternatives, words)


def _union_source(patterns: list[str], lang: str) -> tuple[str, list[str]]:
    """One pattern for all ``patterns``, and its alternatives in order, each standing alone.

    Alternatives that open with ``\\b`` share one ``(?<!\\w)`` instead: the
    same matches (they all start with a word character), but Python's engine
    can then skip ahead on their first characters, many times faster.  Arabic
    alternatives that open with the word-start look-behind of
    :data:`_AR_PREFIX` share one too, run by run in their order (a zero-width
    test common to every alternative of a run can be taken out of it: the same
    matches), so the engine tests it once per position instead of once per
    alternative.
    """
    folded = [(p, _fold_pattern(p, lang)) for p in patterns]
    parts = [f for _, f in folded] or [r"(?!x)x"]
    bounded = [p[2:] for p in parts if p.startswith(r"\b")]
    alone = [r"(?<!\w)(?:" + f"(?:{p})" + ")" for p in bounded]
    free: list[str] = []
    run: list[str] = []  # Arabic alternatives given _AR_PREFIX here, without its look-behind
    for raw, part in folded:
        if part.startswith(r"\b"):
            continue
        if lang == "ar" and part == _AR_PREFIX + f"(?:{normalize_arabic(raw)})":
            run.append(f"(?:{part[len(_AR_WORD_START):]})")
            alone.append(part)
            continue
        if run:
            free.append(_AR_WORD_START + "(?:" + "|".join(run) + ")")
            run = []
        free.append(f"(?:{part})")
        alone.append(f"(?:{part})")
    if run:
        free.append(_AR_WORD_START + "(?:" + "|".join(run) + ")")
    if not patterns:
        free = [r"(?:(?!x)x)"]
        alone = [r"(?!x)x"]
    if bounded:
        free.insert(0, r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in bounded) + ")")
    return "|".join(free), alone


def _key(source: str, words: Words) -> int:
    """``source``'s number in ``words`` (-1 when the strings it needs are not known)."""
    needs = _pattern_needs(source)
    return words.register([needs]) if needs else -1


def _triggers(raw: list[dict], lang: str, words: Words) -> tuple[Trigger, ...]:
    found = []
    for item in raw:
        if not item.get(lang):
            continue
        source = _union_source(item[lang], lang)[0]
        found.append(Trigger(
            name=item["name"],
            sub_event_type=item["sub_event_type"],
            rank=int(item["rank"]),
            tags=item.get("tags") or "",
            requires=item.get("requires"),
            resolve=item.get("resolve"),
            pattern=re.compile(source),
            key=_key(source, words),
            not_as_cause=bool(item.get("not_as_cause")),
        ))
    return tuple(found)


def _verbs(raw: list[list[str]], lang: str, words: Words) -> tuple[Verb, ...]:
    found = []
    for label, p, status, where in raw:
        source = _union_source(p.split("|") if "(" not in p else [p], lang)[0]
        found.append(Verb(label, re.compile(source), status, where, _key(source, words)))
    return tuple(found)


def _labelled(raw: list[list[str]], lang: str, words: Words) -> tuple[tuple[str, Alternatives], ...]:
    return tuple((label, _alternatives([p], lang, words)) for label, p in raw)


def _outlets(names: list[str], words: Words) -> Alternatives:
    """Outlet names, longest first, as whole words.  ``(?<!\\w)(?:a|b)(?!\\w)`` tries ``a`` then
    ``b`` with both tests around each: the alternation of ``(?<!\\w)a(?!\\w)`` and ``(?<!\\w)b(?!\\w)``."""
    ordered = sorted({normalize_arabic(n).lower() for n in names}, key=len, reverse=True)
    source = r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)"
    return Alternatives(source, [r"(?<!\w)" + re.escape(n) + r"(?!\w)" for n in ordered], words)


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
    words = Words()
    return Lexicon(
        lang=lang,
        triggers=_triggers(triggers["triggers"], lang, words),
        armed_targets=_alternatives(triggers["targets"]["armed"][lang], lang, words),
        civilian_targets=_alternatives(triggers["targets"]["civilian"][lang], lang, words),
        target_tags=_labelled(triggers["target_tags"][lang], lang, words),
        modal=_alternatives(cues["modal"][lang], lang, words),
        modal_verbs=_labelled(cues["modal_verbs"][lang], lang, words),
        negation=_alternatives(cues["negation"][lang], lang, words),
        no_casualties=_alternatives(cues["no_casualties"][lang], lang, words),
        habitual=_alternatives(cues["habitual"][lang], lang, words),
        background=_alternatives(cues["background"][lang], lang, words),
        recalled=_alternatives(cues["recalled"][lang], lang, words),
        legal_frame=_alternatives(cues["legal_frame"][lang], lang, words),
        reaction_frame=_alternatives(cues["reaction_frame"][lang], lang, words),
        dispute=_alternatives(cues["dispute"][lang], lang, words),
        verbs=_verbs(attribution["verbs"][lang], lang, words),
        partisan=_alternatives(attribution["partisan"][lang], lang, words),
        official=_alternatives(attribution["official"][lang], lang, words),
        outlets=_outlets(attribution["outlets"], words),
        numbers=numbers,
        number_words=number_words,
        any_trigger=_alternatives([p for item in triggers["triggers"] for p in item.get(lang, [])], lang, words),
        any_verb=_alternatives([v[1] for v in attribution["verbs"][lang]], lang, words),
        any_modal_verb=_alternatives([v[1] for v in cues["modal_verbs"][lang]], lang, words),
        words=words,
    )
