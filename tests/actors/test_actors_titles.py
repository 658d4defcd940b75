"""Organisations found by title and claim cues when the dictionary does not know them."""

from __future__ import annotations

import pytest

from marsad.actors import ActorDictionary, ActorRecognizer


@pytest.fixture(scope="module")
def recognizer() -> ActorRecognizer:
    return ActorRecognizer(ActorDictionary.load(), use_ner=False)


def _titles(recognizer: ActorRecognizer, text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.detail, m.country) for m in recognizer.find(text) if m.kind == "title"]


@pytest.mark.parametrize(("text", "expected"), [
    ("a group called Saraya Foo al-Bar claimed responsibility", [("Saraya Foo al-Bar", "called", None)]),
    ("A group called ‘Liwa al-Qamar’ [The Moon Brigade] claimed it", [("Liwa al-Qamar", "called", None)]),
    ("the spokesman of the Foo Liberation Front said", [("Foo Liberation Front", "of", None)]),
    ("a spokesman for Jaysh al-Foo told reporters", [("Jaysh al-Foo", "of", None)]),
    ("Secretary General of Iraq’s Harakat al-Foo, Sheikh Ali, said", [("Harakat al-Foo", "of", "IQ")]),
    ("a commander of the Liwa al-Fajr al-Foo said", [("Liwa al-Fajr al-Foo", "of", None)]),
    ("the leader of Saraya Baz warned", [("Saraya Baz", "of", None)]),
    ("The Saraya Qux spokesman said", [("Saraya Qux", "suffix", None)]),
    ("Saraya Foo Brigades said in a statement on Monday", [("Saraya Foo Brigades", "claim", None)]),
    ("“Usbat Foo” claimed responsibility for the attack", [("Usbat Foo", "claim", None)]),
    ("the Babil Operations Command said in a statement", [("Babil Operations Command", "claim", None)]),
])
def test_english_cues(recognizer: ActorRecognizer, text: str, expected: list) -> None:
    assert _titles(recognizer, text) == expected


@pytest.mark.parametrize("text", [
    "Ahmed al-Assadi said in a statement",  # a person
    "Sheikh Qais al-Khazali said in a statement",
    "a spokesman for the Kirkuk police said",  # a place before a force noun
    "the leader of Iraq said",  # a country
    "a man called Ali Hassan arrived",  # not a group
    "the ringleader of Foo Bar",  # cue inside a word
    "He said in a statement that",
    "a spokesman for Reuters said",  # an outlet
])
def test_not_organisations(recognizer: ActorRecognizer, text: str) -> None:
    assert _titles(recognizer, text) == []


def test_known_names_are_not_titles(recognizer: ActorRecognizer) -> None:
    found = recognizer.find("A group called ‘Ashab al-Kahf’ claimed responsibility for the operation.")
    assert [(m.text, m.canonical, m.kind) for m in found] == [("Ashab al-Kahf", "Ashab al-Kahf", "dictionary")]
    found = recognizer.find("Leader of Asaib Ahl al-Haq Movement, Qais al-Khazali, said")
    assert [(m.text, m.kind) for m in found] == [("Asaib Ahl al-Haq", "dictionary")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال المتحدث باسم سرايا الفوو إن", "سرايا الفوو"),
    ("وقال المتحدث باسم «سرايا الفوو» إن الهجوم", "سرايا الفوو"),
    ("وأكد الأمين العام لحركة الفوو في بيان", "حركة الفوو"),
    ("وأكد الأمين العام لـحركة الفوو في بيان", "حركة الفوو"),
    ("وأكد الأمين العام لـ حركة الفوو في بيان", "حركة الفوو"),
    ("وتبنت جماعة تطلق على نفسها «لواء البرق» الهجوم", "لواء البرق"),
    ("وتبنت جماعة تطلق على نفسها لواء البرق الهجوم", "لواء البرق"),
])
def test_arabic_cues(recognizer: ActorRecognizer, text: str, expected: str) -> None:
    titles = [m for m in recognizer.find(text) if m.kind == "title"]
    assert [m.text for m in titles] == [expected]
    assert all(text[m.start:m.end] == m.text for m in titles)


def test_arabic_cue_with_known_name(recognizer: ActorRecognizer) -> None:
    found = recognizer.find("وقال المتحدث باسم كتائب سيد الشهداء إن")
    assert [(m.text, m.canonical, m.kind) for m in found] == [
        ("كتائب سيد الشهداء", "Kataib Sayyid al-Shuhada", "dictionary")]
