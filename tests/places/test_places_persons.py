"""Person names are not places: the words around a name show a person (titles, roles, speech and person
verbs, possessive person nouns, ", who", names joined by "and"), and the name stays a person's throughout
the text; names that only look like persons in such contexts stay places."""

from __future__ import annotations

import pytest

from marsad.places.lookup import Lookup
from marsad.places.persons import persons
from marsad.places.recognize import _hits
from marsad.places.tokens import Tokens


def _surfaces(geoparser, text: str) -> list[tuple[str, str | None]]:
    return [(p.text, p.name) for p in geoparser.parse(text) if p.kind == "place"]


@pytest.mark.parametrize("text", [
    "In 2019, He Qian alleged that her manager had harassed her.",  # was Heqian, Chongqing
    "Deng Fei said on Tuesday that he would appeal.",  # was Feicheng
    "Officers said Lin Tao was arrested at his home last week.",  # was Lynn (US) and Tao
    "Hu Jun has also alleged that guards beat him.",  # verb after auxiliaries
    "Gao Ming's lawyer said the charges were false.",  # possessive person noun
    "Police later questioned Gao Ming, who had organised the petition.",
    "Sun Yang, a veteran reporter, was detained in March.",  # apposition with a role
])
def test_words_after_a_name_show_a_person(geoparser, text):
    assert _surfaces(geoparser, text) == []


def test_a_person_stays_a_person_throughout_the_text(geoparser):
    text = "He Qian told the court she had kept the messages. Reporters later asked about He Qian's case."
    assert _surfaces(geoparser, text) == []
    text = "Sun Yang was detained in Guangzhou, and Yang said he had been beaten."
    assert [s for s, _ in _surfaces(geoparser, text)] == ["Guangzhou"]


def test_names_listed_with_a_person_are_persons(geoparser):
    text = "The verdict against Zou Lan, Lin Tao and He Qian was upheld. He Qian said she would appeal."
    assert _surfaces(geoparser, text) == []  # not Zou (Benin), Laon, Lynn, Tao, Heqian


@pytest.mark.parametrize("text, surface", [
    ("Saudi Arabia said on Monday that the talks would resume.", "Saudi Arabia"),
    ("Police in Gulf Breeze said the road was closed.", "Gulf Breeze"),
    ("Rep. Tom Hawk, a Manhattan Democrat, who opposed the bill, spoke first.", "Manhattan"),
    ("Later Tehran said it had not been informed.", "Tehran"),
    ("Iraq Body Count said civilian deaths rose in Iraq last year.", "Iraq"),
    ("Mosul Eye said that fighting continued in Mosul on Sunday.", "Mosul"),
    ("Residents of Sadr City said the market was shelled.", "Sadr City"),
])
def test_places_in_person_contexts_stay_places(geoparser, text, surface):
    assert surface in [p.text for p in geoparser.parse(text) if p.kind in ("place", "org")]  # "Manhattan Democrat": org


def test_persons_gives_words_and_whole_names(gazetteer):
    lookup = Lookup(gazetteer)
    doc = Tokens("In 2019, He Qian alleged that Deng Fei had harassed her. Police in Gulf Breeze said nothing.")
    names = persons(doc, _hits(lookup, doc), lookup.facts)
    assert {"he", "qian", "he qian", "deng", "fei", "deng fei"} <= names
    assert not names & {"gulf", "breeze", "gulf breeze", "police"}
    assert persons(doc) == set()  # without the hits only titles, first names and roles count
