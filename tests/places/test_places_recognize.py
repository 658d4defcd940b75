"""Recognition: spans, variants, clitics, collisions, demonyms and organisations."""

from __future__ import annotations

import pytest

from marsad.places import sentence_spans


def _texts(geoparser, text: str, kind: str = "place") -> list[str]:
    return [p.text for p in geoparser.parse(text) if p.kind == kind]


def test_spans_are_exact(geoparser):
    text = "Troops moved from Mosul to Deir ez-Zor; «والبوكمال» was next."
    for p in geoparser.parse(text):
        assert text[p.start:p.end] == p.text


@pytest.mark.parametrize("spelling", ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour", "DEIR EZ-ZOR"])
def test_spelling_variants(geoparser, spelling):
    found = [p for p in geoparser.parse(f"Shelling hit {spelling} on Sunday.") if p.kind == "place"]
    assert [p.text for p in found] == [spelling]
    assert found[0].admin1 == "Deir ez-Zor"


def test_arabic_clitics_are_cut_from_the_span(geoparser):
    text = "وصلت التعزيزات والبوكمال وبغداد"
    assert _texts(geoparser, text) == ["البوكمال", "بغداد"]


def test_longest_match_wins(geoparser):
    assert _texts(geoparser, "Planes landed at Baghdad International Airport.") == ["Baghdad International Airport"]


@pytest.mark.parametrize("text", [
    "Michael Jordan scored 30 points.",
    "There is hope for peace, officials said.",
    "Reading the report, he said it was nice work.",
    "Mobile phones were seized.",
    "Deputy commander Abu Mahdi al-Muhandis was killed.",
    "Assange worked with whistleblower Chelsea Manning. Because of Manning, we learned the truth.",
])
def test_collisions_are_not_places(geoparser, text):
    assert _texts(geoparser, text) == []


def test_common_words_with_evidence_are_places(geoparser):
    assert _texts(geoparser, "He grew up in the town of Hope, Ark.") == ["Hope", "Ark"]


def test_demonyms_and_organisations_are_tagged(geoparser):
    parsed = {p.text: p.kind for p in geoparser.parse("The Iraqi army and the Syrian Democratic Forces met in Hasakah.")}
    assert parsed["Iraqi"] == "demonym"
    assert parsed["Syrian"] == "org"
    assert parsed["Hasakah"] == "place"
    arabic = {p.text: p.kind for p in geoparser.parse("قال الجيش العراقي إن القوات دخلت الموصل")}
    assert arabic["العراقي"] == "demonym"
    assert arabic["الموصل"] == "place"


def test_dateline(geoparser):
    found = [p for p in geoparser.parse("BEIRUT (AP) — Officials said on Monday.") if p.kind == "place"]
    assert found and found[0].text == "BEIRUT" and found[0].country == "LB" and found[0].cue == "dateline"


def test_sentence_spans():
    text = "Mr. Smith went to Washington. He met U.S. officials!\nNew line here"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Mr. Smith went to Washington.", "He met U.S. officials!", "New line here"]


def test_a_role_names_a_person_but_not_a_place(geoparser):
    """"activist Nadia Karimi": first and last name after a role; "journalists in Tehran" stays a place."""
    assert _texts(geoparser, "Police arrested journalists in Tehran and activist Hamilton Jordan.") == ["Tehran"]


@pytest.mark.parametrize("text, name", [
    ("Troops torched houses in Kyauk Kan village on Friday.", "Kyauk Kan"),  # "Kan" alone is a place elsewhere
    ("Residents of Nyaung Pin Thar village fled the fighting.", "Nyaung Pin Thar"),
])
def test_a_name_before_its_settlement_word_is_read_whole(geoparser, text, name):
    assert _texts(geoparser, text) == [name]


@pytest.mark.parametrize("text, wanted", [
    ("Gunmen attacked the Yazidi village of Kocho.", ["Kocho"]),  # the name follows "village of"
    ("Gunmen attacked a Christian village near Hasakah.", ["Hasakah"]),  # an adjective after "a"
])
def test_adjectives_before_a_settlement_word_are_no_names(geoparser, text, wanted):
    assert _texts(geoparser, text) == wanted
