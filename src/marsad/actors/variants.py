"""Spelling variants of an alias, in the folded form the matcher searches.

English names come transliterated many ways: "Kata'ib" / "Kataib", "al-Nujaba"
/ "Nujaba" / "al Nujaba", "Mobilisation" / "Mobilization".  Arabic names take
proclitics (و ف ب ل ك) and lose the alef of the article after ل ("للحشد").
:func:`alias_forms` returns every form of one alias with what the matcher must
check for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.normalize.arabic import normalize_for_matching

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_UPPER_TOKEN = re.compile(r"[A-Z][A-Z.]*[A-Z]\.?|[A-Z]\.(?:[A-Z]\.)+")
_SPACES = re.compile(r"\s+")
_SPELLINGS = (
    ("isation", "ization"),
    ("ization", "isation"),
    ("Defence", "Defense"),
    ("Defense", "Defence"),
    ("defence", "defense"),
    ("defense", "defence"),
)


@dataclass(frozen=True, slots=True)
class AliasForm:
    """One searchable form of an alias.

    ``upper`` lists (offset, length) runs of the form that must be upper case
    in the text (acronyms: "IS", "SAA", "US"); ``needs_lam`` marks the Arabic
    form without the article's alef ("لحشد الشعبي"), found only after a ل.
    """

    folded: str
    arabic: bool
    upper: tuple[tuple[int, int], ...] = ()
    needs_lam: bool = False


def is_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def english_spellings(alias: str) -> set[str]:
    """``alias`` and its transliteration variants (still in original case)."""
    forms = {_SPACES.sub(" ", alias.strip())}
    for _ in range(3):
        grown = set(forms)
        for form in forms:
            grown.add(form.replace("'", "").replace("\u2019", ""))
            grown.add(form.replace("-", " "))
            if re.match(r"(?i)al[- ]", form) and len(form) > 6:
                grown.add(form[3:])
            for old, new in _SPELLINGS:
                grown.add(form.replace(old, new))
        if grown == forms:
            break
        forms = grown
    return {form for form in forms if form.strip()}


def upper_runs(form: str) -> tuple[tuple[int, int], ...]:
    """The acronyms of ``form`` (two or more capitals) as (offset, length)."""
    if not form.isascii():
        return ()
    return tuple((m.start(), m.end() - m.start()) for m in _UPPER_TOKEN.finditer(form)
                 if sum(c.isupper() for c in m.group()) >= 2)


def _fold(text: str) -> str:
    return _SPACES.sub(" ", normalize_for_matching(text)).strip()


def _light_spellings(alias: str) -> set[str]:
    """The cheap variants only: apostrophes dropped, hyphens as spaces."""
    return {alias, alias.replace("'", ""), alias.replace("-", " ")}


def alias_forms(alias: str, *, spellings: bool = True) -> list[AliasForm]:
    """Every searchable form of ``alias`` (English variants or Arabic clitic forms);
    ``spellings=False`` keeps to the cheap English variants (for generated phrases)."""
    if is_arabic(alias):
        folded = _fold(alias)
        forms = [AliasForm(folded, True)]
        if folded.startswith("ال") and len(folded) > 3:
            forms.append(AliasForm(folded[1:], True, needs_lam=True))
        return forms
    forms = english_spellings(alias) if spellings else _light_spellings(alias)
    return [AliasForm(_fold(form), False, upper_runs(form)) for form in sorted(forms)]
