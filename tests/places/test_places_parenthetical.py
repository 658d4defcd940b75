"""ACLED-style "Town (Admin2, Admin1)" nests (marsad.places.parenthetical) and force acronyms."""

from __future__ import annotations

import pytest

from marsad.places.recognize import recognize

from .conftest import find, places


@pytest.mark.parametrize("text, town, country, admin1", [
    ("On 18 May 2023, JNIM militants attacked a FAMa post in Dioura (Tenenkou, Mopti).", "Dioura", "ML", "Mopti"),
    ("On 2 October 2023, FARDC and Wazalendo fighters clashed with M23 in Kilolirwe (Masisi, Nord-Kivu).",
     "Kilolirwe", "CD", "Nord-Kivu"),
    ("On 12 June 2023, JNIM militants attacked a gendarmerie post in Seytenga (Seno, Sahel).", "Seytenga", "BF",
     "Sahel"),
    ("On 14 April 2024, Arakan Army fighters overran a Myanmar military outpost in Paletwa (Chin).", "Paletwa",
     "MM", "Chin"),
])
def test_a_town_the_gazetteer_lacks_is_placed_in_its_innermost_unit(geoparser, text, town, country, admin1):
    found = find(geoparser, text, town)
    assert (found.geonameid, found.name, found.country, found.admin1) == (None, town, country, admin1)
    assert found.geo_precision == 2 and found.feature_class == "P" and found.latitude is not None
    assert found.score >= 0.3


def test_the_unit_words_inside_the_parentheses_are_allowed(geoparser):
    found = find(geoparser, "Gunmen killed 4 miners near Koutougou (Soum province, Burkina Faso).", "Koutougou")
    assert (found.country, found.admin1, found.geo_precision) == ("BF", "Sahel", 2)


def test_a_nest_naming_only_its_country_gives_country_precision(geoparser):
    found = find(geoparser, "Al-Shabaab militants beheaded a man in Bulo Burte (Hiraan region, Somalia).",
                 "Bulo Burte")
    assert (found.country, found.admin1, found.geo_precision) == ("SO", None, 3)


@pytest.mark.parametrize("units, country", [("(Houet, Hauts-Bassins)", "BF"), ("(Borno)", "NG"),
                                            ("(Bama, Borno)", "NG")])
def test_a_known_town_is_read_inside_the_units_its_parentheses_name(geoparser, units, country):
    found = find(geoparser, f"On 5 March 2023, militants attacked a military base in Bama {units}.", "Bama")
    assert found.country == country and found.geonameid is not None


def test_the_last_unit_of_a_nest_is_the_province(geoparser):
    found = find(geoparser, "JNIM militants attacked a post in Dioura (Tenenkou, Mopti).", "Mopti")
    assert found.feature_class == "A" and found.geo_precision == 3


@pytest.mark.parametrize("text", [
    "The meeting in Paris (Reuters) ended without a deal.",
    "Senator John Cornyn (R-Texas) spoke in Austin.",
    "Troops advanced in Kherson (about 14 km from the front).",
])
def test_parentheses_that_are_no_units_make_no_nest(gazetteer, text):
    assert all(m.nest == -1 for m in recognize(gazetteer, text))


def test_an_unknown_name_needs_a_preposition_before_it(gazetteer):
    assert all(m.key >= 0 for m in recognize(gazetteer, "Amadou Koufa (Mopti) said nothing."))


def test_arabic_is_left_alone(gazetteer):
    text = "هاجم مسلحون قرية ديورا (تننكو، موبتي) يوم الخميس."
    assert all(m.nest == -1 for m in recognize(gazetteer, text))


@pytest.mark.parametrize("text", [
    "JNIM militants attacked a FAMa post in Dioura (Tenenkou, Mopti).",
    "Two FAMa soldiers were killed near Mopti.",
])
def test_a_force_acronym_before_a_military_noun_is_no_place(geoparser, text):
    assert "FAMa" not in [p.text for p in places(geoparser, text)]


def test_a_country_abbreviation_before_troops_stays_a_place(geoparser):
    assert "US" in [p.text for p in places(geoparser, "US troops left the base near Baghdad.")]
