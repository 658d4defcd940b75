"""The ``actors`` stage: who is acting in an article.

A dictionary of named actors written here (``data/actors/actors.jsonl``, with
ACLED names and categories, aliases in English, Arabic and transliterations)
is searched with one Aho–Corasick automaton over folded text; demonym + force
phrases name state forces ("Iraqi troops" -> "Military Forces of Iraq");
title and claim cues find organisations the dictionary lacks; spaCy NER runs
only on the sentences the caller asks about.

    dictionary = ActorDictionary.load(extra=["my_actors.jsonl"])
    recognizer = ActorRecognizer(dictionary, use_ner=True)
    recognizer.find("Kata'ib Hezbollah released a statement")
    recognizer.mentions(doc, articles, sentences_to_check=[(120, 260)])
"""

from __future__ import annotations

from marsad.actors.countries import GENERIC_KINDS, GenericActor
from marsad.actors.dictionary import CATEGORIES, ActorDictionary, ActorEntry
from marsad.actors.ner import NerModel
from marsad.actors.recognizer import COMPONENT, VERSION, ActorAnalysis, ActorMatch, ActorRecognizer

__all__ = [
    "CATEGORIES",
    "COMPONENT",
    "GENERIC_KINDS",
    "VERSION",
    "ActorAnalysis",
    "ActorDictionary",
    "ActorEntry",
    "ActorMatch",
    "ActorRecognizer",
    "GenericActor",
    "NerModel",
    "generic_actor",
]


def generic_actor(kind: str, country: str | None = None) -> GenericActor:
    """ACLED's generic actor of ``kind`` in the country with ISO2 code ``country``:
    ``generic_actor("armed_group", "IQ")`` -> "Unidentified Armed Group (Iraq)"."""
    from marsad.actors.countries import generic_actor as _generic

    dictionary = ActorDictionary.load()
    found = dictionary.country(country)
    if country and found is None:
        raise ValueError(f"unknown country code {country!r}")
    return _generic(kind, found)
