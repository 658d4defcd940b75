"""The fast paths (issue 5) agree with the plain definitions they replace."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.places import recognize, resolve
from marsad.places.aliases import TOKEN_RE, name_key, token_columns, tokenize
from marsad.places.gazetteer import key_hash
from marsad.places.lookup import Lookup
from marsad.places.tokens import Tokens, sentence_spans

_CONTRACTIONS = {"s", "ve", "re", "ll", "d", "t", "m"}
_PIECES = st.sampled_from(["a", "b", "'", "s", " ", "_", "-", "t", "é", "ب", "ال", "’", "3", ".", "\n", "X"])


def _reference_tokens(folded: str) -> list[tuple[str, int, int]]:
    """One match object per token, apostrophes handled one token at a time (the definition)."""
    out = []
    for match in TOKEN_RE.finditer(folded):
        tok, start, end = match.group(), match.start(), match.end()
        if "'" in tok:
            head, _, tail = tok.rpartition("'")
            if tail in _CONTRACTIONS:
                tok, end = head, end - len(tail) - 1
            tok = tok.replace("'", "")
        out.append((tok, start, end))
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_token_columns_match_the_definition(folded):
    assert tokenize(folded) == _reference_tokens(folded)
    keys, starts, ends = token_columns(folded)
    assert len(keys) == len(starts) == len(ends)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Mr.", "He", "said", ". ", "! ", "؟ ", "\n", "\n\n", " ", "U.S.", "A.", '." ',
                                 "Baghdad", "بغداد", "(", ")", "'", "x"]), max_size=30).map("".join))
def test_sentence_spans_match_the_plain_pattern(text):
    plain = re.compile(r"[.!?؟]['\"”’)\]]*\s+(?=['\"“‘(\[]?[A-Z\u0600-\u06ff0-9])|\n+")
    from marsad.places import tokens

    assert [m.span() for m in tokens._SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for start, end in sentence_spans(text):
        assert text[start:end].strip()


def test_token_columns_of_a_text(gazetteer):
    doc = Tokens("Shelling hit Baghdad's al-Yusufiya; «والبوكمال» was next.\nMr. Smith said.")
    assert doc.keys[:5] == ["shelling", "hit", "baghdad", "al", "yusufiya"]
    spans = {k: doc.text[s:e] for k, s, e in zip(doc.keys, doc.start, doc.end)}
    assert spans["baghdad"] == "Baghdad" and spans["yusufiya"] == "Yusufiya" and spans["والبوكمال"] == "والبوكمال"
    assert doc.sentence[0] == 0 and doc.sentence[-1] == 1 and doc.first[doc.keys.index("mr")]


def test_lookup_agrees_with_the_key_table(gazetteer):
    lookup = Lookup(gazetteer, limit=3)
    forms = ["baghdad", "deir ez zor", "no such place anywhere", "baghdad", "mosul", "iraq"]
    expected = gazetteer.find(np.array([key_hash(f) for f in forms], dtype=np.uint64)).tolist()
    assert lookup.keys(forms) == expected
    assert lookup.keys(forms[::-1]) == expected[::-1]  # after the memory was cleared past its limit
    assert lookup.starts(["deir", "zzzzq"]) == [True, False]
    assert lookup.facts[expected[0]].big


def test_a_shared_lookup_changes_nothing(gazetteer):
    text = "Rockets hit Ain al-Asad base in western Iraq; Tikrit and Samarra were calm. قصف في البوكمال"
    lookup = Lookup(gazetteer)
    for _ in range(2):
        assert recognize(gazetteer, text, lookup=lookup) == recognize(gazetteer, text)


def test_resolution_picks_a_candidate_of_its_key(gazetteer):
    text = ("Clashes in Mosul, Kirkuk and Erbil; strikes near Paris, Texas; Athens, Ga.; Washington; "
            "Springfield and Columbus. Officials in Baghdad said.")
    mentions = recognize(gazetteer, text)
    for res in resolve(gazetteer, mentions):
        assert 0.0 <= res.score <= 1.0
        if res.index >= 0:
            assert res.index in gazetteer.candidates(res.mention.key)[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Baghdad", "Paris", "Texas", "Ohio", ", ", " and ", " in ", "Mosul", "Iraq",
                                 "Springfield", "the village of Albu Hayat", ". ", "Western Province"]),
                max_size=25).map("".join))
def test_resolution_never_fails(gazetteer, text):
    for res in resolve(gazetteer, recognize(gazetteer, text)):
        assert res.index < 0 or res.index in gazetteer.candidates(res.mention.key)[0]


def test_name_key_unchanged():
    assert name_key("Baghdad's al-Yusufiya") == "baghdad al yusufiya"
    assert name_key("Ma'arat al-Nu'man") == "maarat al numan"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("aZ`'’“”–—…éÉßİΣσ ؟أإآىةؤئـًٌَُّ٠١ﻻǄ\u200f\u064b bc\n")), max_size=40).map("".join))
def test_fast_folding_matches_normalize_with_offsets(text):
    from marsad.normalize.arabic import normalize_with_offsets
    from marsad.places.tokens import fold

    folded, offsets, identity = fold(text)
    expected, expected_offsets = normalize_with_offsets(text)
    assert folded == expected
    assert (expected_offsets == list(range(len(text)))) if identity else (offsets == expected_offsets)
