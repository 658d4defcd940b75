"""Recognition in sentences written in the style of the seed pages (English and Arabic)."""

from __future__ import annotations

import pytest

from marsad.actors import ActorDictionary, ActorMatch, ActorRecognizer


@pytest.fixture(scope="module")
def recognizer() -> ActorRecognizer:
    return ActorRecognizer(ActorDictionary.load(), use_ner=False)


def _found(recognizer: ActorRecognizer, text: str) -> list[tuple[str, str | None, str]]:
    matches = recognizer.find(text)
    for match in matches:
        assert text[match.start:match.end] == match.text
    return [(m.text, m.canonical, m.kind) for m in matches]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kata'ib Hezbollah released a statement", [("Kata'ib Hezbollah", "Kataib Hezbollah", "dictionary")]),
    ("On December 30, Kata’ib Hezbollah released a statement",
     [("Kata’ib Hezbollah", "Kataib Hezbollah", "dictionary")]),
    ("Spokesman of Iraq’s Kata’ib Hezbollah (Hezbollah Battalions) said",
     [("Kata’ib Hezbollah", "Kataib Hezbollah", "dictionary"),
      ("Hezbollah Battalions", "Kataib Hezbollah", "dictionary")]),
    ("KATA’IB HEZBOLLAH THREATENS TO FORCE WASHINGTON", [("KATA’IB HEZBOLLAH", "Kataib Hezbollah", "dictionary")]),
    ("Iraqi security forces entered the town", [("Iraqi security forces", "Military Forces of Iraq", "dictionary")]),
    ("Ansar Allah (the Houthis) repelled an attack",
     [("Ansar Allah", "Ansar Allah", "dictionary"), ("Houthis", "Ansar Allah", "dictionary")]),
    ("Secretary General of Iraq’s Hezbollah al-Nujaba resistance movement",
     [("Hezbollah al-Nujaba", "Harakat Hezbollah al-Nujaba", "dictionary")]),
    ("the Nujaba movement said", [("Nujaba movement", "Harakat Hezbollah al-Nujaba", "dictionary")]),
    ("Iraq’s Asaib Ahl al-Haq resistance movement", [("Asaib Ahl al-Haq", "Asaib Ahl al-Haq", "dictionary")]),
    ("The Syrian Arab Army (SAA) Tiger Forces continued",
     [("Syrian Arab Army", "Military Forces of Syria", "dictionary"), ("SAA", "Military Forces of Syria", "dictionary"),
      ("Tiger Forces", "Military Forces of Syria", "dictionary")]),
    ("a spokesman for the Popular Mobilisation (al-Hashid al-Shaabi)",
     [("Popular Mobilisation", "Popular Mobilization Forces", "dictionary"),
      ("al-Hashid al-Shaabi", "Popular Mobilization Forces", "dictionary")]),
    ("against DAESH (the Islamic State in Iraq and Syria, ISIS-ISIL)",
     [("DAESH", "Islamic State", "dictionary"), ("Islamic State in Iraq and Syria", "Islamic State", "dictionary"),
      ("ISIS", "Islamic State", "dictionary"), ("ISIL", "Islamic State", "dictionary")]),
    ("the Free Syrian Army and the Syrian army", [("Free Syrian Army", "Free Syrian Army", "dictionary"),
                                                  ("Syrian army", "Military Forces of Syria", "demonym")]),
    ("convoys of the US-led coalition", [("US-led coalition", "Global Coalition Against Daesh", "dictionary")]),
    ("attacks by the Saudi-led coalition", [("Saudi-led coalition", "Saudi-led Coalition", "dictionary")]),
    ("Turkish-backed militants shelled the village",
     [("Turkish-backed militants", "Syrian National Army", "dictionary")]),
])
def test_dictionary_names(recognizer: ActorRecognizer, text: str, expected: list) -> None:
    assert _found(recognizer, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Iraqi troops captured the refinery", "Military Forces of Iraq"),
    ("Iraqi soldiers vastly outnumbered", "Military Forces of Iraq"),
    ("after Iraq’s army withdrew", "Military Forces of Iraq"),
    ("Nigerian police arrested the activist", "Police Forces of Nigeria"),
    ("Iraqi police said", "Police Forces of Iraq"),
    ("American troops must withdraw", "Military Forces of the United States"),
    ("US forces were targeted", "Military Forces of the United States"),
    ("U.S. troops left", "Military Forces of the United States"),
    ("Russian warplanes struck", "Military Forces of Russia"),
    ("Turkish drones hit a car", "Military Forces of Turkey"),
])
def test_demonym_forces(recognizer: ActorRecognizer, text: str, expected: str) -> None:
    (match,) = recognizer.find(text)
    assert (match.canonical, match.category) == (expected, "State forces")


@pytest.mark.parametrize(("text", "expected"), [
    ("قُتل عنصران من الحشد الشعبي", [("الحشد الشعبي", "Popular Mobilization Forces")]),
    ("هجوم على نقطة للحشد الشعبي", [("لحشد الشعبي", "Popular Mobilization Forces")]),
    ("وتبنّى تنظيم داعش الهجوم", [("تنظيم داعش", "Islamic State")]),
    ("أعلنت كتائب حزب الله", [("كتائب حزب الله", "Kataib Hezbollah")]),
    ("وأكد حزب الله اللبناني", [("حزب الله اللبناني", "Hezbollah")]),
    ("بدأت القوات الأمنية العراقية عملية", [("القوات الأمنية العراقية", "Military Forces of Iraq")]),
    ("وقصف الجيش السوري والقوات التركية", [("الجيش السوري", "Military Forces of Syria"),
                                          ("القوات التركية", "Military Forces of Turkey")]),
    ("هاجمت قواتٌ أمريكية", [("قواتٌ أمريكية", "Military Forces of the United States")]),
    ("وبالجيش العراقي", [("الجيش العراقي", "Military Forces of Iraq")]),
    ("عناصر حركة النجباء وعصائب أهل الحق", [("حركة النجباء", "Harakat Hezbollah al-Nujaba"),
                                          ("عصائب أهل الحق", "Asaib Ahl al-Haq")]),
    ("قوات سوريا الديمقراطية (قسد)", [("قوات سوريا الديمقراطية", "Syrian Democratic Forces"),
                                      ("قسد", "Syrian Democratic Forces")]),
    ("جماعة الحوثي وأنصار الله", [("جماعة الحوثي", "Ansar Allah"), ("أنصار الله", "Ansar Allah")]),
    ("هيئة تحرير الشام", [("هيئة تحرير الشام", "Hayat Tahrir al-Sham")]),
    ("التصدي لداعش وبالحشد الشعبي", [("داعش", "Islamic State"), ("الحشد الشعبي", "Popular Mobilization Forces")]),
    ("وللحشد الشعبي فضل", [("لحشد الشعبي", "Popular Mobilization Forces")]),
    # a soldier or soldiers with the country's adjective: singular, human plural (ين / ون)
    ("قُتل جندي عراقي في هجوم", [("جندي عراقي", "Military Forces of Iraq")]),
    ("قتل ثلاثة جنود عراقيين", [("جنود عراقيين", "Military Forces of Iraq")]),
    ("وأصيب الجنود الأمريكيون", [("الجنود الأمريكيون", "Military Forces of the United States")]),
    ("قُتل شرطي سوري", [("شرطي سوري", "Police Forces of Syria")]),
])
def test_arabic(recognizer: ActorRecognizer, text: str, expected: list) -> None:
    assert [(t, c) for t, c, _ in _found(recognizer, text)] == expected


def test_arabic_spelling_variants(recognizer: ActorRecognizer) -> None:
    for text in ("الحشد الشعبى", "الحَشْدُ الشَّعْبِيُّ", "الحشـــد الشعبي"):
        (match,) = recognizer.find(text)
        assert match.canonical == "Popular Mobilization Forces"
        assert (match.start, match.end) == (0, len(text))


def test_arabic_word_boundaries(recognizer: ActorRecognizer) -> None:
    assert recognizer.find("الداعشيين") == []  # an adjective built on the name, not the name
    assert recognizer.find("وحزب اللهجة") == []


@pytest.mark.parametrize("text", [
    "This is what it is", "Let us go", "Hope for peace returned", "Restoring hope in Basra",
    "Is it over?", "He said the kh sound", "Jam sessions", "a badr of light",
])
def test_no_false_alarms(recognizer: ActorRecognizer, text: str) -> None:
    assert [m for m in recognizer.find(text) if m.kind != "generic"] == []


def test_acronyms_need_capitals(recognizer: ActorRecognizer) -> None:
    assert _found(recognizer, "IS militants attacked") == [("IS", "Islamic State", "dictionary")]
    assert _found(recognizer, "HEZBOLLAH IS READY TO FIGHT") == [("HEZBOLLAH", "Hezbollah", "dictionary")]
    assert _found(recognizer, "hts rss feed") == []


def test_badr_the_person_and_badr_the_group(recognizer: ActorRecognizer) -> None:
    found = _found(recognizer, "Badr Hassan said Badr fighters and the Badr Organization clashed")
    assert found == [("Badr", "Badr Organization", "dictionary"),
                     ("Badr Organization", "Badr Organization", "dictionary")]
    assert _found(recognizer, "Badr Hassan, a farmer") == []


def test_hezbollah_by_context(recognizer: ActorRecognizer) -> None:
    assert recognizer.find("Iraqi Hezbollah fighters")[0].canonical == "Kataib Hezbollah"
    assert recognizer.find("Iraq's Hezbollah Brigades")[0].canonical == "Kataib Hezbollah"
    assert recognizer.find("Lebanon's Hezbollah")[0].canonical == "Hezbollah"
    assert recognizer.find("Hezbollah fighters")[0].canonical == "Hezbollah"


def test_generic_cues(recognizer: ActorRecognizer) -> None:
    found = recognizer.find("Gunmen killed three civilians as protesters gathered; المتظاهرين")
    assert [(m.kind, m.detail) for m in found] == [("generic", "armed_group"), ("generic", "civilians"),
                                                 ("generic", "protesters"), ("generic", "protesters")]
    assert all(m.canonical is None for m in found)


def test_soldiers_without_a_country_are_the_generic_military(recognizer: ActorRecognizer) -> None:
    found = recognizer.find("A roadside bomb killed three soldiers; قتل جنود")
    assert [(m.text, m.kind, m.detail) for m in found] == [("soldiers", "generic", "military"), ("جنود", "generic", "military")]
    assert [m.canonical for m in recognizer.find("Iraqi soldiers")] == ["Military Forces of Iraq"]


def test_match_fields(recognizer: ActorRecognizer) -> None:
    (match,) = recognizer.find("Kataib Hezbollah")
    assert match == ActorMatch(0, 16, "Kataib Hezbollah", "Kataib Hezbollah", "Political militias", "IQ",
                               "dictionary", "", "Popular Mobilization Forces")
