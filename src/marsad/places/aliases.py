"""Name keys and spelling variants shared by the gazetteer and the recogniser.

A *key* is a name folded with :func:`marsad.normalize.arabic.normalize_for_matching`
and cut into word tokens joined by single spaces: hyphens, dots and commas
separate tokens, apostrophes inside a word are dropped ("Ma'arat" ->
``maarat``) and a possessive "'s" is cut off ("Baghdad's" -> ``baghdad``).
The recogniser tokenises article text the same way, so "Deir ez-Zor",
"Deir Ez Zor" and "deir-ez-zor" all give ``deir ez zor``.

Variants are generated on the name side (the gazetteer), never by guessing
in the text: Arabic-article forms of transliterated names ("al-Qaim",
"Qaim", "alqaim", "ez-Zor"/"Ezzor"), common romanisation endings
("Yusufiyah"/"Yusufiya"), Saint/St and Mount/Mt, admin-unit phrases
("Anbar province", "محافظة الأنبار"), and Arabic demonym inflections.
"""

from __future__ import annotations

import re
from itertools import accumulate, product

from marsad.normalize.arabic import normalize_for_matching

TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_SPLIT_RE = re.compile(r"([^\W_]+)")  # words; an apostrophe between two joins them (see token_columns)
ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
LATIN_NAME_RE = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff' .\-‘’`]+$")
ARABIC_NAME_RE = re.compile(r"^[\u0600-\u06ff \-]+$")

# Transliterated Arabic articles (assimilated forms included).
ARTICLES = frozenset(
    "al el ad ar as ash at ath az adh an ed er es ez en et ul il az-".split()
)
_ENDINGS = (("iyah", ("iya", "iyya", "iyeh")), ("iya", ("iyah", "iyya")), ("ah", ("a",)), ("eh", ("a", "ah")))
_PREFIX_SWAPS = {"saint": "st", "st": "saint", "mount": "mt", "mt": "mount", "fort": "ft", "ft": "fort"}
_CONTRACTIONS = frozenset({"s", "ve", "re", "ll", "d", "t", "m"})
_CLITIC1 = "وف"  # conjunctions
_CLITIC2 = "بلك"  # prepositions
ADMIN_WORDS_EN = ("province", "governorate", "region", "state")
ADMIN_WORDS_AR = ("محافظه", "ولايه", "اقليم")
ADMIN2_WORDS_EN = ("district", "county", "qada")
ADMIN2_WORDS_AR = ("قضاء", "ناحيه", "منطقه")


def _join_apostrophes(parts: list[str], keys: list[str], starts: list[int], ends: list[int]) -> None:
    """Join tokens split at an inner apostrophe, in place: "ma'arat" -> ``maarat``, "baghdad's" -> ``baghdad``
    (a contraction after the last apostrophe is cut off, the others dropped)."""
    joins = [k for k, sep in enumerate(parts[2:-1:2]) if sep == "'"]  # token k and k + 1 are one word
    chains: list[list[int]] = []
    for k in joins:
        if chains and chains[-1][-1] == k:
            chains[-1].append(k + 1)
        else:
            chains.append([k, k + 1])
    for chain in reversed(chains):
        a, b = chain[0], chain[-1]
        if keys[b] in _CONTRACTIONS:
            keys[a], ends[a] = "".join(keys[a:b]), ends[b - 1]
        else:
            keys[a], ends[a] = "".join(keys[a:b + 1]), ends[b]
        del keys[a + 1:b + 1], starts[a + 1:b + 1], ends[a + 1:b + 1]


def token_columns(folded: str) -> tuple[list[str], list[int], list[int]]:
    """Tokens of already-folded text as three lists: key forms, starts and ends in that text.

    One C-level split and a running sum of lengths, rather than a match object per token.
    """
    parts = _SPLIT_RE.split(folded)
    bounds = list(accumulate(map(len, parts)))
    keys, starts, ends = parts[1::2], bounds[0::2], bounds[1::2]
    del starts[len(keys):]
    if "'" in folded:
        _join_apostrophes(parts, keys, starts, ends)
    return keys, starts, ends


def tokenize(folded: str) -> list[tuple[str, int, int]]:
    """Tokens of already-folded text as (key form, start, end) in that text."""
    return list(zip(*token_columns(folded)))


def name_key(name: str) -> str:
    """The lookup key of a name ('' when it has no word characters)."""
    return " ".join(token_columns(normalize_for_matching(name))[0])


def is_arabic(text: str) -> bool:
    return bool(ARABIC_RE.search(text))


def usable_name(name: str) -> bool:
    """Latin- or Arabic-script names only; other scripts are not matched."""
    return bool(LATIN_NAME_RE.match(name) or ARABIC_NAME_RE.match(name))


def _token_options(tok: str, first: bool) -> list[str]:
    opts = [tok]
    for ending, alternatives in _ENDINGS:
        if tok.endswith(ending) and len(tok) > len(ending) + 2:
            opts.extend(tok[: -len(ending)] + alt for alt in alternatives)
            break
    if first and tok in _PREFIX_SWAPS:
        opts.append(_PREFIX_SWAPS[tok])
    return opts


def latin_variants(key: str, *, arabic_region: bool) -> set[str]:
    """Spelling variants of a Latin-script key (the key itself included)."""
    toks = key.split()
    if not toks:
        return set()
    out = {key}
    if toks[0] in _PREFIX_SWAPS and len(toks) > 1:
        out.add(" ".join([_PREFIX_SWAPS[toks[0]], *toks[1:]]))
    if " of the " in key:  # "Democratic Republic of the Congo" is also "... of Congo"
        out.add(key.replace(" of the ", " of "))
    if not arabic_region:
        return out
    # Article handling: "al qaim" -> "qaim", "alqaim"; "ez zor" -> "ezzor", "al zor"
    forms: list[list[str]] = []
    skip = False
    for i, tok in enumerate(toks):
        if skip:
            skip = False
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if tok in ARTICLES and nxt is not None:
            rest = _token_options(nxt, False)[:3]
            opts = [f"{tok} {r}" for r in rest] + [f"{tok}{r}" for r in rest[:1]]
            opts += [f"al {r}" for r in rest[:2]] + [f"el {r}" for r in rest[:1]]
            if i == 0:
                opts += rest[:2]
            forms.append(opts)
            skip = True
        else:
            forms.append(_token_options(tok, i == 0)[:3])
    for combo in product(*forms):
        out.add(" ".join(combo))
        if len(out) >= 24:
            break
    return {v for v in out if v}


def arabic_variants(key: str) -> set[str]:
    """Arabic variants: with and without the article ال on a one-word name."""
    out = {key}
    if " " not in key and key.startswith("ال") and len(key) > 4:
        out.add(key[2:])
    return out


def demonym_variants(key: str) -> set[str]:
    """Inflections of a demonym key (English plural, Arabic article/gender/plural)."""
    if not is_arabic(key):
        return {key} | ({key + "s"} if not key.endswith("s") else set())
    stems = {key}
    out: set[str] = set()
    for stem in stems:
        for form in (stem, stem + "ه", stem + "ون", stem + "ين"):
            out.add(form)
            out.add("ال" + form)
    return out


def admin_phrases(key: str, level: int) -> set[str]:
    """Phrases naming an admin unit: "anbar province", "محافظه الانبار" ..."""
    out: set[str] = set()
    if is_arabic(key):
        words = ADMIN_WORDS_AR if level == 2 else ADMIN2_WORDS_AR
        out.update(f"{w} {key}" for w in words)
    else:
        words = ADMIN_WORDS_EN if level == 2 else ADMIN2_WORDS_EN
        out.update(f"{key} {w}" for w in words)
        out.update(f"{w} of {key}" for w in words[:2])
    return out


def arabic_token_forms(tok: str) -> list[tuple[str, int]]:
    """A text token and its clitic-stripped forms as (form, chars dropped at the left).

    "والبوكمال" -> [("والبوكمال", 0), ("البوكمال", 1)]; "للبوكمال" also gives
    ("البوكمال", 1) since ل + ال is written لل.
    """
    forms = [(tok, 0)]
    rest, cut = tok, 0
    if len(rest) > 3 and rest[0] in _CLITIC1:
        rest, cut = rest[1:], 1
        forms.append((rest, cut))
    if len(rest) > 3 and rest[0] in _CLITIC2:
        if rest.startswith("لل") and len(rest) > 4:
            forms.append(("ا" + rest[1:], cut + 1))
        forms.append((rest[1:], cut + 1))
    return forms
