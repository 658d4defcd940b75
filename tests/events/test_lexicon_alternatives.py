"""Alternatives: the lexicon's word lists match exactly as the plain alternation of their patterns."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.events.lexicon import Alternatives, Words, _alternatives, _needs, _sre_parse, lexicon
from marsad.normalize.arabic import normalize_for_matching

SENTENCES = {
    "en": [
        "Gunmen killed two policemen at a checkpoint in Mosul on Monday, the army said.",
        "An IED struck a convoy near Tikrit; no casualties were reported.",
        "The group vowed to continue its attacks and threatened to strike again.",
        "No helicopter was downed, the ministry denied, calling the claim propaganda.",
        "According to pro-HTS sources, a suicide bomber blew himself up at the gate.",
        "Protesters have repeatedly been targeted by security forces in recent months.",
        "He was found guilty of the November 2019 shooting and sentenced to death.",
        "Islamic State claimed responsibility for the rocket attack, Amaq reported.",
        "Drones were shot down over the base; the claim could not be verified independently.",
        "",
    ],
    "ar": [
        "قتل ثلاثة مدنيين بقصف على ادلب امس، بحسب مصادر محلية.",
        "انفجرت عبوه ناسفه بدوريه للجيش العراقي ولم تسفر عن اصابات.",
        "توعد التنظيم بشن هجمات جديده وهدد باستهداف القوات الامريكيه.",
        "نفت وزاره الدفاع اسقاط طائره مسيره، مؤكده ان الخبر عار عن الصحه.",
        "تبنى تنظيم داعش الهجوم الانتحاري الذي استهدف حاجزا للحشد الشعبي.",
        "اعتقلت القوات الامنيه خمسه متهمين بالارهاب في كركوك.",
        "",
    ],
}


def _lists(lang: str) -> list[tuple[str, Alternatives]]:
    lex = lexicon(lang)
    found = []
    for name in lex.__slots__:
        value = getattr(lex, name)
        if isinstance(value, Alternatives):
            found.append((name, value))
        elif isinstance(value, tuple):
            found += [(f"{name}:{item[0]}", item[1]) for item in value
                      if isinstance(item, tuple) and isinstance(item[1], Alternatives)]
    return found


def _same(alternatives: Alternatives, text: str, pos: int = 0, endpos: int | None = None) -> None:
    whole = alternatives.whole
    end = len(text) if endpos is None else endpos
    assert [m.span() for m in alternatives.finditer(text, pos, end)] == [m.span() for m in whole.finditer(text, pos, end)]
    found, expected = alternatives.search(text, pos, end), whole.search(text, pos, end)
    assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))
    found, expected = alternatives.match(text, pos, end), whole.match(text, pos, end)
    assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_list_matches_as_its_alternation(lang: str) -> None:
    lists = _lists(lang)
    assert len(lists) > 20
    for _, alternatives in lists:
        for sentence in SENTENCES["en"] + SENTENCES["ar"]:
            text = normalize_for_matching(sentence)
            _same(alternatives, text)
            for m in alternatives.whole.finditer(text):
                _same(alternatives, text, m.start())
                _same(alternatives, text, max(0, m.start() - 3), m.end())
                _same(alternatives, text, 0, m.end() - 1)


def _pieces(lang: str) -> list[str]:
    """Words the lexicon's patterns need, and bits of text around them."""
    words = sorted(lexicon(lang).words._postings)  # noqa: SLF001
    return words + [" ", " the ", "و", "ال", "لل", ",", ".", "-", "not ", "will ", "لم "]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_texts_of_lexicon_words(data: st.DataObject) -> None:
    lang = data.draw(st.sampled_from(["en", "ar"]))
    text = "".join(data.draw(st.lists(st.sampled_from(_pieces(lang)), max_size=25)))
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    for _, alternatives in _lists(lang):
        _same(alternatives, text)
        _same(alternatives, text, pos, end)


def _needed(pattern: str) -> frozenset[str] | None:
    return _needs(list(_sre_parse.parse(pattern)))


def test_needed_strings() -> None:
    assert _needed(r"\bieds?\b") == {"ied"}
    assert _needed(r"\bsuicide (?:bomb\w*|attacks?)") == {"suicide "}
    assert _needed(r"(?:shell|mortar)(?:ing|s)? attack") == {" attack"}
    assert _needed(r"(?:land)?mines?") == {"mine"}
    assert _needed(r"\b(?:bomb|blast)s?") == {"omb", "last"}  # the parser takes the common "b" out first
    assert _needed(r"(?:a|)b?") is None
    assert _needed(r"\w+") is None


def test_lists_that_cannot_stand_alone_use_the_whole_alternation() -> None:
    words = Words()
    grouped = _alternatives([r"\b(kill)ed", r"\bshot"], "en", words)
    empty = _alternatives([r"\bx?", r"\bshot"], "en", words)
    plain = _alternatives([r"\bkilled", r"\bshot"], "en", words)
    text = "two were shot and one killed; shot again"
    for alternatives in (grouped, empty, plain):
        assert [m.span() for m in alternatives.finditer(text)] == [m.span() for m in re.finditer(alternatives.source, text)]
    assert plain.search("nothing here") is None and list(plain.finditer("")) == []


def test_words_remember_a_bounded_number_of_texts() -> None:
    words = Words()
    plain = _alternatives([r"\bkilled"], "en", words)
    for i in range(Words.REMEMBERED + 10):
        assert plain.search(f"{i} killed") is not None
    assert len(words._chosen) <= Words.REMEMBERED  # noqa: SLF001
