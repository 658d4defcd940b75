"""The place of an ACLED-style note's event: the town of "Town (Admin2, Admin1)", not the units that qualify it
(marsad.events.geo with the real geoparser)."""

from __future__ import annotations

import pytest

from marsad.events import EventExtractor
from marsad.events.geo import nearest_before, places_in

from .conftest import make_doc, toponym


@pytest.fixture(scope="module")
def geoparser():
    from marsad.places import Gazetteer, Geoparser

    return Geoparser(Gazetteer.load())


def _place(geoparser, note: str):
    """(location, admin1, country, geo_precision) of the note's first event."""
    doc, article = make_doc("Event note", note)
    mentions, _ = EventExtractor().extract(doc, [article], geoparser.toponyms(doc, [article]), [])
    assert mentions, note
    first = mentions[0]
    return first.location, first.admin1, first.country, first.geo_precision


@pytest.mark.parametrize("note, expected", [
    ("On 18 May 2023, JNIM militants attacked a FAMa post in Dioura (Tenenkou, Mopti). 7 soldiers were killed.",
     ("Dioura", "Mopti", "ML", 2)),
    ("On 14 April 2024, Arakan Army fighters overran a Myanmar military outpost in Paletwa (Chin).",
     ("Paletwa", "Chin", "MM", 2)),
    ("On 2 October 2023, FARDC and Wazalendo fighters clashed with M23 in Kilolirwe (Masisi, Nord-Kivu).",
     ("Kilolirwe", "Nord-Kivu", "CD", 2)),
    ("On 12 June 2023, JNIM militants attacked a gendarmerie post in Seytenga (Seno, Sahel).",
     ("Seytenga", "Sahel", "BF", 2)),
])
def test_a_town_the_gazetteer_lacks_is_the_event_place(geoparser, note, expected):
    assert _place(geoparser, note) == expected


@pytest.mark.parametrize("note, expected", [
    ("On 3 June 2023, RSF fighters shelled residential areas in Omdurman (Khartoum). 12 civilians were killed.",
     ("Omdurman", "Khartoum", "SD", 1)),
    ("On 5 March 2023, militants attacked a military base in Bama (Houet, Hauts-Bassins). 4 soldiers were killed.",
     ("Bama", None, "BF", 1)),
])
def test_a_known_town_is_the_event_place(geoparser, note, expected):
    location, admin1, country, precision = _place(geoparser, note)
    assert (location, country, precision) == (expected[0], expected[2], expected[3])
    assert expected[1] is None or admin1 == expected[1]


def test_a_force_acronym_is_no_event_place(geoparser):
    location, _, country, _ = _place(geoparser, "On 9 May 2023, FAMa soldiers clashed with JNIM in Dioura (Tenenkou, Mopti).")
    assert (location, country) == ("Dioura", "ML")


def test_units_in_parentheses_are_left_out_of_the_sentence_places():
    doc, article = make_doc("Note", "Militants attacked a post in Dioura (Tenenkou, Mopti) at dawn.")
    tops = [toponym(doc, article, "Dioura", country="ML", admin1="Mopti"),
            toponym(doc, article, "Tenenkou", country="ML", admin1="Mopti"),
            toponym(doc, article, "Mopti", country="ML", admin1="Mopti", feature_class="A")]
    found = places_in(tops, 0, len(doc.text), doc.text)
    assert [p.location for p in found] == ["Dioura"]


def test_the_town_of_a_chain_before_the_sentence_is_its_place():
    doc, article = make_doc("Note", "Clashes erupted in Kasindi (Beni, Nord-Kivu). Four soldiers were killed.")
    tops = [toponym(doc, article, "Kasindi", country="CD", admin1="Nord-Kivu"),
            toponym(doc, article, "Beni", country="CD", admin1="Nord-Kivu", feature_class="A"),
            toponym(doc, article, "Nord-Kivu", country="CD", admin1="Nord-Kivu", feature_class="A")]
    start = doc.text.index("Four")
    assert nearest_before(tops, start, 0).location == "Kasindi"
